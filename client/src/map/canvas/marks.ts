/**
 * Marks drawn by class from a set of ids kept elsewhere (stale items, items changed
 * since a date): only ids whose membership changes are touched, and nodes or links that
 * arrive later get the class if they are in the set.
 */
import type { Core } from 'cytoscape';
import { batch } from './batch';

export interface ClassMark {
  /** The ids that should carry the class now. */
  set(ids: ReadonlySet<string>): void;
  /** Elements just added to the canvas: mark those in the set. */
  added(ids: Iterable<string>): void;
}

export function createClassMark(cy: Core, className: string): ClassMark {
  let marked = new Set<string>();
  return {
    set(ids) {
      batch(cy, () => {
        for (const id of marked) if (!ids.has(id)) cy.getElementById(id).removeClass(className);
        for (const id of ids) if (!marked.has(id)) cy.getElementById(id).addClass(className);
      });
      marked = new Set(ids);
    },
    added(ids) {
      for (const id of ids) if (marked.has(id)) cy.getElementById(id).addClass(className);
    },
  };
}
