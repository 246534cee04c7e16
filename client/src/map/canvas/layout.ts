/**
 * Force-directed layout (fcose) for many items at once: the first arrangement of a map
 * nobody has arranged yet, an import, and "tidy up". Layouts compute positions only;
 * the caller shares them (placeNodes) and the canvas follows the shared positions.
 */
import cytoscape, { type EdgeSingular, type ElementDefinition, type NodeCollection } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Point } from './placement';

cytoscape.use(fcose);

/** Up to this many items, "tidy up" refines the arrangement (slower); above it, draft only. */
export const REFINE_MAX = 1500;

export type Quality = 'draft' | 'default';

export function qualityFor(count: number): Quality {
  return count <= REFINE_MAX ? 'default' : 'draft';
}

/**
 * Lays out `nodes` (and the links among them) and returns their new positions. The
 * layout runs in a headless Cytoscape of its own: the drawn one is not touched (no
 * restyle, no flicker; filtered nodes count too), and nothing is measured for drawing.
 * fcose centres the result where the nodes were.
 *
 * fcose 2.2 ignores `randomize: false` with quality 'draft' (its spectral step is the
 * one that needs random starts, and without it nothing moves), so draft runs randomise.
 */
export function computeLayout(nodes: NodeCollection, quality: Quality): Map<string, Point> {
  const elements: ElementDefinition[] = [];
  nodes.forEach((n) => {
    elements.push({ group: 'nodes', data: { id: n.id() }, position: { ...n.position() } });
  });
  nodes.edgesWith(nodes).forEach((e) => {
    elements.push({ group: 'edges', data: { id: e.id(), source: e.source().id(), target: e.target().id() } });
  });
  const cy = cytoscape({
    headless: true,
    elements,
    layout: { name: 'preset' },
    // About the size of the drawn items, which is what fcose keeps apart.
    style: [{ selector: 'node', style: { width: 40, height: 40 } }],
  });
  try {
    cy.layout({
      name: 'fcose',
      quality,
      randomize: true,
      animate: false,
      fit: false,
      // Room for the labels under the items, which fcose does not measure in these qualities,
      // and longer links around hubs (areas, teams) so their neighbours don't pile up.
      nodeSeparation: 150,
      idealEdgeLength: (e: EdgeSingular) =>
        50 + 12 * Math.sqrt(Math.max(e.source().degree(false), e.target().degree(false))),
      nodeRepulsion: () => 20000,
      numIter: 2500,
      tile: true,
      tilingPaddingVertical: 40,
      tilingPaddingHorizontal: 40,
    } as cytoscape.LayoutOptions).run();
    const out = new Map<string, Point>();
    cy.nodes().forEach((n) => {
      const p = n.position();
      out.set(n.id(), { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
    });
    return out;
  } finally {
    cy.destroy();
  }
}
