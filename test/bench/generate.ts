/** A seeded random map for benchmarks: the same maps in every run and every suite. */
import type * as Y from 'yjs';
import { type NodeKind, type OpContext, createNode, edgeKindsBetween, link } from '../../schema/index.js';
import { Rng } from '../support/random.js';

export const LINKS_PER_ITEM = 1.5;

const KINDS: [NodeKind, Record<string, unknown>][] = [
  ['person', { role: 'professional', function: 'Buurtwerker' }],
  ['organisation', { orgType: 'team_social' }],
  ['initiative', { stage: 'running' }],
  ['place', { address: 'Voorbeeldstraat 1' }],
  ['theme', {}],
  ['person', { role: 'volunteer' }],
];

/**
 * Adds `items` nodes (spread over a square that grows with the map, or unplaced) and
 * `items × 1.5` links between random pairs of fitting kinds, in one transaction.
 */
export function fillRandomMap(
  doc: Y.Doc,
  items: number,
  positioned: boolean,
  seed: number,
  prefix: string,
  as: { id: string; name: string; status?: 'confirmed' | 'proposed' } = { id: 'bench', name: 'Bench' },
): string[] {
  const rng = new Rng(seed);
  const ctx: OpContext = {
    actor: { id: as.id, name: as.name },
    origin: 'import',
    ...(as.status ? { status: as.status } : {}),
  };
  const side = Math.sqrt(items) * 110;
  const ids: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < items; i++) {
      const [kind, fields] = KINDS[i % KINDS.length]!;
      const position = positioned ? { x: rng.int(side), y: rng.int(side) } : undefined;
      ids.push(createNode(doc, { kind, label: `${prefix} ${i}`, fields, ...(position ? { position } : {}) }, ctx));
    }
    let made = 0;
    while (made < items * LINKS_PER_ITEM) {
      const a = rng.int(items);
      const b = rng.int(items);
      const kind = edgeKindsBetween(KINDS[a % KINDS.length]![0], KINDS[b % KINDS.length]![0])[0];
      if (!kind || a === b) continue;
      try {
        link(doc, { kind, from: ids[a]!, to: ids[b]! }, ctx);
        made++;
      } catch {
        // duplicate: pick another pair
      }
    }
  }, 'import');
  return ids;
}
