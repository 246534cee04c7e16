/**
 * Document benchmark: a 10,000-item map with 15,000 links in our format (one Y.Map per
 * item, each field its own key, a note fragment per node) against raw Yjs holding the
 * same data as one plain JSON value per item — the cheapest layout Yjs allows, which
 * gives up per-field merging and rich-text notes.
 */
import * as Y from 'yjs';
import { readGraph } from '../../schema/index.js';
import { fillRandomMap } from './generate.js';
import { type Row, median, time } from './util.js';

/** Our format: the shared benchmark map (one Y.Map per item, a note per node). */
export function buildOurs(items: number): Y.Doc {
  const doc = new Y.Doc();
  fillRandomMap(doc, items, true, 42, 'Item');
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
  const ours = buildOurs(10_000);
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
