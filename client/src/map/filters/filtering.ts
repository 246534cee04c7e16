/**
 * Which items to show for the current filters: kinds, an area, a theme, "only the
 * neighbourhood of the selected item", and a status (stale, proposals, highlighted). Pure functions over the read-only graph; they
 * walk the store's per-node edge index, so their cost follows the part of the map they
 * touch, not the size of the map.
 */
import type { GraphEdge, GraphNode, NodeKind } from '@schema';

export interface Filters {
  /** Kinds to show; empty = all kinds. */
  kinds: NodeKind[];
  /** Only items in (or linked to) this area, including its sub-areas. */
  areaId: string | null;
  /** Only items linked to this theme. */
  themeId: string | null;
  /** 0 = off; 1 or 2 = only items within that many steps of the selection. */
  neighbourhood: 0 | 1 | 2;
  /** Only stale items, only proposals, or only those highlighted as changed; null = any. */
  status: StatusFilter | null;
}

export type StatusFilter = 'stale' | 'proposed' | 'changed';

export const NO_FILTERS: Filters = { kinds: [], areaId: null, themeId: null, neighbourhood: 0, status: null };

export function filtersActive(f: Filters): boolean {
  return f.kinds.length > 0 || f.areaId !== null || f.themeId !== null || f.neighbourhood > 0 || f.status !== null;
}

/** The item sets the status filter reads, kept by the map's interface state. */
export interface StatusSets {
  stale?: ReadonlySet<string>;
  changed?: ReadonlySet<string>;
}

/** What the filters read of the graph: the graph store has all of it. */
export interface GraphLike {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  neighbours(id: string): Set<string>;
  /** Shown edges touching a node. */
  edgesOf(id: string): GraphEdge[];
}

/** Ids within `steps` links of any of `start` (including `start`). */
export function withinSteps(g: GraphLike, start: Iterable<string>, steps: number): Set<string> {
  const seen = new Set<string>();
  let frontier = [...start].filter((id) => g.nodes.has(id));
  for (const id of frontier) seen.add(id);
  for (let s = 0; s < steps; s++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of g.neighbours(id)) {
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** The areas directly part of `areaId`. */
function subAreas(g: GraphLike, areaId: string): string[] {
  return g
    .edgesOf(areaId)
    .filter((e) => e.kind === 'part_of' && e.to === areaId && g.nodes.get(e.from)?.kind === 'area')
    .map((e) => e.from);
}

/** The area and every area that is (transitively) part of it; safe against part_of cycles. */
export function areaWithSubAreas(g: GraphLike, areaId: string): Set<string> {
  const areas = new Set([areaId]);
  const todo = [areaId];
  while (todo.length) {
    for (const sub of subAreas(g, todo.pop()!)) {
      if (!areas.has(sub)) {
        areas.add(sub);
        todo.push(sub);
      }
    }
  }
  return areas;
}

/**
 * Items "in" an area: the areas themselves, everything linked to one of them directly
 * (active in, part of…), and what is located at a place that is in the area. The areas
 * it is part of are not in it: filtering on a neighbourhood doesn't show its district.
 */
export function inArea(g: GraphLike, areaId: string): Set<string> {
  const areas = areaWithSubAreas(g, areaId);
  const out = new Set(areas);
  for (const a of areas) {
    for (const n of g.neighbours(a)) if (g.nodes.get(n)?.kind !== 'area') out.add(n);
  }
  for (const id of [...out]) {
    if (g.nodes.get(id)?.kind !== 'place') continue;
    for (const e of g.edgesOf(id)) if (e.kind === 'located_at' && e.to === id) out.add(e.from);
  }
  return out;
}

/** The ids to show, or null when no filter is active (show everything). */
export function visibleIds(
  g: GraphLike,
  f: Filters,
  selection: readonly string[],
  sets: StatusSets = {},
): Set<string> | null {
  if (!filtersActive(f)) return null;
  let ids: Set<string> | null = null;
  const intersect = (s: Set<string>) => {
    ids = ids === null ? s : new Set([...ids].filter((x) => s.has(x)));
  };
  if (f.areaId && g.nodes.has(f.areaId)) intersect(inArea(g, f.areaId));
  if (f.themeId && g.nodes.has(f.themeId)) intersect(new Set([f.themeId, ...g.neighbours(f.themeId)]));
  if (f.neighbourhood > 0 && selection.length) intersect(withinSteps(g, selection, f.neighbourhood));
  if (f.status === 'proposed') {
    intersect(new Set([...g.nodes.values()].filter((n) => n.provenance.status === 'proposed').map((n) => n.id)));
  } else if (f.status === 'stale') intersect(new Set(sets.stale ?? []));
  else if (f.status === 'changed') intersect(new Set([...(sets.changed ?? [])].filter((id) => g.nodes.has(id))));
  let out: Set<string> = ids ?? new Set(g.nodes.keys());
  if (f.kinds.length) {
    const kinds = new Set(f.kinds);
    // The selected items and the filter's own anchors stay visible, whatever their kind.
    const keep = new Set([...selection, f.areaId, f.themeId].filter((x): x is string => !!x));
    out = new Set([...out].filter((id) => kinds.has(g.nodes.get(id)!.kind) || keep.has(id)));
  }
  return out;
}

export interface AreaOption {
  id: string;
  label: string;
  /** 0 for areas part of no other area; one more per part_of step. */
  depth: number;
}

/**
 * Every area in hierarchy order (city, its districts, their neighbourhoods), siblings
 * by label: for the area filter. An area part of several others is listed under the
 * first; areas only reachable through a cycle are listed at the top level.
 */
export function areaTree(g: GraphLike, compare: (a: string, b: string) => number): AreaOption[] {
  const areas = [...g.nodes.values()].filter((n) => n.kind === 'area');
  const byLabel = (a: GraphNode, b: GraphNode) => compare(a.label, b.label) || (a.id < b.id ? -1 : 1);
  const out: AreaOption[] = [];
  const placed = new Set<string>();
  const visit = (n: GraphNode, depth: number) => {
    if (placed.has(n.id)) return;
    placed.add(n.id);
    out.push({ id: n.id, label: n.label, depth });
    const subs = subAreas(g, n.id).map((id) => g.nodes.get(id)!);
    for (const s of subs.sort(byLabel)) visit(s, depth + 1);
  };
  const isRoot = (n: GraphNode) =>
    !g.edgesOf(n.id).some((e) => e.kind === 'part_of' && e.from === n.id && g.nodes.get(e.to)?.kind === 'area');
  for (const n of areas.filter(isRoot).sort(byLabel)) visit(n, 0);
  for (const n of areas.sort(byLabel)) visit(n, 0);
  return out;
}

/** Option lists are equal when every option keeps its id, label and depth (no re-render). */
export function sameOptions(a: AreaOption[], b: AreaOption[]): boolean {
  return (
    a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.label === b[i]!.label && x.depth === b[i]!.depth)
  );
}
