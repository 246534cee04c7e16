/**
 * When storage refuses a write, the server relays nothing it could not store, tells the
 * writer (close 4503), and takes the edit once storage works again (the client resends).
 * The storage here fails on purpose; a real refusing disk is issue 7's fault test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createNode, readGraph } from '../../schema/index.js';
import { startApp } from '../../server/app.js';
import { openSqliteStorage } from '../../server/sqlite-storage.js';
import type { Storage } from '../../server/storage.js';
import { type TestClient, connectClient, sleep, synced, waitFor } from '../support/clients.js';
import { ensureMap, testConfig } from '../support/server.js';
import { createInvite } from '../../server/auth.js';

describe('storage refusing writes', () => {
  const clients: TestClient[] = [];
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await close?.();
  });

  it('relays nothing unstored, closes the writer with 4503, and recovers', async () => {
    const cfg = testConfig();
    const real = openSqliteStorage(cfg.dataDir);
    let refuse = false;
    const storage: Storage = {
      ...real,
      appendUpdate(mapId, data, inviteId) {
        if (refuse) throw new Error('SQLITE_FULL: database or disk is full');
        return real.appendUpdate(mapId, data, inviteId);
      },
    };
    ensureMap(storage, 'wijk');
    const writerToken = createInvite(storage, 'wijk', 'editor', 'Schrijver').token;
    const readerToken = createInvite(storage, 'wijk', 'viewer', 'Lezer').token;
    const app = await startApp(cfg, storage);
    close = () => app.close();
    const wsUrl = `ws://127.0.0.1:${app.port}/sync`;
    const writer = connectClient(wsUrl, 'wijk', writerToken);
    const reader = connectClient(wsUrl, 'wijk', readerToken);
    clients.push(writer, reader);
    await Promise.all([synced(writer), synced(reader)]);
    const closes: number[] = [];
    writer.provider.on('connection-close', (e: CloseEvent | null) => {
      if (e) closes.push(e.code);
    });

    refuse = true;
    createNode(writer.doc, { kind: 'theme', label: 'Niet opgeslagen' }, { actor: { id: 'w', name: 'W' } });
    await waitFor(() => closes.includes(4503), 'the writer to be told (4503)');
    await sleep(300);
    expect(readGraph(reader.doc).nodes.size).toBe(0); // nothing unstored was relayed
    const stored = Buffer.concat(real.loadUpdates('wijk').map((u) => Buffer.from(u.data)));
    expect(stored.includes(Buffer.from('Niet opgeslagen'))).toBe(false);

    refuse = false; // the disk works again: the writer's provider reconnects and resends
    await waitFor(() => readGraph(reader.doc).nodes.size === 1, 'the edit after recovery', 15_000);
    const after = Buffer.concat(real.loadUpdates('wijk').map((u) => Buffer.from(u.data)));
    expect(after.includes(Buffer.from('Niet opgeslagen'))).toBe(true);
  });
});
