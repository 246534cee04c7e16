/**
 * The map's areas as a hierarchy (city, districts, neighbourhoods, linked by part_of):
 * an area with its sub-areas, and every area in tree order for the area selects of the
 * filter bar and the review tabs. Pure functions over the read-only graph.
 */
import type { GraphEdge, GraphNode } from '@schema';

/** What the filters read of the graph: the graph store has all of it. */
export interface GraphLike {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  neighbours(id: string): Set<string>;
  /** Shown edges touching a node. */
  edgesOf(id: string): GraphEdge[];
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
