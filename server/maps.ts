/** Creating maps and reading them outside a room (admin CLI, first start). */
import * as Y from 'yjs';
import { contactsMap, initDoc, isValidMapId, protectedRoom, readContact, readGraph } from '../schema/index.js';
import type { Storage } from './storage.js';

/** Creates a map; `fill` may write its document and its protected document (contact details). */
export function createMap(
  storage: Storage,
  mapId: string,
  name: string,
  fill?: (doc: Y.Doc, contacts: Y.Doc) => void,
): void {
  if (!isValidMapId(mapId)) throw new Error(`invalid map id "${mapId}": use lowercase letters, digits and dashes`);
  const cleanName = name.trim();
  if (!cleanName) throw new Error('a map needs a name');
  if (storage.getMap(mapId)) throw new Error(`map "${mapId}" already exists`);
  const doc = new Y.Doc();
  const contacts = new Y.Doc();
  initDoc(doc, cleanName);
  fill?.(doc, contacts);
  storage.transaction(() => {
    storage.createMap({ id: mapId, name: cleanName, createdAt: Date.now() });
    storage.appendUpdate(mapId, Y.encodeStateAsUpdate(doc), null);
    if (contactsMap(contacts).size) storage.appendUpdate(protectedRoom(mapId), Y.encodeStateAsUpdate(contacts), null);
  });
  doc.destroy();
  contacts.destroy();
}

/** The map's document as stored (all updates merged). */
export function loadDoc(storage: Storage, mapId: string): Y.Doc {
  const doc = new Y.Doc();
  for (const r of storage.loadUpdates(mapId)) Y.applyUpdate(doc, r.data);
  return doc;
}

/**
 * A lossless-enough JSON view of a map: fields, provenance and note text. Contact details
 * of persons (the protected document) only with `contacts: true` — for roles allowed to
 * see them, and the admin CLI.
 */
export function exportJson(storage: Storage, mapId: string, opts: { contacts: boolean }): unknown {
  const map = storage.getMap(mapId);
  if (!map) throw new Error(`no map "${mapId}"`);
  const doc = loadDoc(storage, mapId);
  const g = readGraph(doc);
  if (opts.contacts) {
    const pdoc = loadDoc(storage, protectedRoom(mapId));
    for (const n of g.nodes.values()) Object.assign(n.fields, readContact(pdoc, n.id, n.kind));
    pdoc.destroy();
  }
  const notes = doc.getMap<Y.Map<unknown>>('nodes');
  const out = {
    format: 'buurtweb-map',
    schemaVersion: g.schemaVersion,
    id: map.id,
    name: g.name || map.name,
    exportedAt: new Date().toISOString(),
    nodes: [...g.nodes.values()].map((n) => {
      const note = notes.get(n.id)?.get('note');
      return { ...n, note: note instanceof Y.XmlFragment ? note.toJSON() : '' };
    }),
    edges: [...g.edges.values()],
    problems: g.problems,
  };
  doc.destroy();
  return out;
}
