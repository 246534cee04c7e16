/**
 * The client's incremental graph store must agree with a full `readGraph` after every
 * transaction, whatever arrives: local ops, remote updates in random order, foreign data.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GraphStore, type GraphChange } from '../../client/src/sync/graph-store.js';
import {
  NODE_KINDS,
  OpError,
  createNode,
  deleteNode,
  edgeKindsBetween,
  edgesMap,
  link,
  moveNodes,
  nodesMap,
  readGraph,
  setNoteText,
  unlink,
  updateNode,
} from '../../schema/index.js';
import { REQUIRED_FIELDS } from '../support/fixtures.js';
import { Rng } from '../support/random.js';

const REQUIRED = REQUIRED_FIELDS;

function agree(store: GraphStore, doc: Y.Doc, where: string): void {
  const g = readGraph(doc);
  expect([...store.nodes.keys()].sort(), `${where}: nodes`).toEqual([...g.nodes.keys()].sort());
  for (const [id, n] of g.nodes) expect(store.nodes.get(id), `${where}: node ${id}`).toEqual(n);
  expect([...store.edges.keys()].sort(), `${where}: edges`).toEqual([...g.edges.keys()].sort());
  for (const [id, e] of g.edges) expect(store.edges.get(id), `${where}: edge ${id}`).toEqual(e);
  const codes = (ps: { where: string; code: string }[]) => ps.map((p) => `${p.where}:${p.code}`).sort();
  expect(codes(store.problems()), `${where}: problems`).toEqual(codes(g.problems));
}

/** Replays change events onto plain maps: what a listener (the canvas) would hold. */
function mirror(store: GraphStore) {
  const nodes = new Map(store.nodes);
  const edges = new Map(store.edges);
  store.subscribe((c: GraphChange) => {
    for (const n of [...c.nodes.added, ...c.nodes.updated]) nodes.set(n.id, n);
    for (const id of c.nodes.removed) nodes.delete(id);
    for (const id of c.edges.removed) edges.delete(id);
    for (const e of [...c.edges.added, ...c.edges.updated]) edges.set(e.id, e);
  });
  return { nodes, edges };
}

describe('GraphStore', () => {
  it('agrees with readGraph under random local and remote changes (seeded)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const rng = new Rng(seed);
      const docs = [new Y.Doc(), new Y.Doc()];
      const store = new GraphStore(docs[0]!);
      const seen = mirror(store);
      const inbox: Uint8Array[] = [];
      docs[1]!.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin !== 'net') inbox.push(u);
      });
      const ctx = { actor: { id: 'x', name: 'X' } };
      for (let step = 0; step < 300; step++) {
        const doc = rng.pick(docs);
        const g = readGraph(doc);
        const nodes = [...g.nodes.values()];
        try {
          const r = rng.next();
          if (r < 0.3 || nodes.length < 2) {
            const kind = rng.pick(NODE_KINDS);
            createNode(doc, { kind, label: `n${step}`, fields: REQUIRED[kind] }, ctx);
          } else if (r < 0.5) {
            const a = rng.pick(nodes);
            const b = rng.pick(nodes);
            const kinds = edgeKindsBetween(a.kind, b.kind);
            if (kinds.length && a.id !== b.id) link(doc, { kind: rng.pick(kinds), from: a.id, to: b.id }, ctx);
          } else if (r < 0.6) deleteNode(doc, rng.pick(nodes).id, ctx);
          else if (r < 0.7 && g.edges.size) unlink(doc, rng.pick([...g.edges.keys()]), ctx);
          else if (r < 0.8) updateNode(doc, rng.pick(nodes).id, { label: `r${step}` }, ctx);
          else if (r < 0.85) moveNodes(doc, { [rng.pick(nodes).id]: { x: step, y: -step } }, ctx);
          else if (r < 0.9) setNoteText(doc, rng.pick(nodes).id, `note ${step}`, ctx);
          else {
            // Deliver some remote updates to the store's doc, out of order.
            for (let k = rng.int(5); k > 0 && inbox.length; k--) {
              Y.applyUpdate(docs[0]!, inbox.splice(rng.int(inbox.length), 1)[0]!, 'net');
            }
          }
        } catch (err) {
          if (!(err instanceof OpError)) throw err;
        }
        agree(store, docs[0]!, `seed ${seed} step ${step}`);
      }
      Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(docs[1]!), 'net');
      agree(store, docs[0]!, `seed ${seed} end`);
      expect([...seen.nodes.keys()].sort()).toEqual([...store.nodes.keys()].sort());
      expect([...seen.edges.keys()].sort()).toEqual([...store.edges.keys()].sort());
    }
  });

  it('shows one of two foreign duplicate links (smallest id), and the other when it goes', () => {
    const doc = new Y.Doc();
    const store = new GraphStore(doc);
    const ctx = { actor: { id: 'x', name: 'X' } };
    const a = createNode(doc, { kind: 'person', label: 'A', fields: { role: 'volunteer' } }, ctx);
    const b = createNode(doc, { kind: 'person', label: 'B', fields: { role: 'volunteer' } }, ctx);
    const foreign = (id: string, from: string, to: string) => {
      const m = new Y.Map<unknown>();
      doc.transact(() => {
        m.set('kind', 'knows');
        m.set('from', from);
        m.set('to', to);
        edgesMap(doc).set(id, m);
      });
    };
    foreign('zz', a, b);
    expect([...store.edges.keys()]).toEqual(['zz']);
    foreign('aa', b, a);
    expect([...store.edges.keys()]).toEqual(['aa']);
    agree(store, doc, 'dup');
    doc.transact(() => edgesMap(doc).delete('aa'));
    expect([...store.edges.keys()]).toEqual(['zz']);
    agree(store, doc, 'after delete');
  });

  it('reports note changes apart from field changes, and never re-reads untouched items', () => {
    const doc = new Y.Doc();
    const ctx = { actor: { id: 'x', name: 'X' } };
    const ids = Array.from({ length: 50 }, (_, i) => createNode(doc, { kind: 'theme', label: `t${i}` }, ctx));
    const store = new GraphStore(doc);
    const changes: GraphChange[] = [];
    store.subscribe((c) => changes.push(c));
    setNoteText(doc, ids[3]!, 'Vraag naar de conciërge', ctx);
    expect(changes.at(-1)!.notes).toEqual([ids[3]]);
    expect(changes.at(-1)!.nodes.updated).toEqual([]);
    const before = store.nodes.get(ids[7]!);
    updateNode(doc, ids[8]!, { label: 'nieuw' }, ctx);
    expect(changes.at(-1)!.nodes.updated.map((n) => n.id)).toEqual([ids[8]]);
    expect(store.nodes.get(ids[7]!)).toBe(before); // same object: not re-read
    expect(nodesMap(doc).size).toBe(50);
  });
});
