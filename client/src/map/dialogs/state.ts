/**
 * Which of the map page's dialogs is open, and for what: creating an item of a kind,
 * linking from an item (to a known target after a drag-to-link), rejecting a proposal,
 * the map's settings, the list of shortcuts. Any feature opens them; the dialogs themselves close them.
 */
import { type Accessor, createSignal } from 'solid-js';
import type { NodeKind } from '@schema';
import type { ItemRef } from '@sync/map-model';
import { featureContext } from '@map/ui-kit';

/** The "Link to…" dialog: the item it starts from and, if known (drag-to-link), the target. */
export interface LinkRequest {
  from: string;
  to?: string;
}

export interface DialogsState {
  /** The kind being created in the create dialog, or null when it is closed. */
  creating: Accessor<NodeKind | null>;
  openCreate(kind: NodeKind): void;
  closeCreate(): void;
  linking: Accessor<LinkRequest | null>;
  openLink(fromId: string, toId?: string): void;
  closeLink(): void;
  /** The proposal waiting for "reject?" to be answered, or null. */
  rejecting: Accessor<ItemRef | null>;
  askReject(target: ItemRef): void;
  closeReject(): void;
  settingsOpen: Accessor<boolean>;
  openSettings(): void;
  closeSettings(): void;
  /** The list of keyboard shortcuts. */
  shortcutsOpen: Accessor<boolean>;
  openShortcuts(): void;
  closeShortcuts(): void;
}

export function createDialogsState(): DialogsState {
  const [creating, setCreating] = createSignal<NodeKind | null>(null);
  const [linking, setLinking] = createSignal<LinkRequest | null>(null);
  const [rejecting, setRejecting] = createSignal<ItemRef | null>(null);
  const [settingsOpen, setSettingsOpen] = createSignal(false);
  const [shortcutsOpen, setShortcutsOpen] = createSignal(false);
  return {
    creating,
    openCreate: (kind) => setCreating(kind),
    closeCreate: () => setCreating(null),
    linking,
    openLink: (from, to) => setLinking(to ? { from, to } : { from }),
    closeLink: () => setLinking(null),
    rejecting,
    askReject: (target) => setRejecting(target),
    closeReject: () => setRejecting(null),
    settingsOpen,
    openSettings: () => setSettingsOpen(true),
    closeSettings: () => setSettingsOpen(false),
    shortcutsOpen,
    openShortcuts: () => setShortcutsOpen(true),
    closeShortcuts: () => setShortcutsOpen(false),
  };
}

const context = featureContext<DialogsState>('useDialogs()');
export const DialogsProvider = context.Provider;
export const useDialogs = context.use;
