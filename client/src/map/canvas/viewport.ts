/**
 * Viewport commands (fit, zoom in/out, follow a focus request) and the keyboard of the
 * focused canvas: arrows pan, + and - zoom. Animated, but short: people use these a lot.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { Point } from './placement';

const DEFAULTS = {
  /** How long fit and zoom animate, ms. */
  durationMs: 250,
  /** Zooming in multiplies the zoom by this; zooming out divides by it. */
  zoomStep: 1.3,
  /** An arrow key pans this far, px. */
  panStep: 60,
  /** Fitting a tiny map must not blow two items up to poster size. */
  fitMaxZoom: 1.4,
  /** Room left around what is fitted, px. */
  fitPadding: 40,
  /** Bringing an item into view: how long, ms, and at least this zoom. */
  focusMs: 350,
  focusMinZoom: 1,
  /** Around a set of positions: room for an item (sideways, above) and its label (below), model units. */
  boundsMargin: { x: 40, top: 30, bottom: 40 },
} as const;

/** Where a running zoom animation ends: quick presses add up from there, not from mid-way. */
const zoomTargets = new WeakMap<Core, number>();

export interface Bounds {
  x1: number;
  y1: number;
  w: number;
  h: number;
}

/**
 * Shows everything that is not filtered out. `bounds` overrides what to show: after a
 * tidy-up the nodes are still gliding, so their current box is not where they end up.
 */
export function fit(cy: Core, animate = true, bounds?: Bounds): void {
  const eles = cy.nodes(':visible');
  if (!bounds && eles.empty()) return;
  const bb = bounds ?? eles.boundingBox();
  const w = Math.max(1, cy.width() - 2 * DEFAULTS.fitPadding);
  const h = Math.max(1, cy.height() - 2 * DEFAULTS.fitPadding);
  const zoom = Math.min(
    DEFAULTS.fitMaxZoom,
    Math.max(cy.minZoom(), Math.min(w / Math.max(bb.w, 1), h / Math.max(bb.h, 1))),
  );
  const pan = { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) };
  zoomTargets.delete(cy);
  cy.stop(true);
  if (animate) cy.animate({ zoom, pan }, { duration: DEFAULTS.durationMs });
  else cy.viewport({ zoom, pan });
}

/** The box around some positions, widened by a node and its label. */
export function boundsOf(points: Iterable<Point>): Bounds | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (x1 === Infinity) return undefined;
  const m = DEFAULTS.boundsMargin;
  return { x1: x1 - m.x, y1: y1 - m.top, w: x2 - x1 + 2 * m.x, h: y2 - y1 + (m.top + m.bottom) };
}

function centreOfView(cy: Core): Point {
  return { x: cy.width() / 2, y: cy.height() / 2 };
}

export function zoomBy(cy: Core, factor: number): void {
  const from = zoomTargets.get(cy) ?? cy.zoom();
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), from * factor));
  zoomTargets.set(cy, level);
  cy.stop(true);
  cy.animate(
    { zoom: { level, renderedPosition: centreOfView(cy) } },
    {
      duration: DEFAULTS.durationMs,
      complete: () => {
        if (zoomTargets.get(cy) === level) zoomTargets.delete(cy);
      },
    },
  );
}

export const zoomIn = (cy: Core) => zoomBy(cy, DEFAULTS.zoomStep);
export const zoomOut = (cy: Core) => zoomBy(cy, 1 / DEFAULTS.zoomStep);

/** The middle of what the person sees, in model coordinates. */
export function viewCentre(cy: Core): Point {
  const e = cy.extent();
  return { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 };
}

/** Brings a node into the middle of the view, zooming in if the map is far away. */
export function focusNode(cy: Core, node: NodeSingular): void {
  zoomTargets.delete(cy);
  cy.stop(true);
  cy.animate(
    { center: { eles: node }, zoom: Math.max(cy.zoom(), DEFAULTS.focusMinZoom) },
    { duration: DEFAULTS.focusMs },
  );
}

/** Keys of the focused canvas; true if handled. */
export function handleKey(cy: Core, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const pan: Record<string, Point> = {
    ArrowLeft: { x: DEFAULTS.panStep, y: 0 },
    ArrowRight: { x: -DEFAULTS.panStep, y: 0 },
    ArrowUp: { x: 0, y: DEFAULTS.panStep },
    ArrowDown: { x: 0, y: -DEFAULTS.panStep },
  };
  const by = pan[e.key];
  if (by) {
    cy.panBy(by);
    return true;
  }
  if (e.key === '+' || e.key === '=') zoomIn(cy);
  else if (e.key === '-' || e.key === '_') zoomOut(cy);
  else return false;
  return true;
}
