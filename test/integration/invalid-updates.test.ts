/**
 * Invalid Yjs updates behind a well-formed y-websocket frame, written byte by byte: the
 * server never crashes, and the people editing beside the sender never notice.
 * - Undecodable structs (an unknown content or type reference): the sender is closed (4400),
 *   nothing is stored or relayed.
 * - Decodable updates that break the map's layout (a node that is no Y.Map, an item whose
 *   parent is no type, list content in the `nodes` map, absurd lengths): valid Yjs, so they
 *   are stored and relayed like any update; readers report what they cannot read, and
 *   everyone still holds the same document.
 * - Updates whose dependencies never arrive (an unknown origin, a clock far ahead, deletions
 *   of unknown items): the room holds them apart for their sender, out of the doc, so
 *   nothing of them is stored, relayed, or served to a newcomer (Yjs itself would add its
 *   pending structs to every state it encodes), and they are checked if they ever become
 *   applicable.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE, createNode, readGraph } from '../../schema/index.js';
import { type TestClient, connectClient, openRaw, sleep, synced, waitFor } from '../support/clients.js';
import { type TestServer, startTestServer } from '../support/server.js';

const A = { actor: { id: 'a', name: 'A' } };
const B = { actor: { id: 'b', name: 'B' } };

// Update format v1, as Yjs's UpdateEncoderV1 writes it.
const CONTENT = { deleted: 1, string: 4, type: 7, any: 8 } as const;
const HAS_ORIGIN = 0x80;
const HAS_PARENT_SUB = 0x20;
type Write = (enc: encoding.Encoder) => void;

/** One item: its info byte, then where it sits (an origin, or a parent and key), then its content. */
function item(
  content: number,
  at: { origin: [number, number] } | { root: string; key?: string } | { parentId: [number, number] },
  body: Write,
): Write {
  return (enc) => {
    if ('origin' in at) {
      encoding.writeUint8(enc, content | HAS_ORIGIN);
      encoding.writeVarUint(enc, at.origin[0]);
      encoding.writeVarUint(enc, at.origin[1]);
    } else if ('root' in at) {
      encoding.writeUint8(enc, content | (at.key === undefined ? 0 : HAS_PARENT_SUB));
      encoding.writeVarUint(enc, 1); // the parent is a root type, named
      encoding.writeVarString(enc, at.root);
      if (at.key !== undefined) encoding.writeVarString(enc, at.key);
    } else {
      encoding.writeUint8(enc, content);
      encoding.writeVarUint(enc, 0); // the parent is an item, by id
      encoding.writeVarUint(enc, at.parentId[0]);
      encoding.writeVarUint(enc, at.parentId[1]);
    }
    body(enc);
  };
}

/** A whole update: one client's structs from `clock` on, then a delete set. */
function update(client: number, clock: number, structs: Write[], deletes: [number, number, number][] = []): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, structs.length ? 1 : 0);
  if (structs.length) {
    encoding.writeVarUint(enc, structs.length);
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, clock);
    for (const s of structs) s(enc);
  }
  encoding.writeVarUint(enc, deletes.length);
  for (const [c, from, len] of deletes) {
    encoding.writeVarUint(enc, c);
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint(enc, from);
    encoding.writeVarUint(enc, len);
  }
  return encoding.toUint8Array(enc);
}

/** [sync, update, payload]: a y-websocket frame around an update. */
function updateFrame(payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, 2);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

const str =
  (s: string): Write =>
  (enc) =>
    encoding.writeVarString(enc, s);
const HOSTILE = 900_000; // the hand-written updates' client ids

const UNDECODABLE: Record<string, Uint8Array> = {
  'an unknown content reference': update(HOSTILE, 0, [item(31, { root: 'nodes', key: 'x' }, str('?'))]),
  'an unknown type reference': update(HOSTILE, 0, [
    item(CONTENT.type, { root: 'nodes', key: 'x' }, (enc) => encoding.writeVarUint(enc, 99)),
  ]),
  'a struct cut off in its content': update(HOSTILE, 0, [
    item(CONTENT.any, { root: 'nodes', key: 'x' }, (enc) => encoding.writeVarUint(enc, 5)),
  ]),
};

