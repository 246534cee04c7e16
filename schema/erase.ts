/**
 * Erasure ("forget this person"): unlike a deletion, nothing of the item may remain — not
 * in the document, not in the server's storage, not on devices. The operation here is the
 * document part; the server then compacts its storage (see server/erasure.ts).
 */
import * as Y from 'yjs';
import { ORIGIN, edgesMap, metaMap, nodesMap } from './doc.js';
import { MENTION } from './notes.js';
import { OpError, type OpContext } from './ops.js';

/** meta key: when the map last had something erased; devices then rewrite their local copy. */
export const LAST_ERASURE_KEY = 'lastErasureAt';

type XmlChild = Y.XmlElement | Y.XmlText | Y.XmlHook;

function mentionsOf(parent: Y.XmlFragment | Y.XmlElement, id: string, out: Y.XmlElement[]): Y.XmlElement[] {
  for (const child of parent.toArray() as XmlChild[]) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === MENTION && child.getAttribute('id') === id) out.push(child);
    else mentionsOf(child, id, out);
  }
  return out;
}

/**
 * Removes a node, every link touching it and its note, and turns every mention of it in
 * other notes into a "removed" mention without its name (the `label` attribute, which
 * holds the name as it was written, is removed). Stamps `meta.lastErasureAt`.
 * One transaction; with garbage collection on (the default), the removed content is gone
 * from the doc's encoded state at once.
 */
export function eraseNode(doc: Y.Doc, id: string, ctx: OpContext): void {
  const nodes = nodesMap(doc);
  if (!nodes.has(id)) throw new OpError('notFound', `node ${id} not found`);
  const edges = edgesMap(doc);
  const at = (ctx.now ?? Date.now)();
  doc.transact(() => {
    for (const [edgeId, edge] of edges) {
      if (edge instanceof Y.Map && (edge.get('from') === id || edge.get('to') === id)) edges.delete(edgeId);
    }
    nodes.delete(id);
    for (const node of nodes.values()) {
      const note = node instanceof Y.Map ? node.get('note') : undefined;
      if (!(note instanceof Y.XmlFragment)) continue;
      for (const m of mentionsOf(note, id, [])) {
        m.removeAttribute('label');
        m.setAttribute('removed', 'true');
      }
    }
    metaMap(doc).set(LAST_ERASURE_KEY, at);
  }, ctx.origin ?? ORIGIN.ui);
}
