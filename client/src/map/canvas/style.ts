/**
 * The Cytoscape stylesheet, generated from the per-kind looks. Labels use
 * `min-zoomed-font-size`, so they disappear when zoomed out instead of turning into grey
 * noise (and the renderer skips them, which keeps large maps fast).
 */
import type { StylesheetJson } from 'cytoscape';
import { EDGE_KINDS, EDGE_KIND_DEFS, NODE_KINDS } from '@schema';
import { EDGE_LOOK, NODE_LOOK, iconUri } from './kind-style';

export const DEFAULTS = {
  /**
   * Pictograms are drawn up to this many items. Cytoscape redraws background images into
   * its layer textures on every zoom level, which on software-rendered canvases costs
   * ~0.2 ms per item per frame (measured: 5,000 items, ~0.5-1 s per zoom step with
   * icons, ~0.05-0.2 s without). Above it, shape and colour still tell the kinds apart.
   */
  iconsMax: 400,
  /** Labels smaller than this on screen (px) are not drawn: no grey noise when zoomed out. */
  minZoomedFontSize: 7,
  /** Labels under items are cut with an ellipsis at this width. */
  labelMaxWidth: '130px',
  /** The selection's border. */
  selected: '#f2b600',
  /** Stale items: a double border and label ground in amber, apart from every kind colour. */
  stale: '#c2570c',
  staleLabel: '#ffe8cc',
  /** "Changed since…": a cyan glow around the item. */
  changed: '#00a8c6',
  /** Drag-to-link: the source's and the target's border. */
  linking: '#0b7a75',
  text: '#1d2733',
} as const;

/** Whether pictograms are drawn on a canvas of `count` items. */
export function withIcons(count: number): boolean {
  return count <= DEFAULTS.iconsMax;
}

export function stylesheet(opts: { icons: boolean } = { icons: true }): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 12,
        color: DEFAULTS.text,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': DEFAULTS.labelMaxWidth,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': DEFAULTS.minZoomedFontSize,
        'background-fit': 'none',
        'background-width': '58%',
        'background-height': '58%',
        'background-clip': 'none',
        'border-width': 1.5,
        'border-color': '#ffffff',
        'overlay-opacity': 0,
      },
    },
  ];
  for (const kind of NODE_KINDS) {
    const look = NODE_LOOK[kind];
    sheet.push({
      selector: `node[kind = "${kind}"]`,
      style: {
        shape: look.shape,
        'background-color': look.color,
        width: look.size,
        height: look.size,
        ...(opts.icons ? { 'background-image': iconUri(kind), 'background-position-y': `${look.iconY}%` } : {}),
      },
    });
  }
  sheet.push({
    selector: 'edge',
    style: {
      width: 1.6,
      'curve-style': 'bezier',
      'arrow-scale': 0.9,
      'line-opacity': 0.85,
      'font-size': 10,
      color: '#3d4957',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': DEFAULTS.minZoomedFontSize,
      'overlay-opacity': 0,
    },
  });
  for (const kind of EDGE_KINDS) {
    const look = EDGE_LOOK[kind];
    sheet.push({
      selector: `edge[kind = "${kind}"]`,
      style: {
        'target-arrow-color': look.color,
        // The schema decides what has a direction, whatever the look table says.
        'target-arrow-shape': EDGE_KIND_DEFS[kind].symmetric ? 'none' : look.arrow,
        ...(look.line === 'double'
          ? { 'line-color': '#ffffff', 'line-outline-width': 1.3, 'line-outline-color': look.color, width: 2 }
          : { 'line-color': look.color, 'line-style': look.line }),
      },
    });
  }
  sheet.push(
    { selector: 'edge[strength = "medium"]', style: { width: 2.4 } },
    { selector: 'edge[strength = "strong"]', style: { width: 3.4 } },
    // Proposals (contributors' items not yet confirmed) are drawn dashed and lighter, the
    // label in italics: not part of the map yet.
    {
      selector: 'node[?proposed]',
      style: {
        'border-style': 'dashed',
        'border-width': 2.5,
        'border-color': '#1d2733',
        'background-opacity': 0.55,
        'font-style': 'italic',
      },
    },
    { selector: 'edge[?proposed]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    // Stale items: nobody confirmed them within the map's period.
    {
      selector: 'node.stale',
      style: {
        'border-style': 'double',
        'border-width': 5,
        'border-color': DEFAULTS.stale,
        'text-background-color': DEFAULTS.staleLabel,
        'text-background-opacity': 1,
      },
    },
    // Changed since the chosen moment: a glow (drawn under the item, so it hides nothing).
    {
      selector: 'node.changed-since',
      style: {
        'underlay-color': DEFAULTS.changed,
        'underlay-padding': 9,
        'underlay-opacity': 0.5,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge.changed-since',
      style: { 'underlay-color': DEFAULTS.changed, 'underlay-padding': 4, 'underlay-opacity': 0.5 },
    },
    // The links of what is selected say what they are.
    { selector: 'edge.near-selection', style: { label: 'data(label)', width: 2.6, 'line-opacity': 1, 'z-index': 5 } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': DEFAULTS.selected, 'border-style': 'solid', 'z-index': 10 },
    },
    // Someone else's selection: a ring in their colour; a second person gets a halo.
    {
      selector: 'node[peerColor]',
      style: { 'outline-width': 4, 'outline-color': 'data(peerColor)', 'outline-offset': 3, 'outline-opacity': 1 },
    },
    {
      selector: 'node[peerColor2]',
      style: {
        'underlay-color': 'data(peerColor2)',
        'underlay-padding': 13,
        'underlay-opacity': 0.55,
        'underlay-shape': 'ellipse',
      },
    },
    { selector: '.filtered', style: { display: 'none' } },
    {
      selector: 'node.link-source',
      style: { 'border-width': 4, 'border-color': DEFAULTS.linking, 'border-style': 'double' },
    },
    {
      selector: 'node.link-target',
      style: { 'border-width': 5, 'border-color': DEFAULTS.linking, 'border-style': 'solid' },
    },
  );
  return sheet;
}