const LAYOUT_BREAKING: Record<string, Uint8Array> = {
  // Clock 0: nodes['p'] = 'plain' (a node that is no Y.Map); clock 1: an item whose parent is that string.
  'a node that is no Y.Map, and an item whose parent is no type': update(HOSTILE + 1, 0, [
    item(CONTENT.any, { root: 'nodes', key: 'p' }, (enc) => {
      encoding.writeVarUint(enc, 1);
      encoding.writeAny(enc, 'plain');
    }),
    item(CONTENT.string, { parentId: [HOSTILE + 1, 0] }, str('kind')),
  ]),
  'list content in the nodes map': update(HOSTILE + 2, 0, [item(CONTENT.string, { root: 'nodes' }, str('rommel'))]),
  'a deleted run of 2^40 clocks': update(HOSTILE + 3, 0, [
    item(CONTENT.deleted, { root: 'edges', key: 'k' }, (enc) => encoding.writeVarUint(enc, 2 ** 40)),
  ]),
  'a garbage-collected run of 2^52 clocks': update(HOSTILE + 4, 0, [
    (enc) => {
      encoding.writeUint8(enc, 0); // GC
      encoding.writeVarUint(enc, 2 ** 52);
    },
  ]),
};

const NEVER_READY: Record<string, Uint8Array> = {
  'an item whose origin never existed': update(HOSTILE + 5, 0, [
    item(CONTENT.string, { origin: [HOSTILE + 99, 5] }, str('wees')),
  ]),
  'an item far ahead of its client’s clock': update(HOSTILE + 6, 2 ** 40, [
    item(CONTENT.string, { root: 'nodes', key: 'sprong' }, str('wees')),
  ]),
  'deletions of items nobody has': update(HOSTILE, 0, [], [[HOSTILE + 7, 0, 10]]),
};

