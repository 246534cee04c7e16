/**
 * Filters on the canvas: nodes the filters leave out get the `filtered` class (display:
 * none, which hides their links too). Only nodes whose visibility changes are touched.
 */
import type { Core } from 'cytoscape';
import { batch } from './batch';

/** Updates `hidden` (ids currently hidden) to match `visible` (null = show everything). */
export function applyVisibility(cy: Core, hidden: Set<string>, visible: ReadonlySet<string> | null): void {
  batch(cy, () => {
    for (const id of [...hidden]) {
      if (visible === null || visible.has(id)) {
        cy.getElementById(id).removeClass('filtered');
        hidden.delete(id);
      }
    }
    if (visible === null) return;
    cy.nodes().forEach((n) => {
      const id = n.id();
      if (!visible.has(id) && !hidden.has(id)) {
        n.addClass('filtered');
        hidden.add(id);
      }
    });
  });
}
