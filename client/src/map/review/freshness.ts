/**
 * Which items are stale now (schema/freshness.ts: not confirmed within the map's period).
 * Recomputed whenever the map, the period or the clock changes, so the moment an item
 * goes stale is cached per node object (the store replaces a node whenever it changes).
 */
import { type GraphNode, staleFrom } from '@schema';

const cache = new WeakMap<GraphNode, { months: number; from: number | undefined }>();

/** When this node goes (or went) stale; undefined for proposals. */
export function staleFromOf(node: GraphNode, months: number): number | undefined {
  const hit = cache.get(node);
  if (hit && hit.months === months) return hit.from;
  const from = staleFrom(node.provenance, months);
  cache.set(node, { months, from });
  return from;
}

/** Ids of the nodes stale at `now`. */
export function staleIds(nodes: Iterable<GraphNode>, months: number, now: number): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) {
    const from = staleFromOf(n, months);
    if (from !== undefined && now >= from) out.add(n.id);
  }
  return out;
}

/** Set equality, so a recomputation that changes nothing changes nothing downstream. */
export function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
