/**
 * Freshness: an item is stale when nobody confirmed it within the map's freshness period
 * (default 6 months, set by an owner). The review queue lists stale items oldest first,
 * by area or organisation, and each area gets a freshness score.
 */
import type { Graph, GraphNode, Provenance } from './read.js';

export const DEFAULT_FRESHNESS_MONTHS = 6;
export const MAX_FRESHNESS_MONTHS = 60;

/** A valid period in whole months, or the default. */
export function readFreshnessMonths(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_FRESHNESS_MONTHS
    ? value
    : DEFAULT_FRESHNESS_MONTHS;
}

/**
 * `ts` plus `months` calendar months (UTC). A day that doesn't exist in the target month
 * becomes that month's last day: 31 August + 6 months = 28 (or 29) February.
 */
export function addMonths(ts: number, months: number): number {
  const d = new Date(ts);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

/** When the item was last confirmed: "still correct", or else its creation. */
export function lastConfirmed(p: Provenance): number | undefined {
  return p.verifiedAt ?? p.createdAt;
}

/**
 * The moment a confirmed item goes stale: its last confirmation plus the period. An item
 * with no date at all (a foreign tool's) is stale from the start (0). Proposals are not
 * judged on freshness (they have their own queue): `undefined`.
 */
export function staleFrom(p: Provenance, months: number): number | undefined {
  if (p.status === 'proposed') return undefined;
  const at = lastConfirmed(p);
  return at === undefined ? 0 : addMonths(at, months);
}

/** Stale at `now`: the period has run out (the boundary itself counts as stale). */
export function isStale(p: Provenance, months: number, now: number): boolean {
  const from = staleFrom(p, months);
  return from !== undefined && now >= from;
}

/** Link kinds that place an item in an area directly (item → area). */
const IN_AREA = new Set(['active_in', 'part_of']);

/**
 * The areas each item belongs to. Directly: its own `active in` / `part of` links to
 * areas. Otherwise inherited one step: a person from the organisations they work for or
 * are a member of, an organisation or initiative from the place it is located at, an
 * initiative from the organisations that run it. Every area also counts for the areas it
 * is part of (a neighbourhood's items belong to its district too). An area belongs to itself.
 */
export function areaIndex(graph: Pick<Graph, 'nodes' | 'edges'>): Map<string, Set<string>> {
  const direct = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(v);
  };
  const parents = new Map<string, Set<string>>();
  const inherit: [string, string][] = []; // [item, source it may inherit from]
  for (const e of graph.edges.values()) {
    const from = graph.nodes.get(e.from);
    const to = graph.nodes.get(e.to);
    if (!from || !to) continue;
    if (IN_AREA.has(e.kind) && to.kind === 'area') {
      if (from.kind === 'area') add(parents, from.id, to.id);
      else add(direct, from.id, to.id);
    }
    if ((e.kind === 'works_for' || e.kind === 'member_of') && from.kind === 'person') inherit.push([from.id, to.id]);
    if (e.kind === 'located_at') inherit.push([from.id, to.id]);
    if (e.kind === 'runs' && to.kind === 'initiative' && from.kind === 'organisation') inherit.push([to.id, from.id]);
  }
  const result = new Map<string, Set<string>>();
  for (const n of graph.nodes.values()) {
    if (n.kind === 'area') add(direct, n.id, n.id);
  }
  for (const [id, set] of direct) result.set(id, new Set(set));
  for (const [item, source] of inherit) {
    if (direct.has(item)) continue;
    for (const a of direct.get(source) ?? []) add(result, item, a);
  }
  // Close over `part of` between areas (guarding against cycles).
  const ancestors = (area: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [area];
    while (todo.length) {
      const a = todo.pop()!;
      if (seen.has(a)) continue;
      seen.add(a);
      for (const p of parents.get(a) ?? []) todo.push(p);
    }
    return seen;
  };
  const memo = new Map<string, Set<string>>();
  for (const [id, set] of result) {
    const all = new Set<string>();
    for (const a of set) {
      let anc = memo.get(a);
      if (!anc) memo.set(a, (anc = ancestors(a)));
      for (const x of anc) all.add(x);
    }
    result.set(id, all);
  }
  return result;
}

