/**
 * The document layout (an interface other tools read and write; see schema/README.md).
 * Only this file, ops.ts, read.ts and migrations.ts touch Yjs values in schema/.
 */
import * as Y from 'yjs';

/** Bump with a migration in migrations.ts whenever the layout or a field changes. */
export const SCHEMA_VERSION = 2;

export const ROOT = { meta: 'meta', nodes: 'nodes', edges: 'edges' } as const;

/** Named transaction origins: undo tracks only `ui`; the server knows the rest. */
export const ORIGIN = {
  ui: 'ui',
  remote: 'remote',
  import: 'import',
  migration: 'migration',
  seed: 'seed',
  /** Automatic placement of new items by a canvas: shared, but not an undoable user step. */
  layout: 'layout',
} as const;
export type Origin = (typeof ORIGIN)[keyof typeof ORIGIN];

/** Who makes a change: stamped into provenance by the operations, never typed by users. */
export interface Actor {
  id: string;
  name: string;
}

/** Provenance status: a contributor's item is a proposal until an editor confirms it. */
export type ItemStatus = 'confirmed' | 'proposed';

/** Keys every node and edge map holds besides its kind's fields. */
export const PROVENANCE_KEYS = [
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'verifiedBy',
  'verifiedAt',
  'status',
] as const;
export const NODE_RESERVED_KEYS = ['kind', 'label', 'note', 'x', 'y', 'consentBy', ...PROVENANCE_KEYS] as const;
export const EDGE_RESERVED_KEYS = ['kind', 'from', 'to', ...PROVENANCE_KEYS] as const;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.meta);
}
export function nodesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.nodes);
}
export function edgesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ROOT.edges);
}

/** Node ids: what `newNodeId` makes, or anything of this shape from another tool. */
export const NODE_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** A random node id (URL-safe, 21 characters of 6 random bits each: 126 bits). */
export function newNodeId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const bytes = crypto.getRandomValues(new Uint8Array(21));
  let id = '';
  for (const b of bytes) id += alphabet[b & 63];
  return id;
}
