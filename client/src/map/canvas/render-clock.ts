/**
 * Tells when the canvas shows what the store holds: `data-ready` on the container is
 * "false" from a change until Cytoscape has drawn it, and each change's time from start
 * to drawn is recorded as a `buurtweb:canvas` performance measure (read by the browser
 * benchmark, beside `buurtweb:apply`, the part spent applying it; cheap enough to leave
 * on). `data-node-count`/`data-edge-count` say what is drawn.
 */
import type { Core } from 'cytoscape';

const DEFAULTS = {
  /** A change that draws nothing new (same data) never triggers a frame: stop waiting after this, ms. */
  giveUpMs: 1000,
  /** Measures kept on the timeline before it is cleared (a long session makes many changes). */
  keepMeasures: 100,
} as const;

export function createRenderClock(cy: Core, el: HTMLElement) {
  let since: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drawn = () => {
    if (since === null) return;
    // A long session makes many changes: keep the timeline small.
    if (performance.getEntriesByName('buurtweb:canvas').length > DEFAULTS.keepMeasures) {
      performance.clearMeasures('buurtweb:canvas');
      performance.clearMeasures('buurtweb:apply');
    }
    performance.measure('buurtweb:canvas', {
      start: since,
      detail: { nodes: cy.nodes().length, edges: cy.edges().length },
    });
    since = null;
    clearTimeout(timer);
    el.dataset.ready = 'true';
  };
  cy.on('render', drawn);
  return {
    /** A change was applied that began at `start` (performance.now()). */
    changed(start: number): void {
      el.dataset.nodeCount = String(cy.nodes().length);
      el.dataset.edgeCount = String(cy.edges().length);
      el.dataset.ready = 'false';
      if (since === null) since = start;
      clearTimeout(timer);
      timer = setTimeout(drawn, DEFAULTS.giveUpMs);
    },
    dispose(): void {
      clearTimeout(timer);
      cy.off('render', drawn);
    },
  };
}
