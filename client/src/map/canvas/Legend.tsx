/**
 * The legend: every kind of item with its shape, colour and pictogram, every kind of link
 * with its line and arrow, and the marks (proposal, stale, changed since…, selections). Drawn from the same
 * table as the canvas stylesheet. Folded away behind a button; remembered per device.
 */
import { For, Show, createSignal } from 'solid-js';
import { EDGE_KINDS, EDGE_KIND_DEFS, type EdgeKind, NODE_KINDS, NODE_KIND_DEFS, type NodeKind } from '@schema';
import { loc, t } from '@i18n';
import { EDGE_LOOK, NODE_LOOK, iconUri } from './kind-style';
import { DEFAULTS as STYLE } from './style';
import { shapePoints, svgPoints } from './shapes';
import './canvas.css';

const KEY = 'buurtweb.legend';

/** A kind's shape as on the canvas; `mark` draws a proposal, a stale item or a changed one. */
function KindSwatch(props: { kind: NodeKind; mark?: 'proposal' | 'stale' | 'changed' }) {
  const look = NODE_LOOK[props.kind];
  const points = shapePoints(look.shape);
  const common = () => ({
    fill: look.color,
    'fill-opacity': props.mark === 'proposal' ? 0.55 : 1,
    stroke: props.mark === 'proposal' ? '#1d2733' : props.mark === 'stale' ? STYLE.stale : look.color,
    'stroke-width': props.mark === 'proposal' ? 1.6 : props.mark === 'stale' ? 2.6 : 2,
    'stroke-linejoin': 'round' as const,
    'stroke-dasharray': props.mark === 'proposal' ? '3 2' : undefined,
  });
  const iconTop = 3 + (18 * (look.iconY - 50)) / 100;
  return (
    <svg class="swatch" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
      <Show when={props.mark === 'changed'}>
        <circle cx="12" cy="12" r="12" fill={STYLE.changed} fill-opacity="0.5" />
      </Show>
      {look.shape === 'ellipse' ? (
        <circle cx="12" cy="12" r="10.5" {...common()} />
      ) : look.shape === 'round-rectangle' ? (
        <rect x="1.5" y="1.5" width="21" height="21" rx="5" {...common()} />
      ) : (
        <polygon points={svgPoints(points!, 12, 12, 21)} {...common()} />
      )}
      <image href={iconUri(props.kind)} x="5.5" y={iconTop + 2.5} width="13" height="13" />
    </svg>
  );
}

function LinkSwatch(props: { kind?: EdgeKind; color?: string; dashed?: boolean }) {
  const look = () =>
    props.kind
      ? EDGE_LOOK[props.kind]
      : { color: props.color ?? '#56616f', line: 'solid' as const, arrow: 'none' as const };
  const arrow = () => (props.kind && EDGE_KIND_DEFS[props.kind].symmetric ? 'none' : look().arrow);
  const dash = () => (props.dashed ? '5 3' : look().line === 'dotted' ? '1.5 2.5' : undefined);
  return (
    <svg class="swatch swatch-link" width="40" height="14" viewBox="0 0 40 14" aria-hidden="true">
      <Show
        when={look().line === 'double'}
        fallback={
          <line x1="2" y1="7" x2="31" y2="7" stroke={look().color} stroke-width="2" stroke-dasharray={dash()} />
        }
      >
        <line x1="2" y1="5.3" x2="31" y2="5.3" stroke={look().color} stroke-width="1.2" />
        <line x1="2" y1="8.7" x2="31" y2="8.7" stroke={look().color} stroke-width="1.2" />
      </Show>
      <Show when={arrow() !== 'none'}>
        {(() => {
          const c = look().color;
          switch (arrow()) {
            case 'square':
              return <rect x="30" y="3.5" width="7" height="7" fill={c} />;
            case 'circle':
              return <circle cx="34" cy="7" r="3.8" fill={c} />;
            case 'diamond':
              return <polygon points="29,7 34,2.5 39,7 34,11.5" fill={c} />;
            case 'tee':
              return <rect x="31" y="1.5" width="2.6" height="11" fill={c} />;
            case 'vee':
              return <polygon points="29,2 39,7 29,12 32,7" fill={c} />;
            default:
              return <polygon points="29,2 39,7 29,12" fill={c} />;
          }
        })()}
      </Show>
    </svg>
  );
}

export function Legend() {
  const [open, setOpen] = createSignal(localStorage.getItem(KEY) === 'open');
  const toggle = () => {
    setOpen(!open());
    localStorage.setItem(KEY, open() ? 'open' : 'closed');
  };
  return (
    <div class="legend">
      <div id="map-legend" class="legend-panel" role="region" aria-label={t().canvas.legend} hidden={!open()}>
        <h2>{t().canvas.itemKinds}</h2>
        <ul>
          <For each={NODE_KINDS}>
            {(kind) => (
              <li>
                <KindSwatch kind={kind} />
                {loc(NODE_KIND_DEFS[kind].label)}
              </li>
            )}
          </For>
        </ul>
        <h2>{t().canvas.linkKinds}</h2>
        <ul>
          <For each={EDGE_KINDS}>
            {(kind) => (
              <li>
                <LinkSwatch kind={kind} />
                {loc(EDGE_KIND_DEFS[kind].label)}
              </li>
            )}
          </For>
        </ul>
        <p class="legend-note">{t().canvas.directed}</p>
        <h2>{t().canvas.marks}</h2>
        <ul>
          <li>
            <KindSwatch kind="person" mark="proposal" />
            <LinkSwatch dashed />
            {t().canvas.proposal}
          </li>
          <li>
            <KindSwatch kind="organisation" mark="stale" />
            {t().canvas.stale}
          </li>
          <li>
            <KindSwatch kind="person" mark="changed" />
            {t().canvas.changed}
          </li>
          <li>
            <span class="mark mark-selected" aria-hidden="true" />
            {t().canvas.selected}
          </li>
          <li>
            <span class="mark mark-peer" aria-hidden="true" />
            {t().canvas.selectedByOther}
          </li>
        </ul>
      </div>
      <button type="button" class="legend-toggle" aria-expanded={open()} aria-controls="map-legend" onClick={toggle}>
        {t().canvas.legend}
      </button>
    </div>
  );
}
