/**
 * Force-directed layout (fcose) for many items at once: the first arrangement of a map
 * nobody has arranged yet, an import, and "tidy up". Layouts compute positions only;
 * the caller shares them (placeNodes) and the canvas follows the shared positions.
 */
import cytoscape, { type EdgeSingular, type ElementDefinition, type NodeCollection } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Point } from './placement';

cytoscape.use(fcose);

const DEFAULTS = {
  /** Up to this many items, "tidy up" refines the arrangement (slower); above it, draft only. */
  refineMax: 1500,
  /** The size fcose keeps apart: about that of the drawn items (model units). */
  nodeSize: 40,
  /** Room for the labels under the items, which fcose does not measure in these qualities. */
  nodeSeparation: 150,
  /**
   * A link's ideal length: base + perDegree × √(degree of its busier end), so the
   * neighbours of hubs (areas, teams) get room instead of piling up.
   */
  edgeLength: { base: 50, perDegree: 12 },
  /** How hard items push each other apart. */
  nodeRepulsion: 20000,
  /** fcose's iterations. */
  numIter: 2500,
  /** Space between the parts of the map that are not linked to each other (tiled), both ways. */
  tilingPadding: 40,
} as const;

export type Quality = 'draft' | 'default';

export function qualityFor(count: number): Quality {
  return count <= DEFAULTS.refineMax ? 'default' : 'draft';
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
    style: [{ selector: 'node', style: { width: DEFAULTS.nodeSize, height: DEFAULTS.nodeSize } }],
  });
  try {
    cy.layout({
      name: 'fcose',
      quality,
      randomize: true,
      animate: false,
      fit: false,
      nodeSeparation: DEFAULTS.nodeSeparation,
      idealEdgeLength: (e: EdgeSingular) =>
        DEFAULTS.edgeLength.base +
        DEFAULTS.edgeLength.perDegree * Math.sqrt(Math.max(e.source().degree(false), e.target().degree(false))),
      nodeRepulsion: () => DEFAULTS.nodeRepulsion,
      numIter: DEFAULTS.numIter,
      tile: true,
      tilingPaddingVertical: DEFAULTS.tilingPadding,
      tilingPaddingHorizontal: DEFAULTS.tilingPadding,
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
