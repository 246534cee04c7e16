/**
 * A reconnection storm: 200 stock y-websocket clients on one map have each made edits
 * the server acknowledged (relayed to a watcher, so stored); the server process is killed
 * with SIGKILL; every client edits once more while it is down; the server is restarted on
 * the same data and port, and all 200 providers reconnect at once by themselves (their
 * backoff is capped at 300 ms). Everyone must converge on one state holding every edit:
 * the acknowledged ones from storage, the offline ones resent by their authors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode } from '../../schema/index.js';
import { type TestClient, connectClient, synced, waitFor } from '../support/clients.js';
import { type ServerProcess, prepareDataDir, spawnServer, tempDataDir } from '../support/server.js';

const CLIENTS = 200;
const EDITS_BEFORE = 2;

describe('reconnection storm', () => {
  const clients: TestClient[] = [];
  let proc: ServerProcess | undefined;
  // Each stock provider listens for the process's exit (to say goodbye to the others).
  const maxListeners = process.getMaxListeners();
  beforeEach(() => void process.setMaxListeners(CLIENTS + 20));
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await proc?.stop();
    process.setMaxListeners(maxListeners);
  });

  it(`${CLIENTS} clients reconnect at once after kill -9 and converge on every edit`, async () => {
    const dataDir = tempDataDir();
    const [watcherToken, editorToken] = prepareDataDir(dataDir, [
      { mapId: 'wijk', role: 'viewer', name: 'Kijker' },
      { mapId: 'wijk', role: 'editor', name: 'Team' },
    ]);
    proc = await spawnServer(dataDir);
    const port = proc.port;
    const watcher = connectClient(proc.wsUrl, 'wijk', watcherToken!);
    clients.push(watcher);
    const team: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) team.push(connectClient(proc.wsUrl, 'wijk', editorToken!));
    clients.push(...team);
    await Promise.all([watcher, ...team].map((c) => synced(c, 30_000)));

    const nodeCount = (c: TestClient) => c.doc.getMap('nodes').size;
    const acknowledged: string[] = [];
    for (const [i, c] of team.entries()) {
      for (let e = 0; e < EDITS_BEFORE; e++) {
        acknowledged.push(
          createNode(c.doc, { kind: 'theme', label: `C${i} e${e}` }, { actor: { id: `c${i}`, name: `C${i}` } }),
        );
      }
    }
    // Relayed to the watcher means stored: the server relays nothing it has not committed.
    await waitFor(() => nodeCount(watcher) === acknowledged.length, 'every edit acknowledged', 30_000);

    await proc.kill9();
    const offline = team.map((c, i) =>
      createNode(c.doc, { kind: 'theme', label: `C${i} offline` }, { actor: { id: `c${i}`, name: `C${i}` } }),
    );
    const reconnected = new Set<TestClient>();
    for (const c of team) {
      c.provider.on('sync', (isSynced: boolean) => {
        if (isSynced) reconnected.add(c);
      });
    }

    proc = await spawnServer(dataDir, {}, port);
    await waitFor(() => reconnected.size === CLIENTS, `all ${CLIENTS} clients to reconnect`, 30_000);

    const total = acknowledged.length + offline.length;
    expect(proc.output()).not.toMatch(/ERROR/);
    await waitFor(
      () => [watcher, ...team].every((c) => nodeCount(c) === total),
      `all ${CLIENTS + 1} clients to hold all ${total} edits`,
      30_000,
    );
    // One state everywhere: the same state vector and the same items, and the server agrees.
    const checker = connectClient(proc.wsUrl, 'wijk', watcherToken!);
    clients.push(checker);
    await synced(checker);
    await waitFor(() => nodeCount(checker) === total, 'the stored map to hold every edit');
    const ids = (c: TestClient) => [...c.doc.getMap('nodes').keys()].sort();
    const sv = (c: TestClient) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64');
    const expected = [...acknowledged, ...offline].sort();
    expect(ids(checker)).toEqual(expected);
    for (const c of [watcher, ...team]) {
      expect(ids(c)).toEqual(expected);
      expect(sv(c)).toBe(sv(checker));
    }
  });
});
