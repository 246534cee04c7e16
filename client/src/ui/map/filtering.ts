/**
 * Which items to show for the current filters: kinds, an area, a theme, and "only the
 * neighbourhood of the selected item". Pure functions over the read-only graph.
 */
import type { GraphEdge, GraphNode, NodeKind } from '../../../../schema/index.js';

export interface Filters {
  /** Kinds to show; empty = all kinds. */
  kinds: NodeKind[];
  /** Only items in (or linked to) this area, including its sub-areas. */
  areaId: string | null;
  /** Only items linked to this theme. */
  themeId: string | null;
  /** 0 = off; 1 or 2 = only items within that many steps of the selection. */
  neighbourhood: 0 | 1 | 2;
}

export const NO_FILTERS: Filters = { kinds: [], areaId: null, themeId: null, neighbourhood: 0 };

export function filtersActive(f: Filters): boolean {
  return f.kinds.length > 0 || f.areaId !== null || f.themeId !== null || f.neighbourhood > 0;
}

interface GraphLike {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  neighbours(id: string): Set<string>;
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

/** The area and every area that is (transitively) part of it. */
export function areaWithSubAreas(g: GraphLike, areaId: string): Set<string> {
  const areas = new Set([areaId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of g.edges.values()) {
      if (e.kind === 'part_of' && areas.has(e.to) && g.nodes.get(e.from)?.kind === 'area' && !areas.has(e.from)) {
        areas.add(e.from);
        grew = true;
      }
    }
  }
  return areas;
}

/**
 * Items "in" an area: the areas themselves, everything linked to one of them directly
 * (active in, part of, located…), and what is located at a place that is in the area.
 */
export function inArea(g: GraphLike, areaId: string): Set<string> {
  const areas = areaWithSubAreas(g, areaId);
  const out = new Set(areas);
  for (const a of areas) for (const n of g.neighbours(a)) out.add(n);
  for (const e of g.edges.values()) {
    if (e.kind === 'located_at' && out.has(e.to) && g.nodes.get(e.to)?.kind === 'place') out.add(e.from);
  }
  return out;
}

/** The ids to show, or null when no filter is active (show everything). */
export function visibleIds(g: GraphLike, f: Filters, selection: readonly string[]): Set<string> | null {
  if (!filtersActive(f)) return null;
  let ids: Set<string> | null = null;
  const intersect = (s: Set<string>) => {
    ids = ids === null ? s : new Set([...ids].filter((x) => s.has(x)));
  };
  if (f.areaId && g.nodes.has(f.areaId)) intersect(inArea(g, f.areaId));
  if (f.themeId && g.nodes.has(f.themeId)) intersect(new Set([f.themeId, ...g.neighbours(f.themeId)]));
  if (f.neighbourhood > 0 && selection.length) intersect(withinSteps(g, selection, f.neighbourhood));
  let out: Set<string> = ids ?? new Set(g.nodes.keys());
  if (f.kinds.length) {
    const kinds = new Set(f.kinds);
    // The selected items and the filter's own anchors stay visible, whatever their kind.
    const keep = new Set([...selection, f.areaId, f.themeId].filter((x): x is string => !!x));
    out = new Set([...out].filter((id) => kinds.has(g.nodes.get(id)!.kind) || keep.has(id)));
  }
  return out;
}