/**
 * The organisations each item belongs to, for "our part of the map": an organisation
 * itself, the organisations it is part of, and every item linked directly to an
 * organisation (people working there, initiatives it runs, places it is located at...).
 */
export function organisationIndex(graph: Pick<Graph, 'nodes' | 'edges'>): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const add = (k: string, v: string) => {
    let s = result.get(k);
    if (!s) result.set(k, (s = new Set()));
    s.add(v);
  };
  for (const n of graph.nodes.values()) if (n.kind === 'organisation') add(n.id, n.id);
  for (const e of graph.edges.values()) {
    const from = graph.nodes.get(e.from);
    const to = graph.nodes.get(e.to);
    if (!from || !to) continue;
    if (to.kind === 'organisation') add(from.id, to.id);
    if (from.kind === 'organisation' && !(e.kind === 'part_of' && to.kind === 'organisation')) add(to.id, from.id);
  }
  return result;
}

export interface ReviewItem {
  node: GraphNode;
  /** Last confirmation (or creation); undefined for an item with no dates. */
  confirmedAt: number | undefined;
  staleFrom: number;
}

export interface ReviewFilter {
  area?: string | undefined;
  organisation?: string | undefined;
}

/**
 * Stale items, oldest confirmation first (undated ones first of all), optionally only
 * those in one area or belonging to one organisation. Ties are broken by label.
 */
export function reviewQueue(
  graph: Pick<Graph, 'nodes' | 'edges'>,
  months: number,
  now: number,
  filter: ReviewFilter = {},
): ReviewItem[] {
  const areas = filter.area ? areaIndex(graph) : undefined;
  const orgs = filter.organisation ? organisationIndex(graph) : undefined;
  const out: ReviewItem[] = [];
  for (const node of graph.nodes.values()) {
    const from = staleFrom(node.provenance, months);
    if (from === undefined || now < from) continue;
    if (areas && !areas.get(node.id)?.has(filter.area!)) continue;
    if (orgs && !orgs.get(node.id)?.has(filter.organisation!)) continue;
    out.push({ node, confirmedAt: lastConfirmed(node.provenance), staleFrom: from });
  }
  return out.sort(
    (a, b) => (a.confirmedAt ?? -Infinity) - (b.confirmedAt ?? -Infinity) || a.node.label.localeCompare(b.node.label),
  );
}

export interface AreaFreshness {
  area: GraphNode;
  /** Confirmed items in the area (proposals don't count), the area itself included. */
  items: number;
  fresh: number;
  /** fresh / items, 0..1. */
  share: number;
}

/** Per area: the share of its confirmed items confirmed within the period. Sorted by label. */
export function areaFreshness(graph: Pick<Graph, 'nodes' | 'edges'>, months: number, now: number): AreaFreshness[] {
  const index = areaIndex(graph);
  const counts = new Map<string, { items: number; fresh: number }>();
  for (const node of graph.nodes.values()) {
    if (node.provenance.status === 'proposed') continue;
    const stale = isStale(node.provenance, months, now);
    for (const a of index.get(node.id) ?? []) {
      let c = counts.get(a);
      if (!c) counts.set(a, (c = { items: 0, fresh: 0 }));
      c.items++;
      if (!stale) c.fresh++;
    }
  }
  const out: AreaFreshness[] = [];
  for (const [id, c] of counts) {
    const area = graph.nodes.get(id);
    if (area?.kind !== 'area') continue;
    out.push({ area, items: c.items, fresh: c.fresh, share: c.items ? c.fresh / c.items : 1 });
  }
  return out.sort((a, b) => a.area.label.localeCompare(b.area.label));
}
