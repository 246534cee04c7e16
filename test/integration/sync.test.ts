/** Live sync through the real server with stock WebsocketProvider clients. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, link, readGraph, updateNode } from '../../schema/index.js';
import { type TestClient, connectClient, synced, waitFor } from '../support/clients.js';
import { type TestServer, startTestServer } from '../support/server.js';
import { startApp } from '../../server/app.js';

const A = { actor: { id: 'a', name: 'Anna' } };
const B = { actor: { id: 'b', name: 'Bram' } };

describe('sync', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const client = (mapId: string, token: string) => {
    const c = connectClient(server.wsUrl, mapId, token);
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
  });

  it('relays edits both ways between two people', async () => {
    server = await startTestServer();
    const a = client('wijk', server.invite('wijk', 'editor', 'Anna'));
    const b = client('wijk', server.invite('wijk', 'editor', 'Bram'));
    await Promise.all([synced(a), synced(b)]);
    expect(readGraph(b.doc).name).toBe('Kaart wijk');

    const person = createNode(a.doc, { kind: 'person', label: 'Fatima', fields: { role: 'professional' } }, A);
    const org = createNode(a.doc, { kind: 'organisation', label: 'Buurtteam', fields: { orgType: 'team_social' } }, A);
    link(a.doc, { kind: 'works_for', from: person, to: org }, A);
    await waitFor(() => readGraph(b.doc).edges.size === 1, 'B to see the link');
    expect(readGraph(b.doc).nodes.get(person)?.label).toBe('Fatima');

    updateNode(b.doc, person, { label: 'Fatima B.' }, B);
    await waitFor(() => readGraph(a.doc).nodes.get(person)?.label === 'Fatima B.', 'A to see the rename');
    expect(readGraph(a.doc).nodes.get(person)?.provenance.updatedBy).toEqual(B.actor);
  });

  it('keeps maps apart: an edit in one map never reaches another', async () => {
    server = await startTestServer();
    const a = client('noord', server.invite('noord', 'editor'));
    const b = client('zuid', server.invite('zuid', 'editor'));
    await Promise.all([synced(a), synced(b)]);
    createNode(a.doc, { kind: 'theme', label: 'Eenzaamheid' }, A);
    const c = client('noord', server.invite('noord', 'viewer'));
    await waitFor(() => readGraph(c.doc).nodes.size === 1, 'a second noord client to see it');
    expect(readGraph(b.doc).nodes.size).toBe(0);
  });

  it('shares presence (awareness) and removes it when a person leaves', async () => {
    server = await startTestServer();
    const a = client('wijk', server.invite('wijk', 'editor'));
    const b = client('wijk', server.invite('wijk', 'viewer'));
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Anna', color: '#d62728' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Anna', 'presence');
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'presence to go');
  });

  it('shows a returning person at once after a reconnect, not after their presence times out', async () => {
    server = await startTestServer();
    const a = client('wijk', server.invite('wijk', 'editor'));
    const b = client('wijk', server.invite('wijk', 'viewer'));
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const annaVisible = () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Anna';
    await waitFor(annaVisible, 'presence');
    for (let round = 0; round < 3; round++) {
      a.provider.disconnect();
      await waitFor(() => !annaVisible(), `presence to go (round ${round})`);
      a.provider.connect();
      // Without the server's clock translation this takes until the client's next renewal (15-30 s).
      await waitFor(annaVisible, `presence to return (round ${round})`, 3000);
    }
    // Her later changes still arrive, with translated clocks.
    a.provider.awareness.setLocalStateField('user', { name: 'Anna K.' });
    await waitFor(
      () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Anna K.',
      'a later change',
    );
  });

  it('persists: a room unloads after its last person leaves and reloads with everything', async () => {
    server = await startTestServer({ roomGraceMs: 50 });
    const token = server.invite('wijk', 'editor');
    const a = client('wijk', token);
    await synced(a);
    for (let i = 0; i < 20; i++) createNode(a.doc, { kind: 'theme', label: `Thema ${i}` }, A);
    await waitFor(() => server.app.storage.countUpdates('wijk') >= 21, 'updates stored');
    a.destroy();
    await waitFor(() => server.app.rooms.size === 0, 'room to unload');
    // Unloading compacted the log into one update.
    expect(server.app.storage.countUpdates('wijk')).toBe(1);

    const dataDir = server.cfg.dataDir;
    await server.close();
    const app = await startApp({ ...server.cfg, dataDir });
    server = { ...server, app, wsUrl: `ws://127.0.0.1:${app.port}/sync`, close: () => app.close() };
    const b = client('wijk', token);
    await synced(b);
    expect(readGraph(b.doc).nodes.size).toBe(20);
  });

  it('compacts the log while a room is busy', async () => {
    server = await startTestServer({ compactEvery: 10 });
    const a = client('wijk', server.invite('wijk', 'editor'));
    await synced(a);
    for (let i = 0; i < 35; i++) createNode(a.doc, { kind: 'theme', label: `Thema ${i}` }, A);
    const b = client('wijk', server.invite('wijk', 'viewer'));
    await waitFor(() => readGraph(b.doc).nodes.size === 35, 'all edits to arrive');
    expect(server.app.storage.countUpdates('wijk')).toBeLessThan(10);
    const stored = new Y.Doc();
    for (const r of server.app.storage.loadUpdates('wijk')) Y.applyUpdate(stored, r.data);
    expect(readGraph(stored).nodes.size).toBe(35);
  });

  it('reports health', async () => {
    server = await startTestServer();
    const a = client('wijk', server.invite('wijk', 'editor'));
    await synced(a);
    const health = (await (await fetch(`http://127.0.0.1:${server.app.port}/health`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toMatchObject({ status: 'ok', rooms: 1, connections: 1 });
  });
});
