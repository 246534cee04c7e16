/**
 * The right column: the selected item to read and (where the role allows) to edit, link
 * and delete; a summary when several are selected; a hint when none is. The Delete key
 * asks to delete the selected item.
 */
import { Match, Show, Switch, createSignal, onCleanup } from 'solid-js';
import { t } from '@i18n';
import { useMap } from '@map/ui-kit';
import { DeleteConfirm } from './DeleteConfirm';
import { ItemDetails } from './ItemDetails';
import { ManySelected, NothingSelected } from './SelectionSummary';
import { dialogOpen, isTyping } from './keys';
import './panel.css';

export function ItemPanel() {
  const { model } = useMap();
  const [confirming, setConfirming] = createSignal<string | null>(null);
  const single = () => (model.selection().length === 1 ? model.selection()[0] : undefined);

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Delete' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    if (!model.canEdit || isTyping(e.target) || dialogOpen()) return;
    const id = single();
    if (!id || !model.rules.mayChange(model.node(id))) return;
    e.preventDefault();
    setConfirming(id);
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <aside class="item-panel" aria-label={t().panel.title}>
      <Switch fallback={<NothingSelected />}>
        <Match when={model.selection().length > 1}>
          <ManySelected ids={model.selection()} />
        </Match>
        <Match when={single()}>
          {/* Keyed: another item starts with a fresh panel (not in the middle of an edit). */}
          <Show when={single()} keyed>
            {(id) => <ItemDetails id={id} onDelete={() => setConfirming(id)} />}
          </Show>
        </Match>
      </Switch>
      <Show when={model.canEdit}>
        <DeleteConfirm id={confirming()} onClose={() => setConfirming(null)} />
      </Show>
    </aside>
  );
}
