/**
 * Where to put items that have no position yet (new items, imports, maps made by
 * another tool). Pure geometry, no Cytoscape: an item with placed neighbours goes near
 * them, others near the middle of what the person is looking at, never on top of an
 * existing item. Deterministic, so two people placing the same item get the same spot.
 */

export const DEFAULTS = {
  /** Above this many unplaced items at once, a layout algorithm places them instead (placer.ts). */
  manyUnplaced: 20,
  /**
   * Room an item needs around its centre, sideways and up or down: items are ~40 units
   * high with a label of up to ~130 units wide under them, so the free zone is wider
   * than it is high.
   */
  gapX: 120,
  gapY: 60,
  /** Rings searched around an anchor for a free spot before giving up (never reached in practice). */
  maxRings: 200,
  /** Spots tried on a ring: this many times the ring's number (outer rings are longer). */
  spotsPerRing: 8,
  /** How much higher than a gap each ring reaches, so rings are ellipses like the room an item needs. */
  ringStretchY: 1.25,
  /** An imported block goes this many horizontal gaps to the right of what is drawn. */
  besideGaps: 2,
} as const;

/** The names the tests know them by. */
export const GAP_X = DEFAULTS.gapX;
export const GAP_Y = DEFAULTS.gapY;

export interface Point {
  x: number;
  y: number;
}

/** Occupied points bucketed by cell, so "is this spot free" costs O(1) on big maps. */
export class SpatialGrid {
  private readonly cells = new Map<string, Point[]>();
  private readonly cell = Math.max(DEFAULTS.gapX, DEFAULTS.gapY);

  private key(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }

  add(p: Point): void {
    const k = this.key(Math.floor(p.x / this.cell), Math.floor(p.y / this.cell));
    let list = this.cells.get(k);
    if (!list) this.cells.set(k, (list = []));
    list.push({ x: p.x, y: p.y });
  }

  /** True when no occupied point lies within gapX sideways and gapY up or down. */
  isFree(p: Point): boolean {
    const cx = Math.floor(p.x / this.cell);
    const cy = Math.floor(p.y / this.cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const q of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
          if (Math.abs(q.x - p.x) < DEFAULTS.gapX && Math.abs(q.y - p.y) < DEFAULTS.gapY) return false;
        }
      }
    }
    return true;
  }
}

export function mean(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

/** A stable angle per id, so new items around one neighbour fan out the same way everywhere. */
export function angleFor(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) / 2 ** 32) * 2 * Math.PI;
}

/**
 * The nearest free spot around `anchor`: elliptic rings (wider than high, like the room
 * an item needs) of growing size, starting one gap out, so an item never lands exactly
 * on the anchor, which is usually a neighbour's centre.
 */
export function freeSpotNear(anchor: Point, grid: SpatialGrid, startAngle = 0): Point {
  for (let ring = 1; ring < DEFAULTS.maxRings; ring++) {
    const steps = DEFAULTS.spotsPerRing * ring;
    for (let i = 0; i < steps; i++) {
      const a = startAngle + (i / steps) * 2 * Math.PI;
      const p = {
        x: round(anchor.x + ring * DEFAULTS.gapX * Math.cos(a)),
        y: round(anchor.y + ring * DEFAULTS.gapY * DEFAULTS.ringStretchY * Math.sin(a)),
      };
      if (grid.isFree(p)) return p;
    }
  }
  return { x: round(anchor.x), y: round(anchor.y) }; // unreachable in practice: every ring is full
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

export interface PlacementInput {
  /** Ids to place, in a stable order. */
  pending: readonly string[];
  /** Positions of everything already placed (not the pending ones). */
  placed: ReadonlyMap<string, Point>;
  neighbours(id: string): Iterable<string>;
  /** Where unlinked items go: the middle of the current view. */
  centre: Point;
}

/**
 * Places a few items one by one. Items linked to placed ones go first (near the mean of
 * their placed neighbours); each placed item can anchor the next, so a new item linked
 * only to another new one still lands beside it. What stays unlinked goes near `centre`.
 */
export function placeFew(input: PlacementInput): Map<string, Point> {
  const grid = new SpatialGrid();
  for (const p of input.placed.values()) grid.add(p);
  const out = new Map<string, Point>();
  const at = (id: string) => out.get(id) ?? input.placed.get(id);
  const remaining = [...input.pending];
  while (remaining.length) {
    let progress = false;
    for (let i = 0; i < remaining.length; i++) {
      const id = remaining[i]!;
      const anchors: Point[] = [];
      for (const n of input.neighbours(id)) {
        const p = at(n);
        if (p) anchors.push(p);
      }
      if (!anchors.length) continue;
      const p = freeSpotNear(mean(anchors), grid, angleFor(id));
      grid.add(p);
      out.set(id, p);
      remaining.splice(i--, 1);
      progress = true;
    }
    if (!progress) {
      const id = remaining.shift()!;
      const p = grid.isFree(input.centre) ? { ...input.centre } : freeSpotNear(input.centre, grid, angleFor(id));
      grid.add(p);
      out.set(id, p);
    }
  }
  return out;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Where a block laid out on its own (an import) goes: beside what is already drawn, to
 * its right, so it never lands on top of anyone's arrangement. Returns the shift to apply.
 */
export function besideShift(existing: Box | null, block: Box, gap = DEFAULTS.besideGaps * DEFAULTS.gapX): Point {
  if (!existing) return { x: 0, y: 0 };
  return {
    x: existing.x2 + gap - block.x1,
    y: (existing.y1 + existing.y2) / 2 - (block.y1 + block.y2) / 2,
  };
}
