/**
 * Create any kind of item, undo/redo, the canvas commands, the review panel (stale
 * items, proposals, activity) with how much is waiting there, and the shortcut list.
 */
import { For, Show } from 'solid-js';
import { NODE_KINDS, NODE_KIND_DEFS } from '@schema';
import { fmt, loc, t } from '@i18n';
import { useCanvas } from '@map/canvas';
import { useDialogs } from '@map/dialogs';
import { useReview } from '@map/review';
import { formatMoment, useMap } from '@map/ui-kit';
import './header.css';

export function Toolbar() {
  const { model } = useMap();
  const dialogs = useDialogs();
  const review = useReview();
  const canvas = useCanvas();
  /** Stale items, and for those who can confirm them the open proposals. */
  const waiting = () => {
    const proposals = model.rules.mayConfirm
      ? model.nodes().filter((n) => n.provenance.status === 'proposed').length +
        model.edges().filter((e) => e.provenance.status === 'proposed').length
      : 0;
    return review.stale().size + proposals;
  };
  return (
    <div class="toolbar" role="toolbar" aria-label={t().toolbar}>
      <Show when={model.canEdit} fallback={<span class="read-only">{t().readOnly}</span>}>
        <For each={NODE_KINDS}>
          {(kind) => (
            <button
              type="button"
              class={`new-item kind-${kind}`}
              aria-label={fmt(t().newItem, { kind: loc(NODE_KIND_DEFS[kind].label) })}
              onClick={() => dialogs.openCreate(kind)}
            >
              + {loc(NODE_KIND_DEFS[kind].label)}
            </button>
          )}
        </For>
        <span class="sep" />
        <button type="button" disabled={!model.canUndo()} onClick={() => model.undo()} title="Ctrl+Z">
          {t().undo}
        </button>
        <button type="button" disabled={!model.canRedo()} onClick={() => model.redo()} title="Ctrl+Shift+Z">
          {t().redo}
        </button>
      </Show>
      <Show when={model.canEdit && !model.rules.mayConfirm}>
        <span class="proposing-hint">{t().proposing}</span>
      </Show>
      <span class="sep" />
      <button
        type="button"
        class="review-toggle"
        aria-pressed={review.panelOpen()}
        onClick={() => (review.panelOpen() ? review.closePanel() : review.openPanel())}
      >
        {waiting() ? fmt(t().review.openCount, { n: waiting() }) : t().review.open}
      </button>
      <Show when={review.changes.since()}>
        {(since) => (
          <button type="button" class="highlight-chip" onClick={() => review.changes.clear()}>
            {fmt(t().review.clearHighlightSince, { date: formatMoment(since()) })}
          </button>
        )}
      </Show>
      <span class="sep" />
      {/* Fit and zoom live beside the canvas itself (and F fits). */}
      <Show when={model.canEdit}>
        <button type="button" onClick={() => canvas.askTidy()}>
          {canvas.tidyScope().scope === 'selection'
            ? fmt(t().tidySelection, { n: canvas.tidyScope().ids.length })
            : t().tidy}
        </button>
      </Show>
      <button
        type="button"
        class="shortcuts-button"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        onClick={() => dialogs.openShortcuts()}
      >
        <span aria-hidden="true">⌨ </span>
        {t().shortcuts}
      </button>
    </div>
  );
}
