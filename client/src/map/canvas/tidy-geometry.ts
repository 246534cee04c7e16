/**
 * The geometry of "tidy up" beyond the force-directed layout: items linked to nothing
 * among those tidied go in a grid beside the rest (fcose piles them up), and whatever
 * still lies on top of another item afterwards is pushed apart. Pure, no Cytoscape.
 */
import type { Box, Point } from './placement';

export const DEFAULTS = {
  /** Distance between the centres of neighbouring cells of the grid of unlinked items (room for a label). */
  gridGapX: 160,
  gridGapY: 100,
  /** Space between the laid-out items and the grid beside them. */
  besideGap: 200,
  /** The grid is about this many times wider than high when nothing sets its height. */
  gridAspect: 2,
  /** No two tidied items' centres end closer than this (items are at most ~50 units wide). */
  minDistance: 90,
  /** Rounds of pushing overlapping items apart before giving up (a few suffice in practice). */
  spreadRounds: 50,
} as const;

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The box around `points`, or null for none. */
export function boxOf(points: Iterable<Point>): Box | null {
  let box: Box | null = null;
  for (const p of points) {
    if (!box) box = { x1: p.x, y1: p.y, x2: p.x, y2: p.y };
    else {
      box.x1 = Math.min(box.x1, p.x);
      box.y1 = Math.min(box.y1, p.y);
      box.x2 = Math.max(box.x2, p.x);
      box.y2 = Math.max(box.y2, p.y);
    }
  }
  return box;
}

/**
 * Cells for `count` unlinked items, in reading order. Beside `rest` (to its right, from
 * its top, at most as many rows as fit its height so the grid does not tower over it), or
 * when there is no rest, a grid about `gridAspect` times wider than high centred on `centre`.
 */
export function gridBeside(count: number, rest: Box | null, centre: Point): Point[] {
  if (count <= 0) return [];
  const { gridGapX: gx, gridGapY: gy } = DEFAULTS;
  let cols: number;
  if (rest) {
    const rows = Math.max(1, Math.floor((rest.y2 - rest.y1) / gy) + 1);
    cols = Math.ceil(count / Math.min(rows, Math.ceil(Math.sqrt(count))));
  } else {
    cols = Math.max(1, Math.ceil(Math.sqrt(count * DEFAULTS.gridAspect)));
  }
  cols = Math.min(cols, count);
  const rows = Math.ceil(count / cols);
  const origin = rest
    ? { x: rest.x2 + DEFAULTS.besideGap, y: rest.y1 }
    : { x: centre.x - ((cols - 1) * gx) / 2, y: centre.y - ((rows - 1) * gy) / 2 };
  const out: Point[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ x: round(origin.x + (i % cols) * gx), y: round(origin.y + Math.floor(i / cols) * gy) });
  }
  return out;
}

/**
 * Pushes apart every two items whose centres are closer than `minDistance`, each by half
 * the shortfall along the line between them (coinciding ones along a direction taken
 * from their order), round after round until none is too close. Deterministic: the same
 * input gives the same output on every device. Items in buckets of one cell, so a round
 * costs about O(n).
 */
export function spreadApart(
  points: ReadonlyMap<string, Point>,
  minDistance = DEFAULTS.minDistance,
): Map<string, Point> {
  const ids = [...points.keys()];
  const at = ids.map((id) => ({ ...points.get(id)! }));
  const cell = minDistance;
  for (let round = 0; round < DEFAULTS.spreadRounds; round++) {
    const buckets = new Map<string, number[]>();
    at.forEach((p, i) => {
      const k = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
      const list = buckets.get(k);
      if (list) list.push(i);
      else buckets.set(k, [i]);
    });
    let moved = false;
    at.forEach((p, i) => {
      const cx = Math.floor(p.x / cell);
      const cy = Math.floor(p.y / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const j of buckets.get(`${cx + dx},${cy + dy}`) ?? []) {
            if (j <= i) continue;
            const q = at[j]!;
            let vx = q.x - p.x;
            let vy = q.y - p.y;
            const d = Math.hypot(vx, vy);
            if (d >= minDistance) continue;
            if (d < 1e-6) {
              const a = ((i * 7 + j * 13) % 360) * (Math.PI / 180);
              vx = Math.cos(a);
              vy = Math.sin(a);
            } else {
              vx /= d;
              vy /= d;
            }
            // A little more than half the shortfall each, so rounding never leaves them just short.
            const push = (minDistance - d) / 2 + 0.5;
            p.x -= vx * push;
            p.y -= vy * push;
            q.x += vx * push;
            q.y += vy * push;
            moved = true;
          }
        }
      }
    });
    if (!moved) break;
  }
  return new Map(ids.map((id, i) => [id, { x: round(at[i]!.x), y: round(at[i]!.y) }]));
}
