/** A contributor's undo history, kept to what their role may still change. */
import type * as Y from 'yjs';
import type { GraphEdge, GraphNode } from '@schema';
import type { GraphStore } from './graph-store';

/**
 * Undo stays one's own, and within the role: once an editor confirms a contributor's
 * proposal it is no longer theirs to change, so undoing their earlier steps on it would
 * be refused by the server (and the device would have to start again). Their undo
 * history is cleared when that happens. Returns the unsubscribe.
 */
export function keepUndoWithinRole(store: GraphStore, actorId: string, undoManager: Y.UndoManager): () => void {
  const open = new Set<string>();
  const track = (key: string, item: GraphNode | GraphEdge): boolean => {
    const mine = item.provenance.createdBy?.id === actorId;
    if (mine && item.provenance.status === 'proposed') open.add(key);
    else if (open.delete(key)) return true;
    return false;
  };
  for (const n of store.nodes.values()) track(`n:${n.id}`, n);
  for (const e of store.edges.values()) track(`e:${e.id}`, e);
  return store.subscribe((change) => {
    let confirmed = false;
    for (const n of [...change.nodes.added, ...change.nodes.updated]) confirmed = track(`n:${n.id}`, n) || confirmed;
    for (const e of [...change.edges.added, ...change.edges.updated]) confirmed = track(`e:${e.id}`, e) || confirmed;
    for (const id of change.nodes.removed) open.delete(`n:${id}`);
    for (const id of change.edges.removed) open.delete(`e:${id}`);
    if (confirmed) undoManager.clear();
  });
}