describe('invalid updates', () => {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.terminate();
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
    server = undefined;
  });

  /** Two people editing the map, watched for being cut off. */
  async function twoEditors() {
    server = await startTestServer();
    const a = connectClient(server.wsUrl, 'wijk', server.invite('wijk', 'editor', 'A'));
    const b = connectClient(server.wsUrl, 'wijk', server.invite('wijk', 'editor', 'B'));
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const drops = { n: 0 };
    for (const c of [a, b]) {
      c.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') drops.n++;
      });
    }
    createNode(a.doc, { kind: 'theme', label: 'Vooraf' }, A);
    await waitFor(() => b.doc.getMap('nodes').size === 1, 'a first edit');
    return { a, b, drops };
  }

  /** Sends one frame from a socket of its own; resolves with its close code, or undefined if it stays open. */
  async function send(payload: Uint8Array): Promise<number | undefined> {
    const ws = await openRaw(`${server!.wsUrl}/wijk?token=${server!.invite('wijk', 'editor', 'Kwaadwillend')}`);
    sockets.push(ws);
    ws.on('error', () => {});
    let code: number | undefined;
    ws.on('close', (c) => (code = c));
    ws.send(updateFrame(payload));
    // Messages are handled in order: once the answer to a query arrives, the update was handled.
    await new Promise<void>((resolve) => {
      ws.on('message', (m: Buffer) => m[0] === 1 && resolve());
      ws.on('close', () => resolve());
      ws.send(Uint8Array.of(3));
    });
    await sleep(20);
    return code;
  }

  /** Both people still edit together, were never cut off, and hold what a newcomer gets. */
  async function stillTogether(a: TestClient, b: TestClient, drops: { n: number }): Promise<TestClient> {
    const fromA = createNode(a.doc, { kind: 'theme', label: 'Na A' }, A);
    const fromB = createNode(b.doc, { kind: 'theme', label: 'Na B' }, B);
    await waitFor(() => readGraph(a.doc).nodes.has(fromB) && readGraph(b.doc).nodes.has(fromA), 'edits both ways');
    expect(drops.n).toBe(0);
    for (const s of sockets.splice(0)) s.terminate();
    await waitFor(() => server!.app.rooms.connections() === 2, 'only the two people to remain');
    const res = await fetch(`http://127.0.0.1:${server!.app.port}/health`);
    expect(await res.json()).toMatchObject({ status: 'ok', connections: 2 });
    const newcomer = connectClient(server!.wsUrl, 'wijk', server!.invite('wijk', 'viewer'));
    clients.push(newcomer);
    await synced(newcomer);
    const nodes = (c: TestClient) =>
      JSON.stringify(Object.entries(c.doc.getMap('nodes').toJSON()).sort(([x], [y]) => (x < y ? -1 : 1)));
    expect(nodes(a)).toBe(nodes(newcomer));
    expect(nodes(b)).toBe(nodes(newcomer));
    return newcomer;
  }

  const storedLog = () => server!.app.storage.loadUpdates('wijk').length;

  it('closes the sender of an undecodable update (4400), stores and relays nothing', async () => {
    const { a, b, drops } = await twoEditors();
    const bUpdates = { n: 0 };
    b.doc.on('update', () => bUpdates.n++);
    const logBefore = storedLog();
    for (const [what, u] of Object.entries(UNDECODABLE)) {
      expect(() => Y.decodeUpdate(u), what).toThrow();
      expect(await send(u), what).toBe(CLOSE.malformed);
    }
    expect(storedLog()).toBe(logBefore);
    expect(bUpdates.n).toBe(0);
    await stillTogether(a, b, drops);
  });

  it('stores and relays valid Yjs that breaks the map layout; readers report it and stay in step', async () => {
    const { a, b, drops } = await twoEditors();
    const logBefore = storedLog();
    for (const [what, u] of Object.entries(LAYOUT_BREAKING)) {
      expect(await send(u), what).toBeUndefined(); // valid Yjs: the sender stays connected
    }
    expect(storedLog()).toBe(logBefore + Object.keys(LAYOUT_BREAKING).length);
    await waitFor(() => b.doc.getMap('nodes').has('p'), 'the broken node to arrive');
    const newcomer = await stillTogether(a, b, drops);
    for (const c of [a, b, newcomer]) {
      const g = readGraph(c.doc);
      expect(g.nodes.size).toBe(3); // Vooraf, Na A, Na B
      expect(g.problems.map((p) => p.where)).toEqual(['nodes/p']);
      expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(newcomer.doc));
    }
  });

  it('keeps updates whose dependencies never arrive to itself: not stored, not relayed', async () => {
    const { a, b, drops } = await twoEditors();
    const bUpdates = { n: 0 };
    b.doc.on('update', () => bUpdates.n++);
    const logBefore = storedLog();
    for (const [what, u] of Object.entries(NEVER_READY)) {
      expect(await send(u), what).toBeUndefined();
    }
    expect(storedLog()).toBe(logBefore);
    const stored = Buffer.concat(server!.app.storage.loadUpdates('wijk').map((u) => Buffer.from(u.data)));
    expect(stored.includes(Buffer.from('wees'))).toBe(false);
    expect(bUpdates.n).toBe(0);
    const newcomer = await stillTogether(a, b, drops);
    expect(readGraph(b.doc).problems).toEqual([]);
    // What the server serves holds nothing of them, not even as pending structs.
    expect(newcomer.doc.store.pendingStructs).toBeNull();
    expect(newcomer.doc.store.pendingDs).toBeNull();
  });

  it('closes a sender that piles up updates waiting for what never comes, and drops them', async () => {
    const { a, b, drops } = await twoEditors();
    const ws = await openRaw(`${server!.wsUrl}/wijk?token=${server!.invite('wijk', 'editor', 'Stapelaar')}`);
    sockets.push(ws);
    ws.on('error', () => {});
    const closed = new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    // Each waits for an item of a client nobody has: ~100 bytes each, 64 KiB at most.
    for (let i = 0; i < 2000 && ws.readyState === ws.OPEN; i++) {
      ws.send(
        updateFrame(
          update(HOSTILE + 100 + i, 0, [item(CONTENT.string, { origin: [HOSTILE + 99, 5] }, str('stapel'.repeat(10)))]),
        ),
      );
    }
    expect(await closed).toBe(CLOSE.malformed);
    const stored = Buffer.concat(server!.app.storage.loadUpdates('wijk').map((u) => Buffer.from(u.data)));
    expect(stored.includes(Buffer.from('stapel'))).toBe(false);
    // They were held for the sender alone: the two people were never cut off.
    await Promise.all([synced(a), synced(b)]);
    drops.n = 0;
    await stillTogether(a, b, drops);
  });
});
