/**
 * The canvas follows the store incrementally: GraphChanges applied to a headless
 * Cytoscape, and layouts that place only what has no position.
 */
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../schema/index.js';
import type { GraphChange } from '@sync/graph-store';
import { ANIMATE_MAX, applyChange } from '@map/canvas/apply-change';
import { edgeElement, nodeElement } from '@map/canvas/elements';
import { computeLayout } from '@map/canvas/layout';
import { placeUnplaced } from '@map/canvas/placer';
import { GAP_X } from '@map/canvas/placement';

const node = (id: string, position?: { x: number; y: number }, extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  kind: 'person',
  label: `Label ${id}`,
  fields: { role: 'professional' },
  provenance: { status: 'confirmed' },
  ...(position ? { position } : {}),
  ...extra,
});
const edge = (from: string, to: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `knows|${from}|${to}`,
  kind: 'knows',
  from,
  to,
  fields: {},
  provenance: { status: 'confirmed' },
  ...extra,
});
const change = (c: { nodes?: Partial<GraphChange['nodes']>; edges?: Partial<GraphChange['edges']> }): GraphChange => ({
  nodes: { added: [], updated: [], removed: [], ...c.nodes },
  edges: { added: [], updated: [], removed: [], ...c.edges },
  notes: [],
  meta: false,
  local: false,
});
const ctx = { lang: 'nl' as const, isHidden: () => false, parking: { x: 0, y: 0 } };

let cy: Core;
afterEach(() => cy?.destroy());

function canvasWith(nodes: GraphNode[], edges: GraphEdge[] = []): Core {
  cy = cytoscape({
    headless: true,
    layout: { name: 'preset' },
    elements: [
      ...nodes.map((n) => nodeElement(n, n.position ?? { x: 0, y: 0 })),
      ...edges.map((e) => edgeElement(e, 'nl')),
    ],
  });
  return cy;
}

