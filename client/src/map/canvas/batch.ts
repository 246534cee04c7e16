/**
 * cy.batch without try/finally leaves Cytoscape "batching" forever if the callback
 * throws, and a batching renderer never draws again: the canvas would freeze for good.
 */
import type { Core } from 'cytoscape';

export function batch(cy: Core, fn: () => void): void {
  cy.startBatch();
  try {
    fn();
  } finally {
    cy.endBatch();
  }
}
