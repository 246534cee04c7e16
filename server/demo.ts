/** Seeds the fictional demo map on first start. */
import type * as Y from 'yjs';
import { createMap } from './maps.js';
import type { Storage } from './storage.js';
import { type OpContext, createNode, link, setContactDetails, setNoteText, splitProtected } from '../schema/index.js';
import { DEMO_LINKS, DEMO_MAP_NAME, DEMO_NODES } from './demo-data.js';

export const DEMO_MAP_ID = 'demo';

/**
 * Fills a doc with the demo nodes, links and notes, and `contacts` (the map's protected
 * document) with the contact details of persons — left out without it. Returns the
 * key → node id table.
 */
export function fillDemo(
  doc: Y.Doc,
  contacts?: Y.Doc,
  actor = { id: 'demo', name: 'Buurtweb demo' },
): Map<string, string> {
  const ctx: OpContext = { actor, origin: 'seed' };
  const ids = new Map<string, string>();
  for (const n of DEMO_NODES) {
    const { open, contact } = splitProtected(n.kind, n.fields ?? {});
    const id = createNode(doc, { kind: n.kind, label: n.label, fields: open }, ctx);
    if (contacts && Object.keys(contact).length) {
      setContactDetails(contacts, id, n.kind, contact, { ...ctx, personRole: open.role as string | undefined });
    }
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
  createMap(storage, mapId, DEMO_MAP_NAME, (doc, contacts) => void fillDemo(doc, contacts));
}

export { DEMO_MAP_NAME };
