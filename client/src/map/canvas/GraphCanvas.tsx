/**
 * The graph view: Cytoscape in a focusable container with an accessible name (the list
 * is the accessible alternative), zoom/fit buttons and the link-mode toggle. The logic
 * lives in canvas/; this component only provides the elements and their lifetime.
 */
import { Show, createSignal, onCleanup, onMount } from 'solid-js';
import { t } from '@i18n';
import { useDialogs } from '@map/dialogs';
import { useFilters } from '@map/filters';
import { useReview } from '@map/review';
import { useMap, useNotices } from '@map/ui-kit';
import { useCanvas } from './state';
import { mountCanvas } from './view';
import './canvas.css';

export function GraphCanvas() {
  const { model, focusRequest } = useMap();
  const { notify, reportError } = useNotices();
  const { visible } = useFilters();
  const { stale, changes } = useReview();
  const { openLink } = useDialogs();
  const canvas = useCanvas();
  const [linkMode, setLinkMode] = createSignal(false);
  let host!: HTMLDivElement;
  let container!: HTMLDivElement;
  let line!: SVGLineElement;

  onMount(() => {
    const deps = {
      model,
      visible,
      stale,
      changedSince: changes.state,
      focusRequest,
      openLink,
      notify,
      reportError,
      attach: canvas.attach,
    };
    onCleanup(mountCanvas(deps, { host, container, line }, linkMode));
  });

  return (
    <div ref={host} class="graph-canvas" classList={{ 'link-mode': linkMode() }}>
      <div
        ref={container}
        class="graph-canvas-cy"
        role="application"
        aria-label={t().canvas.label}
        aria-describedby="graph-canvas-hint"
        tabindex="0"
        data-ready="false"
        data-node-count="0"
        data-edge-count="0"
      />
      <svg class="link-ghost" aria-hidden="true">
        <line ref={line} style={{ display: 'none' }} />
      </svg>
      <p id="graph-canvas-hint" class="visually-hidden">
        {t().canvas.hint} {model.canEdit ? t().canvas.hintEdit : ''}
      </p>
      <div class="canvas-controls" role="group" aria-label={t().canvas.controls}>
        <button type="button" aria-label={t().zoomIn} title={t().zoomIn} onClick={() => canvas.zoomIn()}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" aria-label={t().zoomOut} title={t().zoomOut} onClick={() => canvas.zoomOut()}>
          <span aria-hidden="true">−</span>
        </button>
        <button type="button" aria-label={t().fit} title={t().fit} onClick={() => canvas.fit()}>
          <span aria-hidden="true">⤢</span>
        </button>
        <Show when={model.canEdit}>
          <button
            type="button"
            class="link-mode-toggle"
            aria-pressed={linkMode()}
            title={t().canvas.linkModeHelp}
            onClick={() => setLinkMode(!linkMode())}
          >
            {t().canvas.linkMode}
          </button>
        </Show>
      </div>
    </div>
  );
}
