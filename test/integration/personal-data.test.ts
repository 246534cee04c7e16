/**
 * Personal data, proven on the bytes: a viewer's device never receives contact details;
 * exports follow the same rule; after "forget this person" the name, phone and e-mail
 * occur nowhere in the database files, connected devices drop the person at once, and a
 * device that was offline cannot bring the person back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import {
  CLOSE,
  type OpContext,
  contactsMap,
  createNode,
  edgesMap,
  nodesMap,
  noteOf,
  protectedRoom,
  readContact,
  readGraph,
  updateNode,
} from '../../schema/index.js';
import { hashToken } from '../../server/auth.js';
import { createDemoMap } from '../../server/demo.js';
import { type TestClient, connectClient, openRaw, sleep, synced, waitFor } from '../support/clients.js';
import { type TestServer, startTestServer } from '../support/server.js';

const MAP = 'wijk';
const PERSON = { name: 'Fatima Benhaddou', phone: '06-0000 0001', email: 'f.benhaddou@buurtteams.example.org' };
/** Every person's contact details in the demo map (organisations' are public). */
const PERSON_CONTACTS = ['06-0000 0001', 'f.benhaddou@', '06-0000 0002', 'j.vanleersum@', '06-0000 0013'];

describe('personal data', () => {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of sockets.splice(0)) s.terminate();
    await server?.close();
    server = undefined;
  });

  async function demoServer(): Promise<TestServer> {
    server = await startTestServer();
    createDemoMap(server.app.storage, MAP);
    return server;
  }

  function client(room: string, token: string): TestClient {
    const c = connectClient(server!.wsUrl, room, token);
    clients.push(c);
    return c;
  }

  /** Everything a raw socket receives within `ms` of connecting (it asks for the whole doc). */
  async function receivedBytes(room: string, token: string, ms = 500): Promise<Buffer> {
    const ws = await openRaw(`${server!.wsUrl}/${room}?token=${token}`);
    sockets.push(ws);
    const got: Buffer[] = [];
    ws.on('message', (d: Buffer) => got.push(Buffer.from(d)));
    // Sync step 1 with an empty state vector: "send me everything".
    ws.send(Buffer.from([0, 0, 1, 0]));
    await sleep(ms);
    return Buffer.concat(got);
  }

  function databaseBytes(): Buffer {
    const dir = server!.cfg.dataDir;
    return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
  }

  const personId = (doc: Y.Doc) => [...readGraph(doc).nodes.values()].find((n) => n.label === PERSON.name)?.id;

  it('never sends contact details to a viewer or contributor; editors get them from the protected document', async () => {
    await demoServer();
    for (const role of ['viewer', 'contributor'] as const) {
      const token = server!.invite(MAP, role);
      const bytes = await receivedBytes(MAP, token);
      expect(bytes.length).toBeGreaterThan(10_000); // the whole map arrived...
      expect(bytes.includes(Buffer.from(PERSON.name))).toBe(true);
      for (const c of PERSON_CONTACTS) expect(bytes.includes(Buffer.from(c)), `${role} got ${c}`).toBe(false);
      // ... and the protected document is refused before any byte of it is sent.
      await expect(openRaw(`${server!.wsUrl}/${protectedRoom(MAP)}?token=${token}`)).rejects.toThrow('HTTP 403');
    }
    const editorToken = server!.invite(MAP, 'editor');
    const main = await receivedBytes(MAP, editorToken);
    for (const c of PERSON_CONTACTS) expect(main.includes(Buffer.from(c))).toBe(false);
    const editor = client(MAP, editorToken);
    const contacts = client(protectedRoom(MAP), editorToken);
    await Promise.all([synced(editor), synced(contacts)]);
    const id = personId(editor.doc)!;
    expect(readContact(contacts.doc, id, 'person')).toEqual({ phone: PERSON.phone, email: PERSON.email });
    // A person's contact details written into the map document are refused for every role.
    const owner = client(MAP, server!.invite(MAP, 'owner'));
    await synced(owner);
    const closes: number[] = [];
    owner.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    nodesMap(owner.doc).get(id)!.set('phone', '06-0000 9999');
    await waitFor(() => closes.includes(CLOSE.rejected), 'the refusal');
    expect(databaseBytes().includes(Buffer.from('06-0000 9999'))).toBe(false);
  });

  it('exports contact details only to roles allowed to see them', async () => {
    await demoServer();
    const get = async (role: 'viewer' | 'editor') => {
      const res = await fetch(`${server!.app.url}/api/export?map=${MAP}`, {
        headers: { Authorization: `Bearer ${server!.invite(MAP, role)}` },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    const viewer = await get('viewer');
    expect(viewer).toContain(PERSON.name);
    for (const c of PERSON_CONTACTS) expect(viewer).not.toContain(c);
    const editor = await get('editor');
    expect(editor).toContain(PERSON.phone);
    expect(editor).toContain(PERSON.email);
  });

  it('forgets a person: gone from every device at once and from every database file', async () => {
    await demoServer();
    const editorToken = server!.invite(MAP, 'editor', 'Esther');
    const a = client(MAP, editorToken);
    const aContacts = client(protectedRoom(MAP), editorToken);
    const b = client(MAP, server!.invite(MAP, 'viewer'));
    await Promise.all([synced(a), synced(aContacts), synced(b)]);
    const id = personId(a.doc)!;
    const linked = [...edgesMap(a.doc).values()].filter((e) => e.get('from') === id || e.get('to') === id).length;
    expect(linked).toBeGreaterThan(0);
    // Another item's note mentions her: the mention stays, her name in it does not.
    const ctx: OpContext = { actor: { id: 'x', name: 'Esther' } };
    const other = createNode(a.doc, { kind: 'theme', label: 'Schuldhulp' }, ctx);
    a.doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      const m = new Y.XmlElement('mention');
      m.setAttribute('id', id);
      m.setAttribute('label', PERSON.name);
      p.insert(0, [new Y.XmlText('Vraag '), m]);
      noteOf(a.doc, other)!.insert(0, [p]);
    });
    await waitFor(() => noteOf(b.doc, other)?.toString().includes(PERSON.name) === true, 'the mention');
    expect(databaseBytes().includes(Buffer.from(PERSON.name))).toBe(true); // the test can see her

    const res = await fetch(`${server!.app.url}/api/erase?map=${MAP}&node=${id}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editorToken}` },
    });
    expect(res.status).toBe(200);

    // Connected devices drop her at once: item, links, contact details, name in mentions.
    await waitFor(() => !nodesMap(b.doc).has(id) && !contactsMap(aContacts.doc).has(id), 'the erasure to arrive');
    for (const doc of [a.doc, b.doc]) {
      expect([...edgesMap(doc).values()].some((e) => e.get('from') === id || e.get('to') === id)).toBe(false);
      expect(noteOf(doc, other)!.toString()).not.toContain(PERSON.name);
      expect(Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(PERSON.name))).toBe(false);
    }
    // Nowhere in the database files (database, write-ahead log, shared memory)...
    const check = () => {
      const bytes = databaseBytes();
      for (const s of [PERSON.name, PERSON.phone, PERSON.email]) {
        expect(bytes.includes(Buffer.from(s)), `${s} in the database files`).toBe(false);
      }
    };
    check();
    // ... and the activity feed says only that a person was erased, and by whom.
    const feed = (await (
      await fetch(`${server!.app.url}/api/activity?map=${MAP}`, { headers: { Authorization: `Bearer ${editorToken}` } })
    ).json()) as { entries: { change: string; actor: { name: string } }[] };
    expect(feed.entries[0]).toMatchObject({ change: 'erased', actor: { name: 'Esther' } });
    expect(JSON.stringify(feed)).not.toContain(PERSON.name);
    await server!.close();
    check();
  });

  it('does not let a device that was offline bring an erased person back', async () => {
    await demoServer();
    const editorToken = server!.invite(MAP, 'editor', 'Esther');
    const a = client(MAP, editorToken);
    const offline = client(MAP, server!.invite(MAP, 'editor', 'Joost'));
    const quiet = client(MAP, server!.invite(MAP, 'editor', 'Kim'));
    await Promise.all([synced(a), synced(offline), synced(quiet)]);
    const id = personId(a.doc)!;
    const closes: number[] = [];
    offline.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    offline.provider.disconnect();
    quiet.provider.disconnect();
    // While offline, one device edits her (and something else); the other only holds her.
    const ctx: OpContext = { actor: { id: 'j', name: 'Joost' } };
    updateNode(offline.doc, id, { fields: { function: 'Buurtwerker Zuid' } }, ctx);
    const res = await fetch(`${server!.app.url}/api/erase?map=${MAP}&node=${id}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editorToken}` },
    });
    expect(res.status).toBe(200);

    // The quiet device reconnects: it resends what it holds, the server has her deleted,
    // and the device ends without her.
    quiet.provider.connect();
    await waitFor(() => !nodesMap(quiet.doc).has(id), 'the quiet device to drop her');
    // The device that edited her: its edit hangs under an item that no longer exists, so
    // it integrates as garbage (no content is kept); the device ends without her too.
    offline.provider.connect();
    await waitFor(() => !nodesMap(offline.doc).has(id), 'the offline device to drop her');
    await sleep(200);
    const fresh = client(MAP, editorToken);
    await synced(fresh);
    for (const doc of [a.doc, quiet.doc, offline.doc, fresh.doc]) expect(personId(doc)).toBeUndefined();
    expect(Buffer.from(Y.encodeStateAsUpdate(offline.doc)).includes(Buffer.from(PERSON.name))).toBe(false);
    expect(closes).not.toContain(CLOSE.rejected);
    const bytes = databaseBytes();
    for (const s of [PERSON.name, PERSON.phone, PERSON.email, 'Buurtwerker Zuid']) {
      expect(bytes.includes(Buffer.from(s)), s).toBe(false);
    }
  });

  it('refuses bringing an erased item back under its id, and links to it', async () => {
    await demoServer();
    const token = server!.invite(MAP, 'owner', 'Olga');
    const owner = client(MAP, token);
    await synced(owner);
    const id = personId(owner.doc)!;
    const undo = new Y.UndoManager(nodesMap(owner.doc), { trackedOrigins: new Set(['ui']) });
    const closes: number[] = [];
    owner.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    // Erase through the API, then try to re-create the id (what a stale undo would do).
    const copy = nodesMap(owner.doc).get(id)!.toJSON();
    const res = await fetch(`${server!.app.url}/api/erase?map=${MAP}&node=${id}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    await waitFor(() => !nodesMap(owner.doc).has(id), 'the erasure');
    owner.doc.transact(() => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(copy)) if (typeof v !== 'object' || Array.isArray(v)) m.set(k, v);
      nodesMap(owner.doc).set(id, m);
    }, 'ui');
    await waitFor(() => closes.includes(CLOSE.rejected), 'the refusal');
    undo.destroy();
    const fresh = client(MAP, token);
    await synced(fresh);
    expect(personId(fresh.doc)).toBeUndefined();
    expect(databaseBytes().includes(Buffer.from(PERSON.name))).toBe(false);
    // Only persons are erased; other roles may not erase.
    const viewer = server!.invite(MAP, 'viewer');
    const themeId = [...readGraph(fresh.doc).nodes.values()].find((n) => n.kind === 'theme')!.id;
    const post = (tok: string, node: string) =>
      fetch(`${server!.app.url}/api/erase?map=${MAP}&node=${node}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tok}` },
      }).then((r) => r.status);
    expect(await post(token, themeId)).toBe(400);
    expect(await post(token, 'nope')).toBe(404);
    expect(await post(viewer, themeId)).toBe(403);
    expect(hashToken(token)).toBeTruthy();
  });

  it('moves contact details of a map written before version 2 into the protected document', async () => {
    server = await startTestServer();
    const storage = server.app.storage;
    // A version 1 map, as an older server stored it: phone and e-mail in the map document.
    const old = new Y.Doc();
    old.getMap('meta').set('schemaVersion', 1);
    const person = new Y.Map<unknown>();
    old.transact(() => {
      nodesMap(old).set('p1', person);
      person.set('kind', 'person');
      person.set('label', 'Noor Oud');
      person.set('role', 'professional');
      person.set('phone', '06-0000 0777');
      person.set('email', 'noor@example.org');
      const org = new Y.Map<unknown>();
      nodesMap(old).set('o1', org);
      org.set('kind', 'organisation');
      org.set('label', 'Buurthuis');
      org.set('orgType', 'other');
      org.set('phone', '030-0000 0778');
    });
    storage.createMap({ id: 'oud', name: 'Oud', createdAt: Date.now() });
    storage.appendUpdate('oud', Y.encodeStateAsUpdate(old), null);
    const token = server.invite('oud', 'editor');
    const main = connectClient(server.wsUrl, 'oud', token);
    const contacts = connectClient(server.wsUrl, protectedRoom('oud'), token);
    clients.push(main, contacts);
    await Promise.all([synced(main), synced(contacts)]);
    await waitFor(() => contactsMap(contacts.doc).has('p1'), 'the moved contact details');
    expect(readContact(contacts.doc, 'p1', 'person')).toEqual({ phone: '06-0000 0777', email: 'noor@example.org' });
    expect(nodesMap(main.doc).get('p1')!.has('phone')).toBe(false);
    expect(nodesMap(main.doc).get('o1')!.get('phone')).toBe('030-0000 0778'); // organisations keep theirs
    const mainRows = Buffer.concat(storage.loadUpdates('oud').map((r) => Buffer.from(r.data)));
    expect(mainRows.includes(Buffer.from('06-0000 0777'))).toBe(false);
    expect(mainRows.includes(Buffer.from('noor@example.org'))).toBe(false);
    const viewerBytes = await receivedBytes('oud', server.invite('oud', 'viewer'));
    expect(viewerBytes.includes(Buffer.from('Noor Oud'))).toBe(true);
    expect(viewerBytes.includes(Buffer.from('06-0000 0777'))).toBe(false);
  });
});
