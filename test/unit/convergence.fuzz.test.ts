/**
 * House rule 6: every operation joins a seeded convergence fuzz test. Five docs apply
 * random operations of every kind, exchange updates in random order, go offline and
 * come back (resyncing by state vector, as y-websocket does); at the end all docs are
 * byte-identical and every invariant holds.
 *
 * Replay one seed: FUZZ_SEED=1234 npx vitest run test/unit/convergence.fuzz.test.ts
 * A failing seed becomes a named case in REGRESSION_SEEDS below.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EDGE_KINDS,
  EDGE_KIND_DEFS,
  type EdgeKind,
  NODE_KINDS,
  type NodeKind,
  OpError,
  type OpContext,
  createNode,
  deleteNode,
  edgeKindsBetween,
  edgeKey,
  link,
  moveNodes,
  readGraph,
  setMapName,
  setNoteText,
  unlink,
  updateEdge,
  updateNode,
  verifyNode,
} from '../../schema/index.js';
import { REQUIRED_FIELDS } from '../support/fixtures.js';
import { Rng } from '../support/random.js';

const DOCS = 5;
const STEPS = 250;

const REQUIRED = REQUIRED_FIELDS;

const OPTIONAL: Record<NodeKind, [string, () => unknown][]> = {
  person: [
    ['function', () => 'Buurtwerker'],
    ['languages', () => ['Nederlands', 'Arabisch']],
    ['role', () => 'volunteer'],
  ],
  organisation: [
    ['website', () => 'https://example.org/'],
    ['orgType', () => 'school'],
  ],
  initiative: [
    ['stage', () => 'running'],
    ['budgetRequest', () => 1500],
    ['schedule', () => 'dinsdag 10-12'],
  ],
  place: [
    ['rooms', () => ['Grote zaal']],
    ['openingHours', () => 'ma-vr 9-17'],
  ],
  area: [['population', () => 4200]],
  theme: [['themeType', () => 'problem']],
};

interface Peer {
  doc: Y.Doc;
  online: boolean;
  /** Updates on their way to this peer, delivered in random order. */
  inbox: Uint8Array[];
  ctx: OpContext;
}

function runSeed(seed: number): void {
  const rng = new Rng(seed);
  let clock = 1_700_000_000_000;
  const peers: Peer[] = Array.from({ length: DOCS }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1 + seed * 10; // distinct and reproducible
    return { doc, online: true, inbox: [], ctx: { actor: { id: `p${i}`, name: `Persoon ${i}` }, now: () => clock } };
  });
  for (const p of peers) {
    p.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'net' || !p.online) return;
      for (const q of peers) if (q !== p && q.online) q.inbox.push(u);
    });
  }
  const resync = (a: Peer, b: Peer) => {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), 'net');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), 'net');
  };
  const counts: Record<string, number> = {};

  const operate = (p: Peer) => {
    const g = readGraph(p.doc);
    const nodes = [...g.nodes.values()];
    const edges = [...g.edges.values()];
    const op = rng.pick([
      'create',
      'create',
      'update',
      'verify',
      'delete',
      'link',
      'link',
      'unlink',
      'updateEdge',
      'move',
      'note',
      'rename',
    ]);
    try {
      switch (op) {
        case 'create': {
          const kind = rng.pick(NODE_KINDS);
          createNode(p.doc, { kind, label: `${kind} ${rng.int(1000)}`, fields: REQUIRED[kind] }, p.ctx);
          break;
        }
        case 'update': {
          if (!nodes.length) return;
          const n = rng.pick(nodes);
          const [key, value] = rng.pick(OPTIONAL[n.kind]);
          const patch = rng.chance(0.2) && !(key in REQUIRED[n.kind]) ? { [key]: undefined } : { [key]: value() };
          updateNode(p.doc, n.id, rng.chance(0.3) ? { label: `hernoemd ${rng.int(100)}` } : { fields: patch }, p.ctx);
          break;
        }
        case 'verify':
          if (nodes.length) verifyNode(p.doc, rng.pick(nodes).id, p.ctx);
          break;
        case 'delete':
          if (nodes.length && rng.chance(0.5)) deleteNode(p.doc, rng.pick(nodes).id, p.ctx);
          break;
        case 'link': {
          if (nodes.length < 2) return;
          const a = rng.pick(nodes);
          const b = rng.pick(nodes);
          const kinds = edgeKindsBetween(a.kind, b.kind);
          if (a.id === b.id || !kinds.length) return;
          const kind: EdgeKind = rng.pick(kinds);
          const fields = kind === 'knows' ? { strength: 'weak', canIntroduce: rng.chance(0.5) } : {};
          link(p.doc, { kind, from: a.id, to: b.id, fields }, p.ctx);
          break;
        }
        case 'unlink':
          if (edges.length) unlink(p.doc, rng.pick(edges).id, p.ctx);
          break;
        case 'updateEdge': {
          const e = edges.find((x) => x.kind === 'knows' || x.kind === 'signals');
          if (!e) return;
          updateEdge(p.doc, e.id, e.kind === 'knows' ? { strength: 'strong' } : { count: rng.int(50) }, p.ctx);
          break;
        }
        case 'move': {
          const moved = Object.fromEntries(
            nodes.slice(0, 3).map((n) => [n.id, { x: rng.int(2000) - 1000, y: rng.int(2000) - 1000 }]),
          );
          if (Object.keys(moved).length) moveNodes(p.doc, moved, p.ctx);
          break;
        }
        case 'note':
          if (nodes.length) setNoteText(p.doc, rng.pick(nodes).id, `Notitie ${rng.int(100)}\nTweede regel`, p.ctx);
          break;
        case 'rename':
          setMapName(p.doc, `Kaart ${rng.int(10)}`, p.ctx);
          break;
      }
      counts[op] = (counts[op] ?? 0) + 1;
    } catch (err) {
      // Refusals (duplicate link, etc.) are part of the game; anything else is a bug.
      if (!(err instanceof OpError)) throw err;
    }
  };

  for (let step = 0; step < STEPS; step++) {
    clock += 1000;
    const p = rng.pick(peers);
    const r = rng.next();
    if (r < 0.6) operate(p);
    else if (r < 0.85) {
      // Deliver some queued updates in random order.
      for (let k = rng.int(4); k > 0 && p.inbox.length; k--) {
        const [u] = p.inbox.splice(rng.int(p.inbox.length), 1);
        Y.applyUpdate(p.doc, u!, 'net');
      }
    } else if (p.online && r < 0.93) {
      // Disconnect: whatever was on its way is lost; the resync on reconnect repairs it.
      p.online = false;
      p.inbox = [];
    } else if (!p.online) {
      p.online = true;
      for (const q of peers) if (q !== p && q.online) resync(p, q);
    }
    if (step % 25 === 0) for (const q of peers) checkInvariants(q.doc, seed);
  }

  // Everyone comes back: deliver everything left (random order), then one resync round.
  for (const p of peers) p.online = true;
  for (const p of peers) {
    while (p.inbox.length) Y.applyUpdate(p.doc, p.inbox.splice(rng.int(p.inbox.length), 1)[0]!, 'net');
  }
  for (const a of peers) for (const b of peers) if (a !== b) resync(a, b);

  // Docs that hold the same items may still split them differently (each keeps the
  // splits of its own history), so the raw encodings can differ by a few bytes. The
  // canonical form — the state loaded into a fresh doc and encoded again — must be equal.
  const reference = canonical(peers[0]!.doc);
  for (const p of peers) {
    expect(p.doc.store.pendingStructs, `seed ${seed}: pending structs`).toBeNull();
    expect(p.doc.store.pendingDs, `seed ${seed}: pending deletes`).toBeNull();
    expect(Buffer.from(canonical(p.doc)).equals(Buffer.from(reference)), `seed ${seed}: docs differ`).toBe(true);
    checkInvariants(p.doc, seed);
  }
  const graphs = peers.map((p) => JSON.stringify(summary(p.doc)));
  expect(new Set(graphs).size, `seed ${seed}: graphs differ`).toBe(1);
  // The run exercised every kind of operation at least once.
  expect(Object.keys(counts).length, `seed ${seed}: ops used ${Object.keys(counts).join(',')}`).toBeGreaterThanOrEqual(
    9,
  );
}

