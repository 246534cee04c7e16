/**
 * Graph items as Cytoscape elements. Only what the stylesheet needs goes into `data`:
 * the canvas renders, it never becomes a second copy of the map.
 */
import type { ElementDefinition } from 'cytoscape';
import { EDGE_KIND_DEFS, type GraphEdge, type GraphNode, type Lang } from '@schema';

export interface NodeData {
  id: string;
  kind: string;
  label: string;
  /** Present only for proposals, so `node[proposed]` selects them. */
  proposed?: true;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  kind: string;
  /** The kind in the current language; shown next to the selection's links. */
  label: string;
  proposed?: true;
  /** `knows` strength drawn as line width. */
  strength?: string;
}

export function nodeData(n: GraphNode): NodeData {
  const d: NodeData = { id: n.id, kind: n.kind, label: n.label };
  if (n.provenance.status === 'proposed') d.proposed = true;
  return d;
}

export function edgeData(e: GraphEdge, lang: Lang): EdgeData {
  const d: EdgeData = {
    id: e.id,
    source: e.from,
    target: e.to,
    kind: e.kind,
    label: EDGE_KIND_DEFS[e.kind].label[lang],
  };
  if (e.provenance.status === 'proposed') d.proposed = true;
  if (typeof e.fields.strength === 'string') d.strength = e.fields.strength;
  return d;
}

export function nodeElement(n: GraphNode, position: { x: number; y: number }, classes?: string): ElementDefinition {
  return { group: 'nodes', data: nodeData(n), position: { ...position }, ...(classes ? { classes } : {}) };
}

export function edgeElement(e: GraphEdge, lang: Lang): ElementDefinition {
  // Selection holds items, not links: clicking a link must not clear the selection.
  return { group: 'edges', data: edgeData(e, lang), selectable: false };
}

/** Whether a data update changes anything the canvas shows (skips needless restyles). */
export function sameData(a: Record<string, unknown>, b: object): boolean {
  const bb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(bb)]);
  for (const k of keys) if (k !== 'source' && k !== 'target' && a[k] !== bb[k]) return false;
  return true;
}
