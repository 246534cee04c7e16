/** Create any kind of item, undo/redo, and the canvas commands. */
import { For, Show } from 'solid-js';
import { NODE_KINDS, NODE_KIND_DEFS } from '../../../../schema/index.js';
import { fmt, loc, t } from '../../i18n';
import { useMap } from './context';

export function Toolbar() {
  const ui = useMap();
  const { model } = ui;
  return (
    <div class="toolbar" role="toolbar" aria-label={t().toolbar}>
      <Show when={model.canEdit} fallback={<span class="read-only">{t().readOnly}</span>}>
        <For each={NODE_KINDS}>
          {(kind) => (
            <button
              type="button"
              class={`new-item kind-${kind}`}
              aria-label={fmt(t().newItem, { kind: loc(NODE_KIND_DEFS[kind].label) })}
              onClick={() => ui.openCreate(kind)}
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
      <span class="sep" />
      {/* Fit and zoom live beside the canvas itself (and F fits). */}
      <Show when={model.canEdit}>
        <button type="button" onClick={() => ui.canvas.tidy?.()}>
          {t().tidy}
        </button>
      </Show>
      <span class="shortcuts-hint" title={t().shortcuts}>
        ⌨
      </span>
    </div>
  );
}
