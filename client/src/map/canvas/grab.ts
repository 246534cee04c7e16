/**
 * Which items this person can drag: those their role may change (everything for editors
 * and owners, a contributor's own open proposals, nothing for viewers). A drag of any
 * other item would be a change the server refuses.
 */
import type { Core } from 'cytoscape';
import { batch } from './batch';

export function syncGrab(cy: Core, ids: Iterable<string>, mayMove: (id: string) => boolean): void {
  batch(cy, () => {
    for (const id of ids) {
      const n = cy.getElementById(id);
      if (n.empty()) continue;
      const can = mayMove(id);
      if (can && !n.grabbable()) n.grabify();
      else if (!can && n.grabbable()) n.ungrabify();
    }
  });
}
