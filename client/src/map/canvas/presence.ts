/**
 * Other people's selections on the canvas: a ring in the colour of the first person who
 * selected an item and a halo in the colour of a second one. Node data only, so this is
 * drawn by the stylesheet and changes touch just the nodes whose watchers changed.
 */
import type { Core } from 'cytoscape';
import { batch } from './batch';

export interface Peer {
  clientId: number;
  color: string;
  selection: string[];
}

/** Node id → the colours of the people who selected it, in a stable order. */
export function peerColours(peers: readonly Peer[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of [...peers].sort((a, b) => a.clientId - b.clientId)) {
    for (const id of p.selection) {
      const list = out.get(id);
      if (!list) out.set(id, [p.color]);
      else if (!list.includes(p.color)) list.push(p.color);
    }
  }
  return out;
}

/** Applies the difference between two colour maps. */
export function applyPresence(cy: Core, before: Map<string, string[]>, after: Map<string, string[]>): void {
  batch(cy, () => {
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      const a = before.get(id);
      const b = after.get(id);
      if (a && b && a[0] === b[0] && a[1] === b[1]) continue;
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      node.removeData('peerColor peerColor2');
      if (b?.[0]) node.data('peerColor', b[0]);
      if (b?.[1]) node.data('peerColor2', b[1]);
    }
  });
}

/** Paints the given (newly added) nodes with the current watchers' colours. */
export function paintPresence(cy: Core, colours: Map<string, string[]>, ids: Iterable<string>): void {
  for (const id of ids) {
    const c = colours.get(id);
    if (!c) continue;
    const node = cy.getElementById(id);
    if (c[0]) node.data('peerColor', c[0]);
    if (c[1]) node.data('peerColor2', c[1]);
  }
}
