/** Seeds the fictional demo map on first start. */
import type * as Y from 'yjs';
import { createMap } from './maps.js';
import type { Storage } from './storage.js';
import { type OpContext, createNode, link, setNoteText } from '../schema/index.js';
import { DEMO_LINKS, DEMO_MAP_NAME, DEMO_NODES } from './demo-data.js';

export const DEMO_MAP_ID = 'demo';

/** Fills a doc with the demo nodes, links and notes; returns the key → node id table. */
export function fillDemo(doc: Y.Doc, actor = { id: 'demo', name: 'Buurtweb demo' }): Map<string, string> {
  const ctx: OpContext = { actor, origin: 'seed' };
  const ids = new Map<string, string>();
  for (const n of DEMO_NODES) {
    const id = createNode(doc, { kind: n.kind, label: n.label, fields: n.fields ?? {} }, ctx);
    ids.set(n.key, id);
    if (n.note) setNoteText(doc, id, n.note, ctx);
  }
  for (const l of DEMO_LINKS) {
    link(doc, { kind: l.kind, from: ids.get(l.from)!, to: ids.get(l.to)!, fields: l.fields ?? {} }, ctx);
  }
  return ids;
}

/** Creates the demo map in storage (first start, and tests that need a realistic map). */
export function createDemoMap(storage: Storage, mapId = DEMO_MAP_ID): void {
  createMap(storage, mapId, DEMO_MAP_NAME, (doc) => void fillDemo(doc));
}

export { DEMO_MAP_NAME };
