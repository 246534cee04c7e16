/**
 * Which items to show for the current filters: kinds, an area, a theme, "only the
 * neighbourhood of the selected item", and a status (stale, proposals, highlighted). Pure functions over the read-only graph; they
 * walk the store's per-node edge index, so their cost follows the part of the map they
 * touch, not the size of the map.
 */
import type { NodeKind } from '@schema';
import { type GraphLike, areaWithSubAreas } from '@map/shared';

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
