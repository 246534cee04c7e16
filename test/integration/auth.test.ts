/** Auth before the upgrade: refusals send no byte of any map; viewers never write. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, readGraph } from '../../schema/index.js';
import { hashToken } from '../../server/auth.js';
import { type TestClient, connectClient, openRaw, rawConnect, sleep, synced, waitFor } from '../support/clients.js';
import { type TestServer, startTestServer } from '../support/server.js';

const A = { actor: { id: 'a', name: 'Anna' } };

describe('auth', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
  });
  const url = (mapId: string, token?: string) =>
    `${server.wsUrl}/${mapId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

  it('refuses a missing, forged, revoked or foreign token with 401/403 and sends nothing', async () => {
    server = await startTestServer();
    const good = server.invite('wijk', 'owner');
    const other = server.invite('andere', 'owner');
    const revoked = server.invite('wijk', 'editor');
    const inv = server.app.storage.findInviteByTokenHash(hashToken(revoked))!;
    server.app.storage.revokeInvite(inv.id, Date.now());

    const cases: [string, string | undefined, number][] = [
      ['missing', undefined, 401],
      ['empty', '', 401],
      ['forged', 'x'.repeat(43), 401],
      ['revoked', revoked, 403],
      ["another map's", other, 403],
    ];
    for (const [what, token, status] of cases) {
      const r = await rawConnect(url('wijk', token));
      expect(r, what).toEqual({ status, opened: false, messages: 0 });
    }
    expect((await rawConnect(url('bestaat-niet', good))).status).toBe(403);
    expect((await rawConnect(url('Ongeldig..', good))).status).toBe(400);
    expect((await rawConnect(`ws://127.0.0.1:${server.app.port}/elders`)).status).toBe(404);
    // The good token works, and the refusals left no room loaded.
    expect(server.app.rooms.size).toBe(0);
    const ok = await rawConnect(url('wijk', good));
    expect(ok.opened).toBe(true);
    expect(ok.messages).toBeGreaterThan(0);
  });

  it('a stock client with a bad token never receives the map', async () => {
    server = await startTestServer();
    const owner = connectClient(server.wsUrl, 'wijk', server.invite('wijk', 'owner'));
    clients.push(owner);
    await synced(owner);
    createNode(owner.doc, { kind: 'theme', label: 'Geheim thema' }, A);
    const intruder = connectClient(server.wsUrl, 'wijk', 'forged-token');
    clients.push(intruder);
    await sleep(500);
    expect(intruder.provider.synced).toBe(false);
    expect(readGraph(intruder.doc).nodes.size).toBe(0);
  });

  it('closes the open connections of a revoked invite', async () => {
    server = await startTestServer({ pingIntervalMs: 100 });
    const token = server.invite('wijk', 'editor');
    const ws = await openRaw(url('wijk', token));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const inv = server.app.storage.findInviteByTokenHash(hashToken(token))!;
    server.app.storage.revokeInvite(inv.id, Date.now());
    expect(await closed).toBe(4403);
  });

  it('refuses every write of a viewer: never stored, never relayed, but it receives the map and presence', async () => {
    server = await startTestServer();
    const editor = connectClient(server.wsUrl, 'wijk', server.invite('wijk', 'editor'));
    const viewerToken = server.invite('wijk', 'viewer');
    const viewer = connectClient(server.wsUrl, 'wijk', viewerToken);
    clients.push(editor, viewer);
    await Promise.all([synced(editor), synced(viewer)]);
    const closes: number[] = [];
    viewer.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));

    createNode(editor.doc, { kind: 'theme', label: 'Schulden' }, A);
    await waitFor(() => readGraph(viewer.doc).nodes.size === 1, 'the viewer to receive the map');
    // Its presence arrives: viewers are people in the room too.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Kijker' });
    await waitFor(
      () => editor.provider.awareness.getStates().get(viewer.doc.clientID)?.user?.name === 'Kijker',
      'viewer presence',
    );

    // A forged write: the viewer's doc changes locally and its provider sends the update.
    createNode(viewer.doc, { kind: 'theme', label: 'VERVALST-door-kijker' }, A);
    await waitFor(() => closes.includes(4409), 'the refusal (4409)');
    createNode(editor.doc, { kind: 'theme', label: 'Eenzaamheid' }, A);
    await sleep(200);
    expect([...readGraph(editor.doc).nodes.values()].map((n) => n.label).sort()).toEqual(['Eenzaamheid', 'Schulden']);
    const stored = server.app.storage.loadUpdates('wijk');
    const bytes = Buffer.concat(stored.map((r) => Buffer.from(r.data)));
    expect(bytes.includes(Buffer.from('VERVALST-door-kijker'))).toBe(false);
    const fresh = new Y.Doc();
    for (const r of stored) Y.applyUpdate(fresh, r.data);
    expect(readGraph(fresh).nodes.size).toBe(2);

    // Starting again from the server's state (what our client does on 4409), the viewer
    // holds the true map and stays connected.
    viewer.destroy();
    const again = connectClient(server.wsUrl, 'wijk', viewerToken);
    clients.push(again);
    await synced(again);
    expect(readGraph(again.doc).nodes.size).toBe(2);
  });

  it('answers /api/session for a valid token and refuses others', async () => {
    server = await startTestServer();
    const token = server.invite('wijk', 'contributor', 'Sanne (stagiair)');
    const base = `http://127.0.0.1:${server.app.port}/api/session?map=wijk`;
    const ok = await fetch(base, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const info = (await ok.json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      mapId: 'wijk',
      mapName: 'Kaart wijk',
      role: 'contributor',
      actor: { name: 'Sanne (stagiair)' },
    });
    expect(info.color).toMatch(/^#[0-9a-f]{6}$/);
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(base, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(base.replace('wijk', 'ander'), { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      403,
    );
  });
});
