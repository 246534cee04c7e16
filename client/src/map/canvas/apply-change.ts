/**
 * Applies one GraphChange to Cytoscape, in one batch: add, remove, data, position.
 * Never rebuilds: a change of one label touches one element, whatever the map's size.
 */
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { GraphChange } from '@sync/graph-store';
import type { GraphEdge, Lang } from '@schema';
import { batch } from './batch';
import { edgeData, edgeElement, nodeData, nodeElement, sameData } from './elements';
import type { Point } from './placement';

const DEFAULTS = {
  /** Above this many moved items, remote moves jump into place instead of animating (thousands stall). */
  animateMax: 300,
  /** How long a remote move glides into place, ms. */
  animationMs: 350,
  /** A shared position closer than this (model units, per axis) to the drawn one is no move. */
  moveEpsilon: 0.05,
} as const;

/** The name the tests know it by. */
export const ANIMATE_MAX = DEFAULTS.animateMax;

const far = (a: number, b: number) => Math.abs(a - b) > DEFAULTS.moveEpsilon;

export interface ApplyContext {
  lang: Lang;
  /** Whether the current filters hide this node (new nodes arrive hidden if so). */
  isHidden(id: string): boolean;
  /** Where a node without a position is put until it is placed. */
  parking: Point;
}

export interface ApplyResult {
  /** Nodes that arrived without a position: to be placed. */
  unplaced: string[];
  /** How many nodes got a new shared position. */
  moved: number;
}

export function applyChange(cy: Core, change: GraphChange, ctx: ApplyContext): ApplyResult {
  const unplaced: string[] = [];
  const moves: [NodeSingular, Point][] = [];
  // Never mutate the change: other listeners get the same object.
  const updated = [...change.nodes.updated];
  batch(cy, () => {
    for (const id of change.edges.removed) cy.getElementById(id).remove();
    for (const id of change.nodes.removed) cy.getElementById(id).remove();
    // One add for all new nodes: cheaper than one add each (measured headless: ~1.3-1.6×).
    const addedNodes: ElementDefinition[] = [];
    for (const n of change.nodes.added) {
      const existing = cy.getElementById(n.id);
      if (existing.nonempty()) {
        // Already drawn (e.g. a re-added id): treat as an update.
        updated.push(n);
        continue;
      }
      if (!n.position) unplaced.push(n.id);
      addedNodes.push(nodeElement(n, n.position ?? ctx.parking, ctx.isHidden(n.id) ? 'filtered' : undefined));
    }
    if (addedNodes.length) cy.add(addedNodes);
    for (const n of updated) {
      const node = cy.getElementById(n.id) as NodeSingular;
      if (node.empty()) continue;
      const data = nodeData(n);
      if (!sameData(node.data(), data)) {
        node.removeData('proposed');
        node.data(data);
      }
      // No shared position yet: keep the local one this device chose.
      if (!n.position || node.grabbed()) continue;
      const p = node.position();
      if (far(p.x, n.position.x) || far(p.y, n.position.y)) moves.push([node, n.position]);
    }
    const addedEdges = change.edges.added.filter((e) => cy.getElementById(e.id).empty());
    const drawable = (e: GraphEdge) => cy.getElementById(e.from).nonempty() && cy.getElementById(e.to).nonempty();
    for (const e of change.edges.updated) {
      const edge = cy.getElementById(e.id);
      if (edge.empty()) {
        addedEdges.push(e);
        continue;
      }
      // Endpoints are part of an edge's identity in Cytoscape: a changed end means a new edge.
      if (edge.data('source') !== e.from || edge.data('target') !== e.to) {
        edge.remove();
        addedEdges.push(e);
        continue;
      }
      const data = edgeData(e, ctx.lang);
      if (!sameData(edge.data(), data)) {
        edge.removeData('proposed strength');
        edge.data(data);
      }
    }
    // The store shows a link only with both ends; the guard keeps Cytoscape from throwing if not.
    const toAdd = addedEdges.filter(drawable);
    if (toAdd.length) cy.add(toAdd.map((e) => edgeElement(e, ctx.lang)));
    if (moves.length > DEFAULTS.animateMax) jump(moves);
  });
  if (moves.length <= DEFAULTS.animateMax) glide(moves);
  return { unplaced, moved: moves.length };
}

function jump(moves: [NodeSingular, Point][]): void {
  for (const [node, p] of moves) node.stop(true).position({ ...p });
}

/** Remote moves glide into place, so people see what moved and from where. */
function glide(moves: [NodeSingular, Point][]): void {
  for (const [node, p] of moves) {
    node.stop(true);
    node.animate({ position: { ...p } }, { duration: DEFAULTS.animationMs, easing: 'ease-in-out-cubic' });
  }
}

/** Moves nodes to new positions: gliding when few, at once when many (animating thousands stalls). */
export function moveTo(cy: Core, moves: [NodeSingular, Point][]): void {
  if (moves.length > DEFAULTS.animateMax) batch(cy, () => jump(moves));
  else glide(moves);
}
