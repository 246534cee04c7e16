/** "Tidy up" beyond fcose: what it moves, when it asks, the grid of unlinked items, pushing apart. */
import { describe, expect, it } from 'vitest';
import type { Point } from '@map/canvas/placement';
import { DEFAULTS, boxOf, gridBeside, spreadApart } from '@map/canvas/tidy-geometry';
import { tidyPlan } from '@map/canvas/tidy-plan';

function closestPair(points: Iterable<Point>): number {
  const list = [...points];
  let min = Infinity;
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++)
      min = Math.min(min, Math.hypot(list[i]!.x - list[j]!.x, list[i]!.y - list[j]!.y));
  return min;
}

describe('the grid of unlinked items', () => {
  it('puts every item in a cell of its own, beside and not on the rest', () => {
    const rest = { x1: -300, y1: -200, x2: 300, y2: 200 };
    for (const n of [1, 2, 5, 17, 60]) {
      const cells = gridBeside(n, rest, { x: 0, y: 0 });
      expect(cells).toHaveLength(n);
      expect(new Set(cells.map((p) => `${p.x},${p.y}`)).size).toBe(n);
      if (n > 1) expect(closestPair(cells)).toBeGreaterThanOrEqual(Math.min(DEFAULTS.gridGapX, DEFAULTS.gridGapY));
      for (const p of cells) expect(p.x).toBeGreaterThanOrEqual(rest.x2 + DEFAULTS.besideGap);
      expect(Math.min(...cells.map((p) => p.y))).toBe(rest.y1);
    }
  });

  it('stays about as high as the rest, in a row for a few items beside a flat rest', () => {
    const cells = gridBeside(4, { x1: 0, y1: 0, x2: 800, y2: 10 }, { x: 0, y: 0 });
    expect(new Set(cells.map((p) => p.y)).size).toBe(1);
    const tall = boxOf(gridBeside(40, { x1: 0, y1: 0, x2: 800, y2: 400 }, { x: 0, y: 0 }))!;
    expect(tall.y2 - tall.y1).toBeLessThanOrEqual(400);
  });

  it('with nothing else, is centred where the items were and wider than high', () => {
    const cells = gridBeside(12, null, { x: 1000, y: 500 });
    const box = boxOf(cells)!;
    expect((box.x1 + box.x2) / 2).toBeCloseTo(1000, 0);
    expect((box.y1 + box.y2) / 2).toBeCloseTo(500, 0);
    expect(box.x2 - box.x1).toBeGreaterThan(box.y2 - box.y1);
    expect(closestPair(cells)).toBeGreaterThanOrEqual(DEFAULTS.gridGapY);
  });

  it('has nothing for no items', () => {
    expect(gridBeside(0, null, { x: 0, y: 0 })).toEqual([]);
  });
});

describe('pushing items apart', () => {
  it('leaves no two items closer than the minimum, even when all lie on one spot', () => {
    const ball = new Map(Array.from({ length: 40 }, (_, i) => [`n${i}`, { x: 5, y: 5 }] as const));
    const out = spreadApart(ball);
    expect(out.size).toBe(40);
    expect(closestPair(out.values())).toBeGreaterThanOrEqual(DEFAULTS.minDistance - 0.2);
  });

  it('moves nothing that is far enough apart already, and is deterministic', () => {
    const apart = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 200, y: 0 }],
    ]);
    expect(spreadApart(apart)).toEqual(apart);
    const near = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 10, y: 3 }],
      ['c', { x: 4, y: 30 }],
    ]);
    expect(spreadApart(near)).toEqual(spreadApart(near));
    expect(closestPair(spreadApart(near).values())).toBeGreaterThanOrEqual(DEFAULTS.minDistance - 0.2);
  });
});

describe('what tidy up moves and when it asks', () => {
  const items = [
    { id: 'a', createdBy: 'me' },
    { id: 'b', createdBy: 'me' },
    { id: 'c', createdBy: 'other' },
    { id: 'd' },
  ];
  it('tidies everything without a selection of two or more, and asks', () => {
    expect(tidyPlan(items, [], 'me')).toEqual({ scope: 'all', ids: ['a', 'b', 'c', 'd'], othersItems: 2, ask: true });
    expect(tidyPlan(items, ['a'], 'me').scope).toBe('all');
    expect(tidyPlan(items.slice(0, 2), [], 'me').ask).toBe(true);
  });
  it('tidies the selection; asks only when it holds items of others', () => {
    expect(tidyPlan(items, ['a', 'b'], 'me')).toEqual({
      scope: 'selection',
      ids: ['a', 'b'],
      othersItems: 0,
      ask: false,
    });
    expect(tidyPlan(items, ['a', 'c'], 'me')).toMatchObject({ scope: 'selection', othersItems: 1, ask: true });
    expect(tidyPlan(items, ['a', 'd'], 'me').ask).toBe(true);
    expect(tidyPlan(items, ['a', 'gone'], 'me').scope).toBe('all');
  });
});
