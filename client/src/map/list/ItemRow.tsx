/**
 * One row of the item list: name (with a dot per person who has it selected, and badges
 * for a proposal, a stale item or one changed since the chosen date), kind, details and
 * last change. The element lives as long as the item stays in view, and its
 * cells follow the item as it changes: a row that was re-created would drop the
 * keyboard focus whenever someone (or the automatic layout) changed its item.
 */
import { For, Show } from 'solid-js';
import type { GraphNode } from '@schema';
import { fmt, lang, t } from '@i18n';
import type { PeerPresence } from '@sync/map-model';
import { detailOf, kindLabel } from '@map/shared';
import { formatChanged, formatChangedFull } from './list-rows';

export interface ItemRowProps {
  node: GraphNode;
  selected: boolean;
  /** The one row in the Tab order (roving tabindex). */
  tabbable: boolean;
  /** 1-based row number among all rows (header = 1), when not every row is rendered. */
  rowIndex: number | undefined;
  peers: readonly PeerPresence[] | undefined;
  /** Not confirmed within the map's freshness period. */
  stale: boolean;
  /** Highlighted by "what changed since…". */
  changed: boolean;
  onClick(e: MouseEvent): void;
  onFocus(): void;
  onKeyDown(e: KeyboardEvent): void;
}

export function ItemRow(props: ItemRowProps) {
  const changedAt = () => props.node.provenance.updatedAt;
  const who = () => props.node.provenance.updatedBy?.name;
  const kind = () => kindLabel(props.node, lang());
  const detail = () => detailOf(props.node, lang());
  const badges = () => {
    const out: ('proposed' | 'stale' | 'changed')[] = [];
    if (props.node.provenance.status === 'proposed') out.push('proposed');
    if (props.stale) out.push('stale');
    if (props.changed) out.push('changed');
    return out;
  };
  return (
    <tr
      class="item-row"
      classList={{ selected: props.selected, changed: props.changed }}
      data-id={props.node.id}
      aria-rowindex={props.rowIndex}
      aria-selected={props.selected ? 'true' : 'false'}
      tabindex={props.tabbable ? 0 : -1}
      onClick={(e) => props.onClick(e)}
      onFocus={() => props.onFocus()}
      onKeyDown={(e) => props.onKeyDown(e)}
    >
      <td class="col-name">
        <div class="name-cell" classList={{ 'with-badges': badges().length > 0 }}>
          <div class="name-line">
            <span class="cell-text" title={props.node.label}>
              {props.node.label}
            </span>
            <For each={props.peers}>
              {(p) => (
                <span class="list-peer" style={{ '--peer-color': p.color }} title={p.name}>
                  <span class="list-sr-only">{fmt(t().list.selectedBy, { name: p.name })}</span>
                </span>
              )}
            </For>
          </div>
          <Show when={badges().length > 0}>
            <div class="list-badges">
              <For each={badges()}>
                {(b) => (
                  <span class={`list-badge badge-${b}`} title={t().list.badgeHints[b]}>
                    {t().list.badges[b]}
                  </span>
                )}
              </For>
            </div>
          </Show>
        </div>
      </td>
      <td class="col-kind">
        <span class="cell-text" title={kind()}>
          {kind()}
        </span>
      </td>
      <td class="col-details">
        <span class="cell-text" title={detail()}>
          {detail()}
        </span>
      </td>
      <td class="col-changed" title={changedAt() === undefined ? undefined : formatChangedFull(changedAt()!, lang())}>
        <Show when={changedAt() !== undefined}>
          <time datetime={new Date(changedAt()!).toISOString()}>{formatChanged(changedAt(), lang())}</time>
        </Show>
        <Show when={who()}>
          {(name) => (
            <>
              {/* Only the name fits the column; assistive technology hears "door …". */}
              <span class="list-sr-only">{fmt(t().list.changedBy, { name: name() })}</span>
              <span class="list-who" aria-hidden="true">
                {name()}
              </span>
            </>
          )}
        </Show>
      </td>
    </tr>
  );
}
