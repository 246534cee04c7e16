/** The server's life: first start with the demo map, clean shutdown, dead peers dropped. */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNode, readGraph } from '../../schema/index.js';
import { DEMO_LINKS, DEMO_NODES } from '../../server/demo-data.js';
import { openSqliteStorage } from '../../server/sqlite-storage.js';
import { connectClient, synced, waitFor, type TestClient } from '../support/clients.js';
import {
  type ServerProcess,
  type TestServer,
  prepareDataDir,
  spawnServer,
  startTestServer,
  tempDataDir,
} from '../support/server.js';

describe('server lifecycle', () => {
  const clients: TestClient[] = [];
  let proc: ServerProcess | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await proc?.stop();
    await server?.close();
    proc = undefined;
    server = undefined;
  });

  it('creates the demo map on first start, prints a working owner link, and the same link on the next start', async () => {
    const dataDir = tempDataDir();
    proc = await spawnServer(dataDir, { SEED_DEMO: '1' });
    await waitFor(() => proc!.output().includes('#token='), 'the invite link to be printed');
    const link = /(http:\/\/\S+\/join\/demo#token=(\S+))/.exec(proc.output());
    expect(link, proc.output()).not.toBeNull();
    const token = link![2]!;
    const res = await fetch(`http://127.0.0.1:${proc.port}/api/session?map=demo`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await res.json()).toMatchObject({ mapId: 'demo', role: 'owner', mapName: 'Kanaleneiland-Zuid' });

    const c = connectClient(proc.wsUrl, 'demo', token);
    clients.push(c);
    await synced(c);
    const g = readGraph(c.doc);
    expect(g.nodes.size).toBe(DEMO_NODES.length);
    expect(g.edges.size).toBe(DEMO_LINKS.length);
    expect(g.problems).toEqual([]);
    c.destroy();
    clients.length = 0;

    await proc.stop();
    proc = await spawnServer(dataDir, { SEED_DEMO: '1' });
    await waitFor(() => proc!.output().includes('#token='), 'the invite link to be printed');
    expect(proc.output()).toContain(`/join/demo#token=${token}`);
    const storage = openSqliteStorage(dataDir, { readonly: true });
    expect(storage.listMaps().map((m) => m.id)).toEqual(['demo']);
    storage.close();
  });

  it('shuts down cleanly on SIGTERM: exit code 0, rooms saved and compacted', async () => {
    const dataDir = tempDataDir();
    const [token] = prepareDataDir(dataDir, [{ mapId: 'wijk', role: 'editor' }]);
    proc = await spawnServer(dataDir, { ROOM_GRACE_MS: '600000' });
    const c = connectClient(proc.wsUrl, 'wijk', token!);
    clients.push(c);
    await synced(c);
    for (let i = 0; i < 10; i++)
      createNode(c.doc, { kind: 'theme', label: `Thema ${i}` }, { actor: { id: 'a', name: 'A' } });
    const storage = openSqliteStorage(dataDir, { readonly: true });
    await waitFor(() => storage.countUpdates('wijk') >= 11, 'edits stored');
    storage.close();
    const exit = new Promise<number | null>((resolve) => proc!.child.once('exit', (code) => resolve(code)));
    proc.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    const after = openSqliteStorage(dataDir, { readonly: true });
    expect(after.countUpdates('wijk')).toBe(1); // compacted on unload
    after.close();
  });

  it('drops a connection that stops answering pings', async () => {
    server = await startTestServer({ pingIntervalMs: 100 });
    const token = server.invite('wijk', 'viewer');
    // A raw TCP client that completes the WebSocket handshake and then goes silent:
    // it never answers a ping (unlike the ws library, which answers automatically).
    const socket = net.connect(server.app.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.resume(); // read (and ignore) what the server sends, so 'close' can fire
    socket.write(
      `GET /sync/wijk?token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await waitFor(() => server!.app.rooms.connections() === 1, 'the connection to be accepted');
    await closed;
    await waitFor(() => server!.app.rooms.connections() === 0, 'the server to forget the connection');
  });
});
