/**
 * Labels that outlive their items: the activity feed names what was deleted while the
 * map was open (the feed itself holds ids only).
 */
import { onCleanup } from 'solid-js';
import type { MapModel } from '@sync/map-model';

export function rememberLabels(model: MapModel): (id: string) => string | undefined {
  const labels = new Map<string, string>();
  for (const n of model.store.nodes.values()) labels.set(n.id, n.label);
  onCleanup(
    model.subscribe((c) => {
      for (const n of c.nodes.added) labels.set(n.id, n.label);
      for (const n of c.nodes.updated) labels.set(n.id, n.label);
    }),
  );
  return (id) => model.node(id)?.label ?? labels.get(id);
}
