/** Where the canvas puts items that have no position yet: pure geometry. */
import { describe, expect, it } from 'vitest';
import {
  GAP_X,
  GAP_Y,
  type Point,
  SpatialGrid,
  angleFor,
  besideShift,
  freeSpotNear,
  mean,
  placeFew,
} from '@map/canvas/placement';

const overlaps = (a: Point, b: Point) => Math.abs(a.x - b.x) < GAP_X && Math.abs(a.y - b.y) < GAP_Y;

function graph(edges: [string, string][]) {
  const adj = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (!adj.has(a)) adj.set(a, new Set());
    if (!adj.has(b)) adj.set(b, new Set());
    adj.get(a)!.add(b);
    adj.get(b)!.add(a);
  }
  return (id: string) => adj.get(id) ?? new Set<string>();
}

describe('placement helpers', () => {
  it('mean is the centre of the points', () => {
    expect(
      mean([
        { x: 0, y: 0 },
        { x: 10, y: 20 },
        { x: 20, y: 40 },
      ]),
    ).toEqual({ x: 10, y: 20 });
  });

  it('angleFor is stable per id and spreads ids around the circle', () => {
    expect(angleFor('abc')).toBe(angleFor('abc'));
    const angles = Array.from({ length: 200 }, (_, i) => angleFor(`node-${i}`));
    for (const a of angles) expect(a >= 0 && a < 2 * Math.PI).toBe(true);
    // Roughly uniform: every quarter of the circle gets some.
    for (let q = 0; q < 4; q++) {
      expect(angles.filter((a) => a >= (q * Math.PI) / 2 && a < ((q + 1) * Math.PI) / 2).length).toBeGreaterThan(25);
    }
  });

  it('a spot is free only outside the room (wider than high) around each item', () => {
    const grid = new SpatialGrid();
    grid.add({ x: 0, y: 0 });
    expect(grid.isFree({ x: GAP_X - 1, y: 0 })).toBe(false);
    expect(grid.isFree({ x: 0, y: GAP_Y - 1 })).toBe(false);
    expect(grid.isFree({ x: GAP_X, y: 0 })).toBe(true);
    expect(grid.isFree({ x: 0, y: -GAP_Y })).toBe(true);
    expect(grid.isFree({ x: 5000, y: -5000 })).toBe(true);
  });

  it('freeSpotNear never lands on the anchor or on anyone, and stays close', () => {
    const grid = new SpatialGrid();
    const taken: Point[] = [{ x: 0, y: 0 }];
    grid.add(taken[0]!);
    for (let i = 0; i < 40; i++) {
      const p = freeSpotNear({ x: 0, y: 0 }, grid, angleFor(`n${i}`));
      for (const q of taken) expect(overlaps(p, q)).toBe(false);
      taken.push(p);
      grid.add(p);
    }
    // 40 items around one hub fit within a few rings.
    const farthest = Math.max(...taken.map((p) => Math.abs(p.x) / GAP_X + Math.abs(p.y) / GAP_Y));
    expect(farthest).toBeLessThan(12);
  });
});

describe('placeFew', () => {
  const placed = new Map<string, Point>([
    ['hub', { x: 1000, y: 1000 }],
    ['far', { x: -3000, y: 500 }],
  ]);

  it('puts a new item near its placed neighbour, clear of everyone', () => {
    const out = placeFew({ pending: ['new'], placed, neighbours: graph([['new', 'hub']]), centre: { x: 0, y: 0 } });
    const p = out.get('new')!;
    expect(Math.hypot(p.x - 1000, p.y - 1000)).toBeLessThan(2 * GAP_X);
    for (const q of placed.values()) expect(overlaps(p, q)).toBe(false);
  });

  it('puts an item linked to two placed ones between them', () => {
    const out = placeFew({
      pending: ['new'],
      placed,
      neighbours: graph([
        ['new', 'hub'],
        ['new', 'far'],
      ]),
      centre: { x: 0, y: 0 },
    });
    const p = out.get('new')!;
    expect(Math.hypot(p.x - -1000, p.y - 750)).toBeLessThan(2 * GAP_X);
  });

  it('places a chain of new items outward from the placed one, each next to the previous', () => {
    const neighbours = graph([
      ['c', 'b'],
      ['b', 'a'],
      ['a', 'hub'],
    ]);
    // Listed in the "wrong" order: c's only neighbour is new too.
    const out = placeFew({ pending: ['c', 'b', 'a'], placed, neighbours, centre: { x: 0, y: 0 } });
    const [a, b, c] = ['a', 'b', 'c'].map((id) => out.get(id)!);
    expect(Math.hypot(a!.x - 1000, a!.y - 1000)).toBeLessThan(2 * GAP_X);
    expect(Math.hypot(b!.x - a!.x, b!.y - a!.y)).toBeLessThan(2 * GAP_X);
    expect(Math.hypot(c!.x - b!.x, c!.y - b!.y)).toBeLessThan(2 * GAP_X);
  });

  it('puts unlinked items at the centre of the view, side by side', () => {
    const out = placeFew({ pending: ['x', 'y', 'z'], placed, neighbours: graph([]), centre: { x: 200, y: 200 } });
    expect(out.get('x')).toEqual({ x: 200, y: 200 });
    const ps = [...out.values()];
    for (const p of ps) expect(Math.hypot(p.x - 200, p.y - 200)).toBeLessThan(2 * GAP_X);
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++) expect(overlaps(ps[i]!, ps[j]!)).toBe(false);
  });

  it('gives the same answer on every device', () => {
    const input = {
      pending: ['p', 'q'],
      placed,
      neighbours: graph([
        ['p', 'hub'],
        ['q', 'hub'],
      ]),
      centre: { x: 0, y: 0 },
    };
    expect(placeFew(input)).toEqual(placeFew(input));
  });

  it('leaves placed items alone', () => {
    const out = placeFew({ pending: ['n'], placed, neighbours: graph([['n', 'hub']]), centre: { x: 0, y: 0 } });
    expect([...out.keys()]).toEqual(['n']);
  });
});

describe('besideShift', () => {
  it('moves a separately laid out block to the right of what exists, vertically centred', () => {
    const shift = besideShift({ x1: 0, y1: 0, x2: 1000, y2: 400 }, { x1: -50, y1: -100, x2: 50, y2: 100 });
    expect(-50 + shift.x).toBe(1000 + 2 * GAP_X);
    expect((-100 + 100) / 2 + shift.y).toBe(200);
  });

  it('does not move a block when nothing exists yet', () => {
    expect(besideShift(null, { x1: 0, y1: 0, x2: 10, y2: 10 })).toEqual({ x: 0, y: 0 });
  });
});
