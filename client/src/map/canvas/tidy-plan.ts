/**
 * What "tidy up" will move, and whether to ask first: the selection when two or more
 * items are selected, otherwise everything; it asks before moving everything or any
 * item someone else made, because everyone sees the new places. Pure.
 */

export interface TidyItem {
  id: string;
  /** Who made the item (undefined: unknown, e.g. made by another tool). */
  createdBy?: string;
}

export interface TidyPlan {
  scope: 'selection' | 'all';
  ids: string[];
  /** How many of them someone else made (or nobody knows who). */
  othersItems: number;
  /** True when the person should be asked first. */
  ask: boolean;
}

export function tidyPlan(items: Iterable<TidyItem>, selection: readonly string[], actorId: string): TidyPlan {
  const all = [...items];
  const byId = new Map(all.map((n) => [n.id, n]));
  const chosen = selection.filter((id) => byId.has(id));
  const scope = chosen.length >= 2 ? 'selection' : 'all';
  const ids = scope === 'selection' ? chosen : all.map((n) => n.id);
  const othersItems = ids.filter((id) => byId.get(id)!.createdBy !== actorId).length;
  return { scope, ids, othersItems, ask: scope === 'all' || othersItems > 0 };
}