describe('applyChange', () => {
  it('adds, updates and removes only what changed', () => {
    canvasWith([node('a', { x: 0, y: 0 }), node('b', { x: 100, y: 0 })], [edge('a', 'b')]);
    const before = cy.getElementById('b');
    const r = applyChange(
      cy,
      change({
        nodes: { added: [node('c', { x: 5, y: 5 })], updated: [node('a', { x: 0, y: 0 }, { label: 'Nieuw' })] },
        edges: { added: [edge('b', 'c')], removed: ['knows|a|b'] },
      }),
      ctx,
    );
    expect(r).toEqual({ unplaced: [], moved: 0 });
    expect(cy.getElementById('a').data('label')).toBe('Nieuw');
    expect(cy.getElementById('b')).toBe(before);
    expect(cy.getElementById('b').same(before)).toBe(true);
    expect(cy.edges().map((e) => e.id())).toEqual(['knows|b|c']);
    expect(cy.getElementById('knows|b|c').data('label')).toBe('kent');
    applyChange(cy, change({ nodes: { removed: ['c'] }, edges: { removed: ['knows|b|c'] } }), ctx);
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('reports items without a position, and keeps a local position while none is shared', () => {
    canvasWith([node('a', { x: 0, y: 0 })]);
    const r = applyChange(cy, change({ nodes: { added: [node('new')] } }), { ...ctx, parking: { x: 40, y: 50 } });
    expect(r.unplaced).toEqual(['new']);
    expect(cy.getElementById('new').position()).toEqual({ x: 40, y: 50 });
    cy.getElementById('new').position({ x: 300, y: 300 });
    applyChange(cy, change({ nodes: { updated: [node('new', undefined, { label: 'x' })] } }), ctx);
    expect(cy.getElementById('new').position()).toEqual({ x: 300, y: 300 });
  });

  it('moves to shared positions: gliding when few, at once when many', () => {
    const many = Array.from({ length: ANIMATE_MAX + 1 }, (_, i) => node(`n${i}`, { x: i, y: 0 }));
    canvasWith([node('a', { x: 0, y: 0 }), ...many]);
    let r = applyChange(cy, change({ nodes: { updated: [node('a', { x: 100, y: 50 })] } }), ctx);
    expect(r.moved).toBe(1);
    // Handed to an animation (which a headless Cytoscape never steps), not set at once.
    expect(cy.getElementById('a').position()).toEqual({ x: 0, y: 0 });
    r = applyChange(cy, change({ nodes: { updated: many.map((n) => ({ ...n, position: { x: 7, y: 7 } })) } }), ctx);
    expect(r.moved).toBe(ANIMATE_MAX + 1);
    expect(cy.getElementById('n5').position()).toEqual({ x: 7, y: 7 });
  });

  it('never moves a node someone is dragging here', () => {
    canvasWith([node('a', { x: 0, y: 0 })]);
    cy.getElementById('a').grabify();
    (cy.getElementById('a') as unknown as { _private: { grabbed: boolean } })._private.grabbed = true;
    const r = applyChange(cy, change({ nodes: { updated: [node('a', { x: 100, y: 50 })] } }), ctx);
    expect(r.moved).toBe(0);
    expect(cy.getElementById('a').position()).toEqual({ x: 0, y: 0 });
  });

  it('marks proposals, and unmarks them when confirmed', () => {
    canvasWith([node('a', { x: 0, y: 0 })]);
    applyChange(
      cy,
      change({ nodes: { updated: [node('a', { x: 0, y: 0 }, { provenance: { status: 'proposed' } })] } }),
      ctx,
    );
    expect(cy.getElementById('a').data('proposed')).toBe(true);
    applyChange(cy, change({ nodes: { updated: [node('a', { x: 0, y: 0 })] } }), ctx);
    expect(cy.getElementById('a').data('proposed')).toBeUndefined();
  });

  it('adds new nodes hidden when the filters leave them out', () => {
    canvasWith([]);
    applyChange(cy, change({ nodes: { added: [node('a', { x: 0, y: 0 }), node('b', { x: 1, y: 1 })] } }), {
      ...ctx,
      isHidden: (id) => id === 'b',
    });
    expect(cy.getElementById('b').hasClass('filtered')).toBe(true);
    expect(cy.getElementById('a').hasClass('filtered')).toBe(false);
  });

  it('re-adds an edge whose ends changed instead of failing', () => {
    canvasWith([node('a', { x: 0, y: 0 }), node('b', { x: 1, y: 1 }), node('c', { x: 2, y: 2 })], [edge('a', 'b')]);
    applyChange(cy, change({ edges: { updated: [{ ...edge('a', 'b'), to: 'c' }] } }), ctx);
    expect(cy.getElementById('knows|a|b').target().id()).toBe('c');
  });
});

describe('layout', () => {
  it('computes positions without touching the drawn nodes, filtered ones included', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => node(`n${i}`, { x: 0, y: 0 }));
    const edges = nodes.slice(1).map((n, i) => edge(`n${i}`, n.id));
    canvasWith(nodes, edges);
    cy.getElementById('n3').addClass('filtered');
    const out = computeLayout(cy.nodes(), 'draft');
    expect(out.size).toBe(30);
    expect(
      cy
        .nodes()
        .map((n) => n.position())
        .every((p) => p.x === 0 && p.y === 0),
    ).toBe(true);
    expect(cy.getElementById('n3').hasClass('filtered')).toBe(true);
    const distinct = new Set([...out.values()].map((p) => `${p.x},${p.y}`));
    expect(distinct.size).toBe(30);
  });

  it('places many newcomers as a block beside the existing arrangement, moving no one else', () => {
    const placed = Array.from({ length: 10 }, (_, i) => node(`p${i}`, { x: i * 150, y: 0 }));
    const newcomers = Array.from({ length: 40 }, (_, i) => node(`n${i}`));
    canvasWith(
      [...placed, ...newcomers],
      newcomers.slice(1).map((n, i) => edge(`n${i}`, n.id)),
    );
    const out = placeUnplaced(
      cy,
      newcomers.map((n) => n.id),
      { neighbours: () => [], centre: { x: 0, y: 0 } },
    );
    expect([...out.keys()].sort()).toEqual(newcomers.map((n) => n.id).sort());
    for (const p of out.values()) expect(p.x).toBeGreaterThanOrEqual(9 * 150 + 2 * GAP_X - 1);
    for (const p of placed) expect(cy.getElementById(p.id).position()).toEqual(p.position);
  });

  it('lays out a map nobody has arranged yet as a whole', () => {
    const all = Array.from({ length: 25 }, (_, i) => node(`n${i}`));
    canvasWith(
      all,
      all.slice(1).map((n, i) => edge(`n${i}`, n.id)),
    );
    const out = placeUnplaced(
      cy,
      all.map((n) => n.id),
      { neighbours: () => [], centre: { x: 0, y: 0 } },
    );
    expect(out.size).toBe(25);
  });
});
