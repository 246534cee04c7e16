/**
 * A real refusing disk: the server process's SQLite writes fail in the kernel, not in an
 * injected storage (storage-failure.test.ts covers that contract with a fake).
 *
 * How: RLIMIT_FSIZE, the largest file a process may write, set on the running server with
 * util-linux's `prlimit --pid` to the current size of the database's WAL. Every commit
 * appends to the WAL (it stays far below the 1,000-page auto-checkpoint, so it only grows),
 * so every write now fails with EFBIG — as on a full disk. Node ignores SIGXFSZ, so the
 * process lives on and SQLite reports the failed write (SQLITE_IOERR_WRITE). Raising the
 * limit again with `prlimit` is the disk that has room again, while the same process runs.
 * Why not the alternatives: chmod does not stop root (CI runs as root); a small tmpfs needs
 * mount privileges a developer may lack; an injected fake proves nothing about SQLite.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE, createNode, readGraph } from '../../schema/index.js';
import { DB_FILE, openSqliteStorage } from '../../server/sqlite-storage.js';
import { type TestClient, connectClient, synced, waitFor } from '../support/clients.js';
import { type ServerProcess, prepareDataDir, spawnServer, tempDataDir } from '../support/server.js';

const W = { actor: { id: 'w', name: 'Schrijver' } };

/** Sets the soft RLIMIT_FSIZE (bytes) of a running process; 'unlimited' lifts it. */
function setFileSizeLimit(pid: number, limit: number | 'unlimited'): void {
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${limit}:`]);
}

/** Every stored update of a map, read from the database beside the running server. */
function storedBytes(dataDir: string, mapId: string): Buffer {
  const storage = openSqliteStorage(dataDir, { readonly: true });
  try {
    return Buffer.concat(storage.loadUpdates(mapId).map((u) => Buffer.from(u.data)));
  } finally {
    storage.close();
  }
}

describe('a disk that refuses writes', () => {
  const clients: TestClient[] = [];
  let proc: ServerProcess | undefined;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await proc?.stop();
  });

  it('closes the writer with 4503, relays and stores nothing, serves the rest, and takes the edit once the disk has room', async () => {
    const dataDir = tempDataDir();
    const [writerToken, readerToken, otherToken] = prepareDataDir(dataDir, [
      { mapId: 'wijk', role: 'editor', name: 'Schrijver' },
      { mapId: 'wijk', role: 'viewer', name: 'Lezer' },
      { mapId: 'ander', role: 'editor', name: 'Elders' },
    ]);
    proc = await spawnServer(dataDir);
    const pid = proc.child.pid!;
    const connect = (mapId: string, token: string) => {
      const c = connectClient(proc!.wsUrl, mapId, token);
      clients.push(c);
      return c;
    };
    const writer = connect('wijk', writerToken!);
    const reader = connect('wijk', readerToken!);
    const other = connect('ander', otherToken!);
    await Promise.all([synced(writer), synced(reader), synced(other)]);
    const before = createNode(writer.doc, { kind: 'theme', label: 'Opgeslagen' }, W);
    await waitFor(() => readGraph(reader.doc).nodes.has(before), 'an edit while the disk works');

    const closes: number[] = [];
    writer.provider.on('connection-close', (e: CloseEvent | null) => {
      if (e) closes.push(e.code);
    });
    let otherDrops = 0;
    other.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') otherDrops++;
    });
    let relayedUnstored = false;
    reader.doc.on('update', () => {
      if ([...readGraph(reader.doc).nodes.values()].some((n) => n.label === 'Niet opgeslagen')) relayedUnstored = true;
    });

    // The disk is full: no file of the server may grow any more.
    const wal = path.join(dataDir, `${DB_FILE}-wal`);
    setFileSizeLimit(pid, fs.statSync(wal).size);
    const edit = createNode(writer.doc, { kind: 'theme', label: 'Niet opgeslagen' }, W);
    await waitFor(() => closes.includes(CLOSE.storageFailed), 'the writer to be told (4503)');
    await waitFor(
      () => /storage refused an update.*(disk I\/O error|disk is full)/.test(proc!.output()),
      'SQLite itself to refuse the write',
    );
    // The writer's provider keeps reconnecting and resending; every attempt is refused.
    await waitFor(() => closes.filter((c) => c === CLOSE.storageFailed).length >= 3, 'refused resends');

    // Nothing unstored reached anyone, and nothing of it is in the database.
    expect(relayedUnstored).toBe(false);
    expect(storedBytes(dataDir, 'wijk').includes(Buffer.from('Niet opgeslagen'))).toBe(false);
    // The server is up: health answers, the other map's connection was never touched, and
    // what is stored can still be read by a newcomer.
    const health = await fetch(`http://127.0.0.1:${proc.port}/health`);
    expect(health.status).toBe(200);
    const newcomer = connect('wijk', readerToken!);
    await synced(newcomer);
    expect(readGraph(newcomer.doc).nodes.has(before)).toBe(true);
    expect(readGraph(newcomer.doc).nodes.has(edit)).toBe(false);
    const otherReader = connect('ander', otherToken!);
    await synced(otherReader);
    expect(otherDrops).toBe(0);
    expect(other.provider.wsconnected).toBe(true);

    // The disk has room again, in the same process: the writer's next resend is stored and relayed.
    setFileSizeLimit(pid, 'unlimited');
    await waitFor(() => readGraph(reader.doc).nodes.has(edit), 'the edit after the disk recovered', 15_000);
    await waitFor(() => readGraph(newcomer.doc).nodes.has(edit), 'the newcomer to get it too');
    expect(storedBytes(dataDir, 'wijk').includes(Buffer.from('Niet opgeslagen'))).toBe(true);
    expect(proc.child.exitCode).toBeNull();
    expect(proc.child.pid).toBe(pid);
    const after = createNode(writer.doc, { kind: 'theme', label: 'Daarna' }, W);
    await waitFor(() => readGraph(reader.doc).nodes.has(after), 'edits to flow as before');
  });
});
