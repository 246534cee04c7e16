/**
 * Document benchmark: a 10,000-item map with 15,000 links in our format (one Y.Map per
 * item, each field its own key, a note fragment per node) against raw Yjs holding the
 * same data as one plain JSON value per item — the cheapest layout Yjs allows, which
 * gives up per-field merging and rich-text notes.
 */
import * as Y from 'yjs';
import { type NodeKind, createNode, link, readGraph } from '../../schema/index.js';
import { Rng } from '../support/random.js';
import { type Row, median, time } from './util.js';

const KINDS: [NodeKind, Record<string, unknown>][] = [
  ['person', { role: 'professional', function: 'Buurtwerker', languages: ['Nederlands'] }],
  ['organisation', { orgType: 'team_social', website: 'https://example.org/' }],
  ['initiative', { stage: 'running', schedule: 'dinsdag 10-12' }],
  ['place', { address: 'Voorbeeldstraat 1', openingHours: 'ma-vr 9-17' }],
  ['theme', {}],
];

export function buildOurs(items: number, linksPerItem: number): Y.Doc {
  const rng = new Rng(42);
  const doc = new Y.Doc();
  const ctx = { actor: { id: 'bench', name: 'Bench' }, origin: 'import' };
  const ids: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < items; i++) {
      const [kind, fields] = KINDS[i % KINDS.length]!;
      ids.push(
        createNode(doc, { kind, label: `Item ${i}`, fields, position: { x: rng.int(5000), y: rng.int(5000) } }, ctx),
      );
    }
    let made = 0;
    while (made < items * linksPerItem) {
      const a = rng.int(items);
      const b = rng.int(items);
      const from = KINDS[a % KINDS.length]![0];
      const to = KINDS[b % KINDS.length]![0];
      const kind =
        from === 'person' && to === 'organisation'
          ? 'works_for'
          : to === 'theme' && from === 'organisation'
            ? 'addresses'
            : from === 'person' && to === 'person'
              ? 'knows'
              : null;
      if (!kind || a === b) continue;
      try {
        link(doc, { kind, from: ids[a]!, to: ids[b]! }, ctx);
        made++;
      } catch {
        // duplicate: pick another pair
      }
    }
  }, 'import');
  return doc;
}

/** The same content as plain JSON values: one entry per item, no per-field merging, no notes. */
export function buildRaw(ours: Y.Doc): Y.Doc {
  const g = readGraph(ours);
  const doc = new Y.Doc();
  doc.transact(() => {
    const nodes = doc.getMap('nodes');
    for (const n of g.nodes.values()) nodes.set(n.id, { ...n });
    const edges = doc.getMap('edges');
    for (const e of g.edges.values()) edges.set(e.id, { ...e });
  });
  return doc;
}

export function docBench(): Row[] {
  const ours = buildOurs(10_000, 1.5);
  const raw = buildRaw(ours);
  const ourUpdate = Y.encodeStateAsUpdate(ours);
  const rawUpdate = Y.encodeStateAsUpdate(raw);
  const load = (u: Uint8Array, read: (d: Y.Doc) => unknown) =>
    median(
      Array.from({ length: 5 }, () =>
        time(() => {
          const d = new Y.Doc();
          Y.applyUpdate(d, u);
          read(d);
          d.destroy();
        }),
      ),
    );
  return [
    {
      what: 'size of a 10,000-item map (15,000 links), KiB',
      ours: ourUpdate.byteLength / 1024,
      baseline: rawUpdate.byteLength / 1024,
    },
    {
      what: 'load: decode the update, ms (median of 5)',
      ours: load(ourUpdate, () => 0),
      baseline: load(rawUpdate, () => 0),
    },
    {
      what: 'load and read into a typed graph, ms (median of 5)',
      ours: load(ourUpdate, readGraph),
      baseline: load(rawUpdate, (d) => d.getMap('nodes').toJSON()),
    },
  ];
}
