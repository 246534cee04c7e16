/**
 * The activity feed is derived from the updates the server accepts: after a peer's update
 * is applied, the transaction says which items it changed and how. Entries hold ids, kinds
 * of change and field names only — never values — so erasing a person leaves nothing of
 * them here (their id is not personal data once the item is gone).
 */
import * as Y from 'yjs';
import { type ActivityChange, PROVENANCE_KEYS, edgesMap, metaMap, nodesMap } from '../schema/index.js';

export interface ActivityRecord {
  target: 'node' | 'edge' | 'map';
  id: string;
  change: ActivityChange;
  fields: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

/** When one transaction changes an item in several ways, the first of these names it. */
const RANK: ActivityChange[] = ['deleted', 'created', 'proposed', 'confirmed', 'updated', 'note', 'verified'];

const BOOKKEEPING = new Set<string>([...PROVENANCE_KEYS, 'x', 'y', 'kind']);

function isNew(item: Y.Item, tr: Y.Transaction): boolean {
  return item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
}

/** What one transaction on a room's doc changed, one record per item and kind of change. */
export function summarize(tr: Y.Transaction): ActivityRecord[] {
  const doc = tr.doc;
  const roots = new Map<AnyType, 'node' | 'edge'>([
    [nodesMap(doc) as AnyType, 'node'],
    [edgesMap(doc) as AnyType, 'edge'],
  ]);
  const meta = metaMap(doc) as AnyType;
  const out = new Map<string, ActivityRecord>();
  const add = (r: ActivityRecord) => {
    const key = `${r.target}/${r.id}`;
    const prev = out.get(key);
    if (!prev) return void out.set(key, r);
    // Creation or deletion says it all; otherwise an update absorbs notes and confirmations.
    if (RANK.indexOf(r.change) < RANK.indexOf(prev.change)) prev.change = r.change;
    prev.fields = [...new Set([...prev.fields, ...r.fields])].sort();
  };
  for (const [type, keys] of tr.changed) {
    const rootKind = roots.get(type);
    if (rootKind) {
      const map = type as unknown as Y.Map<unknown>;
      for (const key of keys) {
        if (key === null) continue;
        const item = map._map.get(key);
        if (!item) continue;
        if (item.deleted) add({ target: rootKind, id: key, change: 'deleted', fields: [] });
        else if (isNew(item, tr)) {
          const value = map.get(key);
          const proposed = value instanceof Y.Map && value.get('status') === 'proposed';
          add({ target: rootKind, id: key, change: proposed ? 'proposed' : 'created', fields: [] });
        }
      }
      continue;
    }
    if (type === meta) {
      for (const key of keys) if (key !== null) add({ target: 'map', id: key, change: 'settings', fields: [] });
      continue;
    }
    // Inside an item: find its top-level entry.
    let top = type._item;
    let own = true;
    while (top && top.parent instanceof Y.AbstractType && top.parent._item) {
      top = top.parent._item;
      own = false;
    }
    if (!top || top.deleted || isNew(top, tr) || top.parentSub === null) continue;
    const kind = roots.get(top.parent as AnyType);
    if (!kind) continue;
    const id = top.parentSub;
    if (!own) {
      add({ target: kind, id, change: 'note', fields: [] });
      continue;
    }
    const changed = [...keys].filter((k): k is string => k !== null);
    const content = changed.filter((k) => !BOOKKEEPING.has(k));
    const value = (type as unknown as Y.Map<unknown>).get('status');
    if (changed.includes('status') && value === 'confirmed') add({ target: kind, id, change: 'confirmed', fields: [] });
    if (content.length === 1 && content[0] === 'note') add({ target: kind, id, change: 'note', fields: [] });
    else if (content.length) add({ target: kind, id, change: 'updated', fields: content.filter((k) => k !== 'note') });
    else if (changed.includes('verifiedAt') && !changed.includes('status')) {
      add({ target: kind, id, change: 'verified', fields: [] });
    }
    // Only positions changed: layout, not knowledge — not in the feed.
  }
  return [...out.values()];
}
