/**
 * How each kind looks: one table both the canvas stylesheet and the legend read, so the
 * legend can never disagree with the map. Shape and icon differ per kind as well as the
 * colour, so nothing depends on telling colours apart.
 */
import type { EdgeKind, NodeKind } from '@schema';

export type NodeShape =
  'ellipse' | 'round-rectangle' | 'round-diamond' | 'round-triangle' | 'round-hexagon' | 'round-tag';

export interface NodeLook {
  shape: NodeShape;
  color: string;
  /** Node size in model units; areas are drawn larger because they contain the rest. */
  size: number;
  /** White pictogram on a 24×24 grid (SVG content without the outer element). */
  icon: string;
  /** Vertical centre of the icon in % of the node (a triangle's visual centre is low). */
  iconY: number;
}

const stroke = 'fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"';

// Colours all reach at least 4.5:1 against the white pictogram.
export const NODE_LOOK: Record<NodeKind, NodeLook> = {
  person: {
    shape: 'ellipse',
    color: '#2459b3',
    size: 34,
    icon: '<circle cx="12" cy="7.5" r="4" fill="#fff"/><path d="M4 21c0-4.6 3.6-7.5 8-7.5s8 2.9 8 7.5z" fill="#fff"/>',
    iconY: 50,
  },
  organisation: {
    shape: 'round-rectangle',
    color: '#6a3fb0',
    size: 38,
    icon: '<path fill="#fff" fill-rule="evenodd" d="M3 21V3h11v18zM5.5 5.5v2.5h2.5V5.5zm4 0v2.5H12V5.5zm-4 4.5v2.5h2.5V10zm4 0v2.5H12V10zm-4 4.5V17h2.5v-2.5zm4 0V17H12v-2.5zM15 21V9h6v12z"/>',
    iconY: 50,
  },
  initiative: {
    shape: 'round-diamond',
    color: '#b3530a',
    size: 40,
    icon: '<path fill="#fff" d="M12 2.5l2.8 6.3 6.9.7-5.2 4.6 1.5 6.8L12 17.4l-6 3.5 1.5-6.8-5.2-4.6 6.9-.7z"/>',
    iconY: 50,
  },
  place: {
    shape: 'round-triangle',
    color: '#1b7346',
    size: 40,
    icon: '<path fill="#fff" d="M12 3l9.5 8.5H18.5V21h-4.5v-6h-4v6H5.5v-9.5H2.5z"/>',
    iconY: 64,
  },
  area: {
    shape: 'round-hexagon',
    color: '#56616f',
    size: 46,
    icon: `<path ${stroke} d="M3 6.5l6-3 6 3 6-3v14l-6 3-6-3-6 3zM9 3.5v14M15 6.5v14"/>`,
    iconY: 50,
  },
  theme: {
    shape: 'round-tag',
    color: '#a8224f',
    size: 34,
    icon: `<path ${stroke} d="M10 3.5 8 20.5M16 3.5l-2 17M4.5 9h16M3.5 15h16"/>`,
    iconY: 50,
  },
};

/** The pictogram as an image the canvas can draw (Cytoscape loads it once per kind). */
export function iconUri(kind: NodeKind): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">${NODE_LOOK[kind].icon}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

export type LineStyle = 'solid' | 'dotted' | 'double';
export type ArrowShape = 'triangle' | 'vee' | 'triangle-backcurve' | 'square' | 'circle' | 'diamond' | 'tee' | 'none';

export interface EdgeLook {
  color: string;
  /**
   * Dashed is kept for proposals, so kinds use solid, dotted or double lines. Cytoscape
   * has no double edge line: a light line with an outline in the colour draws one.
   */
  line: LineStyle;
  /** `none` for the symmetric kinds: a `knows` link has no direction. */
  arrow: ArrowShape;
}

export const EDGE_LOOK: Record<EdgeKind, EdgeLook> = {
  works_for: { color: '#2459b3', line: 'solid', arrow: 'triangle' },
  member_of: { color: '#6a3fb0', line: 'solid', arrow: 'vee' },
  knows: { color: '#2f8f5b', line: 'solid', arrow: 'none' },
  contact_for: { color: '#2b7bbd', line: 'dotted', arrow: 'vee' },
  runs: { color: '#b3530a', line: 'solid', arrow: 'triangle' },
  supports: { color: '#0f7d83', line: 'solid', arrow: 'triangle-backcurve' },
  located_at: { color: '#1b7346', line: 'dotted', arrow: 'square' },
  active_in: { color: '#56616f', line: 'dotted', arrow: 'circle' },
  part_of: { color: '#7b8794', line: 'solid', arrow: 'tee' },
  addresses: { color: '#a8224f', line: 'solid', arrow: 'diamond' },
  signals: { color: '#c2410c', line: 'dotted', arrow: 'triangle' },
  refers_to: { color: '#7a3e9d', line: 'double', arrow: 'vee' },
  collaborates_with: { color: '#b3530a', line: 'double', arrow: 'none' },
};
