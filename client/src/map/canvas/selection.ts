/**
 * One selection for every view: picking on the canvas sets model.setSelection, and the
 * model's selection (from the list, search, a dialog) is shown on the canvas. The links
 * of the selected items show what kind of link they are.
 */
import type { Core, EdgeCollection } from 'cytoscape';
import { createEffect, on } from 'solid-js';
import { batch } from './batch';

const DEFAULTS = {
  /** Beyond this many selected items, their links stay unlabelled (noise, and slow). */
  labelLinksMax: 50,
} as const;

export interface SelectionModel {
  selection(): string[];
  setSelection(ids: string[]): void;
}

export interface SelectionSync {
  /** Shows the model's selection again (after nodes were added). */
  reconcile(): void;
  dispose(): void;
}

export function syncSelection(cy: Core, model: SelectionModel): SelectionSync {
  let applying = false;
  let queued = false;
  let near: EdgeCollection = cy.collection().edges();

  const labelLinks = () => {
    const selected = cy.nodes(':selected');
    const next = selected.length <= DEFAULTS.labelLinksMax ? selected.connectedEdges() : cy.collection().edges();
    near.difference(next).removeClass('near-selection');
    next.difference(near).addClass('near-selection');
    near = next;
  };

  // Box selection selects one node per event: tell the model once, after the last.
  const onCanvasSelect = () => {
    if (applying || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      labelLinks();
      const ids = cy.nodes(':selected').map((n) => n.id());
      const current = model.selection();
      const known = new Set(current);
      if (ids.length !== current.length || ids.some((id) => !known.has(id))) model.setSelection(ids);
    });
  };
  cy.on('select unselect', 'node', onCanvasSelect);

  const show = (ids: readonly string[]) => {
    const wanted = new Set(ids);
    applying = true;
    try {
      batch(cy, () => {
        cy.nodes(':selected').forEach((n) => {
          if (!wanted.has(n.id())) n.unselect();
        });
        for (const id of wanted) {
          const n = cy.getElementById(id);
          if (n.nonempty() && !n.selected()) n.select();
        }
      });
    } finally {
      applying = false;
    }
    labelLinks();
  };
  createEffect(on(model.selection, show));

  return {
    reconcile: () => show(model.selection()),
    dispose: () => cy.off('select unselect', 'node', onCanvasSelect),
  };
}
