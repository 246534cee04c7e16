/**
 * Keyboard shortcuts of the map page; never while focus is where one types (a field, a
 * contenteditable, the note editor). The list of them is the "Sneltoetsen" dialog (? or
 * its toolbar button; SHORTCUTS in shortcut-list.ts): N new item, L link, K still correct
 * ("Klopt nog", editors and owners), / search, F fit, Delete, Escape, Ctrl+Z / Ctrl+Shift+Z.
 */
import { onCleanup } from 'solid-js';
import type { MapModel } from '@sync/map-model';
import type { CanvasState } from '@map/canvas';
import type { DialogsState } from '@map/dialogs';
import type { ReviewState } from '@map/review';

/** Where typing is text: fields, anything contenteditable, a textbox (the note editor). */
const TEXT_ENTRY = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

/** Whether the key goes to, or focus is in, something one types in. */
export function typing(target: EventTarget | null): boolean {
  const inText = (el: Element | null) =>
    !!el && ((el as HTMLElement).isContentEditable || el.closest?.(TEXT_ENTRY) != null);
  return inText(target instanceof Element ? target : null) || inText(document.activeElement);
}

/** What the shortcuts act on: the model and the features they open or run. */
export interface ShortcutTargets {
  model: MapModel;
  dialogs: Pick<DialogsState, 'openCreate' | 'openLink' | 'openShortcuts'>;
  review: Pick<ReviewState, 'stillCorrect'>;
  canvas: Pick<CanvasState, 'fit'>;
}

export function useShortcuts(targets: ShortcutTargets): void {
  const { model, dialogs, review, canvas } = targets;
  const onKey = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z' && !typing(e.target)) {
      e.preventDefault();
      if (!model.canEdit) return;
      if (e.shiftKey) model.redo();
      else model.undo();
      return;
    }
    if (mod && e.key.toLowerCase() === 'y' && !typing(e.target)) {
      e.preventDefault();
      if (model.canEdit) model.redo();
      return;
    }
    if (mod || e.altKey || typing(e.target) || document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
    const selected = model.selection();
    switch (e.key) {
      case '?':
        e.preventDefault();
        dialogs.openShortcuts();
        break;
      case '/':
        e.preventDefault();
        document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
        break;
      case 'n':
      case 'N':
        if (model.canEdit) {
          e.preventDefault();
          dialogs.openCreate('person');
        }
        break;
      case 'l':
      case 'L':
        if (model.canEdit && selected.length === 1) {
          e.preventDefault();
          dialogs.openLink(selected[0]!);
        }
        break;
      case 'k':
      case 'K':
        if (
          model.rules.mayConfirm &&
          selected.length === 1 &&
          model.node(selected[0]!)?.provenance.status === 'confirmed'
        ) {
          e.preventDefault();
          review.stillCorrect(selected[0]!);
        }
        break;
      case 'f':
      case 'F':
        canvas.fit();
        break;
      case 'Escape':
        model.setSelection([]);
        break;
    }
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
}
