/**
 * The activity panel's logic, pure over the feed and the graph: filters by person, item
 * and area, the people in the feed, which items changed, and merging fetched pages.
 */
import type { ActivityEntry, GraphNode } from '@schema';
import { fold, foldedWords } from '@map/shared';
import { mergePages } from './activity-pages';

export interface ActivityFilter {
  /** Only this person's changes. */
  actorId: string | null;
  /** Only items whose name contains this (folded); a link matches by either end. */
  itemText: string;
  /** Only this item (and the links touching it). */
  itemId: string | null;
  /** Only items in this area (schema/freshness.ts areaIndex); a link by either end. */
  areaId: string | null;
}

export const NO_ACTIVITY_FILTER: ActivityFilter = { actorId: null, itemText: '', itemId: null, areaId: null };

export interface ActivityGraph {
  nodes: ReadonlyMap<string, GraphNode>;
  /** Item id → the areas it belongs to. */
  areas: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The two ends of a link from its id (`kind|from|to`, schema/ops.ts edgeIdFor), so a
 * deleted link still says what it connected. Undefined for ids of another shape.
 */
export function edgeEnds(id: string): { kind: string; from: string; to: string } | undefined {
  const parts = id.split('|');
  return parts.length === 3 && parts.every(Boolean) ? { kind: parts[0]!, from: parts[1]!, to: parts[2]! } : undefined;
}

/** The node ids an entry is about: the node, or both ends of a link; none for map settings. */
export function entryNodes(e: ActivityEntry): string[] {
  if (e.target === 'node') return [e.id];
  if (e.target === 'edge') {
    const ends = edgeEnds(e.id);
    return ends ? [ends.from, ends.to] : [];
  }
  return [];
}

export function filterActivity(
  entries: readonly ActivityEntry[],
  f: ActivityFilter,
  g: ActivityGraph,
): ActivityEntry[] {
  const words = foldedWords(f.itemText);
  const matchesText = (id: string) => {
    const n = g.nodes.get(id);
    if (!n) return false;
    const label = fold(n.label);
    return words.every((w) => label.includes(w));
  };
  return entries.filter((e) => {
    if (f.actorId !== null && e.actor?.id !== f.actorId) return false;
    const about = entryNodes(e);
    if (f.itemId !== null && !about.includes(f.itemId)) return false;
    if (words.length && !about.some(matchesText)) return false;
    if (f.areaId !== null && !about.some((id) => g.areas.get(id)?.has(f.areaId!))) return false;
    return true;
  });
}

/** Everyone who appears in the feed, by name. */
export function peopleIn(entries: readonly ActivityEntry[], compare: (a: string, b: string) => number) {
  const byId = new Map<string, { id: string; name: string }>();
  for (const e of entries) if (e.actor && !byId.has(e.actor.id)) byId.set(e.actor.id, e.actor);
  return [...byId.values()].sort((a, b) => compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** The nodes and links the entries changed (settings aside): what "changed since" highlights. */
export function changedItems(entries: readonly ActivityEntry[]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const e of entries) {
    if (e.target === 'node') nodes.add(e.id);
    else if (e.target === 'edge') edges.add(e.id);
  }
  return { nodes, edges };
}

/**
 * Newer entries before older ones, each once (by seq, and a repeated change by its
 * newest copy: activity-pages.ts), at most `max`: newest first.
 */
export function mergeEntries(
  newer: readonly ActivityEntry[],
  older: readonly ActivityEntry[],
  max: number,
): ActivityEntry[] {
  return mergePages(newer, older, max);
}
