import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { type OpContext, createNode, link, readGraph } from '../../schema/index.js';
import { DEMO_LINKS, DEMO_MAP_NAME, DEMO_NODES } from '../../server/demo-data.js';

const ctx: OpContext = { actor: { id: 'demo', name: 'Demo' }, origin: 'seed' };

/** A valid node id derived from a demo key. */
const idOf = (key: string): string => key.replace(/[^A-Za-z0-9_-]/g, '_');

/** Builds a fresh document from the demo data; createNode/link throw on anything invalid. */
function buildDemoDoc(): Y.Doc {
  const doc = new Y.Doc();
  for (const n of DEMO_NODES) {
    createNode(doc, { kind: n.kind, label: n.label, fields: n.fields ?? {}, id: idOf(n.key) }, ctx);
  }
  for (const l of DEMO_LINKS) {
    link(doc, { kind: l.kind, from: idOf(l.from), to: idOf(l.to), fields: l.fields ?? {} }, ctx);
  }
  return doc;
}

describe('demo data', () => {
  it('has a map name', () => {
    expect(DEMO_MAP_NAME).toBe('Kanaleneiland-Zuid');
  });

  it('has unique keys that stay unique as node ids', () => {
    const keys = DEMO_NODES.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys.map(idOf)).size).toBe(keys.length);
  });

  it('builds a valid document through the typed operations', () => {
    const graph = readGraph(buildDemoDoc());
    expect(graph.problems).toEqual([]);
    expect(graph.nodes.size).toBe(DEMO_NODES.length);
    expect(graph.nodes.size).toBeGreaterThanOrEqual(55);
    expect(graph.nodes.size).toBeLessThanOrEqual(75);
    expect(graph.edges.size).toBe(DEMO_LINKS.length);
    const perNode = graph.edges.size / graph.nodes.size;
    expect(perNode).toBeGreaterThanOrEqual(1.3);
    expect(perNode).toBeLessThanOrEqual(1.8);
  });

  it('links every node at least once', () => {
    const graph = readGraph(buildDemoDoc());
    const linked = new Set<string>();
    for (const e of graph.edges.values()) {
      linked.add(e.from);
      linked.add(e.to);
    }
    const unlinked = [...graph.nodes.keys()].filter((id) => !linked.has(id));
    expect(unlinked).toEqual([]);
  });

  it('uses only fictional contact details', () => {
    for (const n of DEMO_NODES) {
      const f = n.fields ?? {};
      if (f.phone !== undefined) expect(f.phone, n.key).toMatch(/^0\d{1,2}-0000/);
      if (f.email !== undefined) expect(f.email, n.key).toMatch(/@([^@]+\.)?example\.(org|nl)$/);
      if (f.website !== undefined) expect(f.website, n.key).toMatch(/^https:\/\/example\.org\//);
    }
  });

  it('gives about a third of the nodes a short plain-text note', () => {
    const notes = DEMO_NODES.flatMap((n) => (n.note === undefined ? [] : [n.note]));
    expect(notes.length).toBeGreaterThanOrEqual(Math.floor(DEMO_NODES.length / 4));
    expect(notes.length).toBeLessThanOrEqual(Math.ceil(DEMO_NODES.length / 2));
    for (const note of notes) {
      expect(note.trim()).not.toBe('');
      expect(note).not.toMatch(/[<>]/);
      expect(note.length).toBeLessThanOrEqual(300);
    }
  });

  it('covers every node kind and the required link kinds', () => {
    const nodeKinds = new Set(DEMO_NODES.map((n) => n.kind));
    expect([...nodeKinds].sort()).toEqual(['area', 'initiative', 'organisation', 'person', 'place', 'theme']);
    const linkKinds = new Set(DEMO_LINKS.map((l) => l.kind));
    for (const k of [
      'works_for',
      'member_of',
      'knows',
      'contact_for',
      'runs',
      'supports',
      'located_at',
      'active_in',
      'part_of',
      'addresses',
      'signals',
      'refers_to',
      'collaborates_with',
    ] as const) {
      expect(linkKinds.has(k), k).toBe(true);
    }
  });
});
