/**
 * Holes the write check had, tried as a third-party client would: hand-built updates over
 * a raw socket with an editor's token. Each test failed before the check judged entries
 * as they are after the update and held what the doc cannot apply yet apart from it.
 * - a kind change in one update: an organisation turned into a person with a phone;
 * - the same in two steps, in either order of kind and phone;
 * - out of order: the second half of a change sent before the first, which Yjs used to
 *   apply later, unchecked (a person with a phone; an erased person brought back).
 * And what must keep working: an honest update that depends on one the server has not
 * received yet (from the same device, or from another one) is applied once it can be.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE, type OpContext, createNode, nodesMap, readGraph } from '../../schema/index.js';
import { updateMessage } from '../../server/room.js';
import { type TestClient, connectClient, openRaw, sleep, synced, waitFor } from '../support/clients.js';
import { type Person, join } from '../support/people.js';
import { type TestServer, startTestServer } from '../support/server.js';

const MAP = 'wijk';
const PHONE = '0000 424242';

describe('the write check judges exactly what the doc applies', () => {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.terminate();
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
    server = undefined;
  });

  async function setup() {
    server = await startTestServer();
    const editor = await join(server, clients, MAP, 'editor', 'Esther (buurtteam)');
    const viewer = await join(server, clients, MAP, 'viewer', 'Gemeente');
    const org = createNode(
      editor.doc,
      { kind: 'organisation', label: 'Stichting Voorbeeld', fields: { orgType: 'social_broker_org' } },
      editor.ctx,
    );
    await waitFor(() => nodesMap(viewer.doc).has(org), 'the organisation at the viewer');
    return { editor, viewer, org };
  }

  /** A raw socket with a token of `role`, and the close code it ends with. */
  async function raw(role: 'editor' | 'contributor', name = 'Derde partij') {
    const ws = await openRaw(`${server!.wsUrl}/${MAP}?token=${server!.invite(MAP, role, name)}`);
    sockets.push(ws);
    ws.on('error', () => {});
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    return { ws, closed, send: (u: Uint8Array) => ws.send(updateMessage(u)) };
  }

  /** A device holding the server's state (through a synced client), to hand-build updates on. */
  function device(from: Person): Y.Doc {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(from.doc));
    return d;
  }

  /** What the change `fn` makes on `d`, as one update. */
  function change(d: Y.Doc, fn: () => void): Uint8Array {
    const sv = Y.encodeStateVector(d);
    d.transact(fn);
    return Y.encodeStateAsUpdate(d, sv);
  }

  function stored(): Buffer {
    return Buffer.concat(server!.app.storage.loadUpdates(MAP).map((r) => Buffer.from(r.data)));
  }

  /** Nothing with the phone number is stored, relayed to the viewer, or held as a person's field. */
  async function phoneNowhere(viewer: Person) {
    await sleep(300);
    expect(stored().includes(Buffer.from(PHONE))).toBe(false);
    expect(Buffer.from(Y.encodeStateAsUpdate(viewer.doc)).includes(Buffer.from(PHONE))).toBe(false);
    for (const n of readGraph(viewer.doc).nodes.values()) expect(n.fields.phone).toBeUndefined();
  }

  it('refuses an update that turns an organisation into a person with a phone', async () => {
    const { editor, viewer, org } = await setup();
    const { send, closed } = await raw('editor');
    const d = device(editor);
    send(
      change(d, () => {
        const n = nodesMap(d).get(org)!;
        n.set('kind', 'person');
        n.set('role', 'professional');
        n.set('phone', PHONE);
      }),
    );
    expect(await closed).toBe(CLOSE.rejected);
    await phoneNowhere(viewer);
    expect(nodesMap(viewer.doc).get(org)!.get('kind')).toBe('organisation');
  });

  it('refuses turning an organisation that has a public phone into a person', async () => {
    const { editor, viewer, org } = await setup();
    const first = await raw('editor');
    const d = device(editor);
    first.send(change(d, () => nodesMap(d).get(org)!.set('phone', PHONE))); // an organisation's number: fine
    await waitFor(() => nodesMap(viewer.doc).get(org)?.get('phone') === PHONE, 'the public number');
    first.send(change(d, () => nodesMap(d).get(org)!.set('kind', 'person')));
    expect(await first.closed).toBe(CLOSE.rejected);
    await sleep(300);
    expect(nodesMap(viewer.doc).get(org)!.get('kind')).toBe('organisation');
  });

  it('refuses a phone and a person kind in two steps, in either order', async () => {
    const { editor, viewer } = await setup();
    // A phone first, in an item without a kind: it could become a person later.
    const a = await raw('editor');
    const d1 = device(editor);
    a.send(
      change(d1, () =>
        nodesMap(d1).set(
          'x1',
          new Y.Map<unknown>([
            ['label', 'Mira'],
            ['phone', PHONE],
          ]),
        ),
      ),
    );
    expect(await a.closed).toBe(CLOSE.rejected);
    // The kind first, then the phone.
    const b = await raw('editor');
    const d2 = device(editor);
    b.send(
      change(d2, () =>
        nodesMap(d2).set(
          'x2',
          new Y.Map<unknown>([
            ['label', 'Mira'],
            ['kind', 'person'],
          ]),
        ),
      ),
    );
    await waitFor(() => nodesMap(viewer.doc).has('x2'), 'the item without a phone');
    b.send(change(d2, () => nodesMap(d2).get('x2')!.set('phone', PHONE)));
    expect(await b.closed).toBe(CLOSE.rejected);
    await phoneNowhere(viewer);
  });

  it('checks the second half of a change sent before the first when it becomes applicable', async () => {
    const { editor, viewer } = await setup();
    const { send, closed } = await raw('editor');
    const d = device(editor);
    const first = change(d, () =>
      nodesMap(d).set(
        'mira',
        new Y.Map<unknown>([
          ['kind', 'person'],
          ['label', 'Mira'],
          ['role', 'professional'],
        ]),
      ),
    );
    const second = change(d, () => nodesMap(d).get('mira')!.set('phone', PHONE));
    send(second); // waits for `first`
    await sleep(200);
    send(first);
    expect(await closed).toBe(CLOSE.rejected);
    await phoneNowhere(viewer);
    expect(nodesMap(viewer.doc).has('mira')).toBe(false);
  });

  it('does not let an erased person come back behind a change the server lacks', async () => {
    const { editor, viewer } = await setup();
    const theme = createNode(editor.doc, { kind: 'theme', label: 'Eenzaamheid' }, editor.ctx);
    const mira = createNode(
      editor.doc,
      { kind: 'person', label: 'Mira', fields: { role: 'professional' } },
      editor.ctx,
    );
    await waitFor(() => nodesMap(viewer.doc).has(mira) && nodesMap(viewer.doc).has(theme), 'the items');
    // A device that was offline: it holds Mira, and changes things while she is erased.
    const offline = device(editor);
    const res = await fetch(`${server!.app.url}/api/erase?map=${MAP}&node=${mira}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editor.token}` },
    });
    expect(res.status).toBe(200);
    await waitFor(() => !nodesMap(viewer.doc).has(mira), 'the erasure');
    const filler = change(offline, () => nodesMap(offline).get(theme)!.set('label', 'Eenzaamheid bij ouderen'));
    const back = change(offline, () =>
      nodesMap(offline).set(
        mira,
        new Y.Map<unknown>([
          ['kind', 'person'],
          ['label', 'Mira terug'],
          ['role', 'professional'],
        ]),
      ),
    );
    const { send, closed } = await raw('editor');
    send(back); // waits for the filler
    await sleep(200);
    send(filler);
    expect(await closed).toBe(CLOSE.rejected);
    await sleep(300);
    expect(nodesMap(viewer.doc).has(mira)).toBe(false);
    expect(stored().includes(Buffer.from('Mira terug'))).toBe(false);
  });

  it('applies an honest change that arrives before the one it depends on, for every role that writes', async () => {
    const { editor, viewer } = await setup();
    for (const role of ['editor', 'contributor'] as const) {
      const { send, closed } = await raw(role, `Tweede tabblad (${role})`);
      const invite = [...server!.app.storage.listInvites(MAP)].find((i) => i.name === `Tweede tabblad (${role})`)!;
      const ctx: OpContext = {
        actor: { id: invite.id, name: invite.name },
        status: role === 'editor' ? 'confirmed' : 'proposed',
      };
      const d = device(editor);
      const sv0 = Y.encodeStateVector(d);
      const id = createNode(d, { kind: 'theme', label: `Schulden (${role})` }, ctx);
      const made = Y.encodeStateAsUpdate(d, sv0);
      const renamed = change(d, () => nodesMap(d).get(id)!.set('label', `Schulden en post (${role})`));
      send(renamed); // the rename, before the item it renames
      await sleep(200);
      expect(nodesMap(viewer.doc).has(id)).toBe(false);
      send(made);
      await waitFor(() => nodesMap(viewer.doc).get(id)?.get('label') === `Schulden en post (${role})`, 'both halves');
      let code: number | undefined;
      void closed.then((c) => (code = c));
      await sleep(100);
      expect(code).toBeUndefined();
    }
  });

  it('applies a change held for one device once another device sends what it depends on', async () => {
    const { editor, viewer } = await setup();
    const tabA = await raw('editor', 'Tab A');
    const tabB = await raw('editor', 'Tab B');
    // Two tabs that shared a change locally before either reached the server.
    const a = device(editor);
    const made = change(a, () =>
      nodesMap(a).set(
        'thema',
        new Y.Map<unknown>([
          ['kind', 'theme'],
          ['label', 'Opvoeden'],
        ]),
      ),
    );
    const b = device(editor);
    Y.applyUpdate(b, made);
    const renamed = change(b, () => nodesMap(b).get('thema')!.set('label', 'Opvoeden van pubers'));
    tabB.send(renamed); // depends on tab A's change
    await sleep(200);
    expect(nodesMap(viewer.doc).has('thema')).toBe(false);
    tabA.send(made);
    await waitFor(
      () => nodesMap(viewer.doc).get('thema')?.get('label') === 'Opvoeden van pubers',
      'both tabs’ changes',
    );
    const fresh = connectClient(server!.wsUrl, MAP, server!.invite(MAP, 'viewer', 'Nieuw'));
    clients.push(fresh);
    await synced(fresh);
    expect(nodesMap(fresh.doc).get('thema')?.get('label')).toBe('Opvoeden van pubers');
  });
});
