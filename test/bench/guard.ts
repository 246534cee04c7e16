/**
 * The server's write rules (server/guard.ts) check every non-owner update before it is
 * applied. Their cost on a large update — a 5,000-item import in one transaction, ~55,000
 * Yjs items — against applying that update, which the relay must do anyway.
 */
import * as Y from 'yjs';
import { checkUpdate } from '../../server/guard.js';
import { fillRandomMap } from './generate.js';
import { type Row, median, time } from './util.js';

export function guardBench(): Row[] {
  const rows: Row[] = [];
  for (const [role, status] of [
    ['editor', 'confirmed'],
    ['contributor', 'proposed'],
  ] as const) {
    const client = new Y.Doc();
    fillRandomMap(client, 5000, false, 7, 'Import', { id: 'inv', name: 'Importer', status });
    const update = Y.encodeStateAsUpdate(client);
    const check = median(
      Array.from({ length: 5 }, () =>
        time(() => {
          const server = new Y.Doc();
          const verdict = checkUpdate(server, update, { role, id: 'inv' });
          if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`);
        }),
      ),
    );
    const apply = median(Array.from({ length: 5 }, () => time(() => Y.applyUpdate(new Y.Doc(), update))));
    rows.push({
      what: `${role}: check a 5,000-item import (one update), ms (median of 5)`,
      ours: check,
      baseline: apply,
    });
  }
  return rows;
}
