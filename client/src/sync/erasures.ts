/**
 * After a person is erased, this device must not keep them in its local copy either:
 * y-indexeddb stores every update it received, so the old ones still hold the person even
 * though the doc in memory (garbage-collected) no longer does. When the map's
 * `lastErasureAt` moves past what this device has seen, the local copy is rewritten from
 * the doc's current state.
 */
import type * as Y from 'yjs';
import { LAST_ERASURE_KEY, contactsMap, metaMap } from '@schema';

const seenKey = (mapId: string) => `buurtweb.erasure.${mapId}`;

/** Calls `rewrite` whenever the map records an erasure this device has not yet applied. */
export function watchErasures(doc: Y.Doc, mapId: string, rewrite: () => Promise<void>): () => void {
  const meta = metaMap(doc);
  const check = () => {
    const at = meta.get(LAST_ERASURE_KEY);
    if (typeof at !== 'number') return;
    const seen = Number(localStorage.getItem(seenKey(mapId)) ?? 0);
    if (at <= seen) return;
    localStorage.setItem(seenKey(mapId), String(at));
    void rewrite();
  };
  meta.observe(check);
  check();
  return () => meta.unobserve(check);
}

/**
 * The protected document's part: contact details removed by someone else (a deletion or an
 * erasure) leave this device's local copy too.
 */
export function watchContactRemovals(contacts: Y.Doc, rewrite: () => Promise<void>): () => void {
  const map = contactsMap(contacts);
  const onChange = (event: Y.YMapEvent<Y.Map<unknown>>, tr: Y.Transaction) => {
    if (tr.local) return;
    for (const change of event.changes.keys.values()) {
      if (change.action === 'delete') {
        void rewrite();
        return;
      }
    }
  };
  map.observe(onChange);
  return () => map.unobserve(onChange);
}

export function forgetErasureMark(mapId: string): void {
  localStorage.removeItem(seenKey(mapId));
}
