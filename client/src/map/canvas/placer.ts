/**
 * Decides how unplaced nodes get positions: a few go one by one next to their
 * neighbours (placement.ts); many at once are laid out by fcose — everything, if the
 * map has never been arranged, or else just the newcomers, set beside the arrangement
 * that exists so nobody's work is disturbed.
 */
import type { Core } from 'cytoscape';
import { computeLayout, qualityFor } from './layout';
import { DEFAULTS as PLACEMENT, type Point, besideShift, placeFew } from './placement';
import { boxOf } from './tidy-geometry';

export interface PlaceOptions {
  neighbours(id: string): Iterable<string>;
  /** Middle of the current view, for unlinked newcomers. */
  centre: Point;
}

/** Positions for `ids` (nodes already in `cy`, parked); other nodes are not moved. */
export function placeUnplaced(cy: Core, ids: readonly string[], opts: PlaceOptions): Map<string, Point> {
  const pending = new Set(ids);
  const placed = new Map<string, Point>();
  cy.nodes().forEach((n) => {
    if (!pending.has(n.id())) placed.set(n.id(), { ...n.position() });
  });
  if (ids.length <= PLACEMENT.manyUnplaced) {
    return placeFew({ pending: ids, placed, neighbours: opts.neighbours, centre: opts.centre });
  }
  if (placed.size === 0) return computeLayout(cy.nodes(), qualityFor(ids.length));
  const block = cy.nodes().filter((n) => pending.has(n.id()));
  const out = computeLayout(block, 'draft');
  const shift = besideShift(boxOf(placed.values()), boxOf(out.values())!);
  for (const [id, p] of out)
    out.set(id, { x: Math.round((p.x + shift.x) * 10) / 10, y: Math.round((p.y + shift.y) * 10) / 10 });
  return out;
}
