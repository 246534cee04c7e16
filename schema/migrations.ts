/**
 * Migrations bring a document written by an older client up to SCHEMA_VERSION, in one
 * transaction with origin `migration`. Each is idempotent, so two devices migrating the
 * same document concurrently converge on the same result.
 */
import * as Y from 'yjs';
import { ORIGIN, SCHEMA_VERSION, metaMap, nodesMap } from './doc.js';
import { NODE_KIND_DEFS } from './kinds.js';

export interface Migration {
  /** Runs on a document at version `from` and leaves it at `from + 1`. */
  from: number;
  describe: string;
  run(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // Version 0: a document with no `schemaVersion` (a stock Yjs client or a tool that
    // wrote `nodes`/`edges` by hand). The layout is the same; we only record the version.
    from: 0,
    describe: 'record schemaVersion 1',
    run(doc) {
      metaMap(doc).set('schemaVersion', 1);
    },
  },
  {
    // Version 2: contact details of persons moved to the map's protected document (see
    // protected.ts). The server copies them there first (server/rooms.ts), then this step
    // removes them from the map document.
    from: 1,
    describe: 'remove contact details of persons from the map document',
    run(doc) {
      const keys = Object.entries(NODE_KIND_DEFS.person.fields)
        .filter(([, def]) => def.protected)
        .map(([key]) => key);
      for (const node of nodesMap(doc).values()) {
        if (!(node instanceof Y.Map) || node.get('kind') !== 'person') continue;
        for (const key of keys) if (node.has(key)) node.delete(key);
      }
    },
  },
];

export type MigrationResult =
  { status: 'current' | 'migrated'; from: number; to: number } | { status: 'newer'; from: number; to: number };

/** The document's version (0 when it has none). */
export function docSchemaVersion(doc: Y.Doc): number {
  const v = metaMap(doc).get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Runs every migration the document needs. A document from a newer client is left
 * alone (`newer`): readers still show what they can, and operations refuse to write.
 */
export function migrate(
  doc: Y.Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  target = SCHEMA_VERSION,
): MigrationResult {
  const from = docSchemaVersion(doc);
  if (from > target) return { status: 'newer', from, to: from };
  if (from === target) return { status: 'current', from, to: target };
  // Every step must exist before anything is written: Yjs transactions don't roll back.
  const steps: Migration[] = [];
  for (let v = from; v < target; v++) {
    const m = migrations.find((x) => x.from === v);
    if (!m) throw new Error(`no migration from schema version ${v}`);
    steps.push(m);
  }
  doc.transact(() => {
    for (const [i, m] of steps.entries()) {
      const v = from + i;
      m.run(doc);
      metaMap(doc).set('schemaVersion', v + 1);
    }
  }, ORIGIN.migration);
  return { status: 'migrated', from, to: target };
}

/** Initialises a new, empty map document. */
export function initDoc(doc: Y.Doc, name: string): void {
  doc.transact(() => {
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
    metaMap(doc).set('name', name);
  }, ORIGIN.seed);
}