function canonical(doc: Y.Doc): Uint8Array {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  return Y.encodeStateAsUpdate(fresh);
}

function summary(doc: Y.Doc) {
  const g = readGraph(doc);
  return {
    name: g.name,
    nodes: [...g.nodes.values()].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...g.edges.values()].sort((a, b) => a.id.localeCompare(b.id)),
    notes: [...doc.getMap<Y.Map<unknown>>('nodes').entries()].map(([id, m]) => [id, String(m.get('note'))]).sort(),
  };
}

function checkInvariants(doc: Y.Doc, seed: number): void {
  const g = readGraph(doc);
  const where = `seed ${seed}`;
  // With updates still pending (delivered out of order), Yjs has applied their delete
  // sets but not yet their inserts, so a replaced label can be briefly absent: the reader
  // hides and reports such an item. Once nothing is pending, the only thing to hide is a
  // link whose endpoint was deleted concurrently: operations never write anything invalid.
  const settled = doc.store.pendingStructs === null && doc.store.pendingDs === null;
  const allowed = settled ? ['danglingEdge'] : ['danglingEdge', 'badLabel', 'missingField'];
  for (const p of g.problems) expect(allowed, `${where}: ${JSON.stringify(p)}`).toContain(p.code);
  const keys = new Set<string>();
  for (const e of g.edges.values()) {
    expect(g.nodes.has(e.from) && g.nodes.has(e.to), `${where}: edge ${e.id} endpoints`).toBe(true);
    const def = EDGE_KIND_DEFS[e.kind];
    const fk = g.nodes.get(e.from)!.kind;
    const tk = g.nodes.get(e.to)!.kind;
    expect(
      (def.from.includes(fk) && def.to.includes(tk)) ||
        (!!def.symmetric && def.from.includes(tk) && def.to.includes(fk)),
      `${where}: edge ${e.id} kinds`,
    ).toBe(true);
    expect(keys.has(edgeKey(e)), `${where}: duplicate link ${e.id}`).toBe(false);
    keys.add(edgeKey(e));
    expect(e.id).toBe(edgeKey(e));
  }
  for (const n of g.nodes.values()) {
    expect(n.provenance.createdBy, `${where}: node ${n.id} provenance`).toBeDefined();
    const note = doc.getMap<Y.Map<unknown>>('nodes').get(n.id)!.get('note');
    expect(note instanceof Y.XmlFragment, `${where}: node ${n.id} note`).toBe(true);
  }
  expect(EDGE_KINDS.length).toBe(13);
}

/** Seeds that once failed stay here by name, so they can never fail again unnoticed. */
const REGRESSION_SEEDS: Record<string, number> = {};

const replay = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : null;
const seeds = replay ?? Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);

describe('convergence fuzz', () => {
  for (const seed of seeds) it(`seed ${seed}`, () => runSeed(seed));
  for (const [name, seed] of Object.entries(REGRESSION_SEEDS))
    it(`regression: ${name} (seed ${seed})`, () => runSeed(seed));
});
