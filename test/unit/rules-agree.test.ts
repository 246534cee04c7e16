/**
 * The client and the server ask the same rules (schema/rules.ts), so they must agree: over
 * random documents and random actions by all four roles, what the client's actions allow
 * is exactly what the server's guard accepts in the update that action produces. Where the
 * client refuses, the test makes the update anyway (as a tampered client would, with the
 * unchecked actions) and the guard must refuse it too.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type MapActions, NotAllowed, guardActions, rawActions } from '../../client/src/sync/actions.js';
import { GraphStore } from '../../client/src/sync/graph-store.js';
import { roleRules } from '../../client/src/sync/role-rules.js';
import {
  NODE_KINDS,
  type NodeKind,
  type OpContext,
  type Principal,
  ROLES,
  createNode,
  edgeKindsBetween,
  link,
  newItemStatus,
  readGraph,
  setNoteText,
} from '../../schema/index.js';
import { checkUpdate } from '../../server/guard.js';
import { REQUIRED_FIELDS } from '../support/fixtures.js';
import { Rng } from '../support/random.js';

const SEEDS = Number(process.env.FUZZ_SEED ?? NaN);
const seeds = Number.isNaN(SEEDS) ? Array.from({ length: 40 }, (_, i) => i + 1) : [SEEDS];
const STEPS = 40;

/** The people of the map: contributors `me` and `other` each have proposals of their own. */
const PEOPLE: Principal[] = [
  { role: 'owner', id: 'own' },
  { role: 'editor', id: 'ed' },
  { role: 'contributor', id: 'me' },
  { role: 'contributor', id: 'other' },
  { role: 'viewer', id: 'view' },
];

const ctxOf = (p: Principal): OpContext => ({
  actor: { id: p.id, name: p.id },
  origin: 'ui',
  status: newItemStatus(p),
});

/** A random starting map: items and links by every writing role, proposals among them. */
function startingMap(rng: Rng): Y.Doc {
  const doc = new Y.Doc();
  const ids: { id: string; kind: NodeKind }[] = [];
  for (let i = 0; i < 12; i++) {
    const by = rng.pick(PEOPLE.filter((p) => p.role !== 'viewer'));
    const kind = rng.pick(NODE_KINDS);
    const id = createNode(doc, { kind, label: `${kind} ${i}`, fields: REQUIRED_FIELDS[kind] }, ctxOf(by));
    ids.push({ id, kind });
    if (rng.chance(0.3)) setNoteText(doc, id, `Notitie ${i}`, ctxOf(by));
  }
  for (let i = 0; i < 14; i++) {
    const a = rng.pick(ids);
    const b = rng.pick(ids);
    const kinds = a.id === b.id ? [] : edgeKindsBetween(a.kind, b.kind);
    if (!kinds.length) continue;
    try {
      link(doc, { kind: rng.pick(kinds), from: a.id, to: b.id }, ctxOf(rng.pick(PEOPLE.slice(0, 4))));
    } catch {
      // a duplicate: fine
    }
  }
  return doc;
}

interface Step {
  what: string;
  /** Runs the action; returns the result's ok and whether the client refused it for the role. */
  run(actions: MapActions, device: Y.Doc, ctx: OpContext): { refusedForRole: boolean; invalid: boolean };
  /** For actions the client narrows instead of refusing (moves): whether all of it was allowed. */
  narrowed?: boolean;
  /** The update is also that of another action the actor may do (rejecting one's own proposal deletes it). */
  sameAsAllowed?: boolean;
}

/** A random action with arguments drawn from the map as it is. */
function randomStep(rng: Rng, server: Y.Doc, mayChange: (item: { provenance: unknown }) => boolean): Step | null {
  const g = readGraph(server);
  const nodes = [...g.nodes.values()];
  const edges = [...g.edges.values()];
  const outcome = (r: { ok: boolean; error?: unknown }) => ({
    refusedForRole: !r.ok && r.error instanceof NotAllowed,
    invalid: !r.ok && !(r.error instanceof NotAllowed),
  });
  const node = nodes.length ? rng.pick(nodes) : undefined;
  const edge = edges.length ? rng.pick(edges) : undefined;
  const proposals = [...nodes, ...edges].filter((x) => x.provenance.status === 'proposed');
  const kind = rng.pick(NODE_KINDS);
  switch (rng.int(13)) {
    case 0:
      return {
        what: `createNode ${kind}`,
        run: (a) => outcome(a.createNode({ kind, label: `Nieuw ${rng.int(1000)}`, fields: REQUIRED_FIELDS[kind] })),
      };
    case 1: {
      if (!node) return null;
      const kinds = edgeKindsBetween(kind, node.kind);
      if (!kinds.length) return null;
      const ek = rng.pick(kinds);
      return {
        what: `createLinkedNode ${kind} ${ek} ${node.id}`,
        run: (a) =>
          outcome(
            a.createLinkedNode(
              { kind, label: `Gekoppeld ${rng.int(1000)}`, fields: REQUIRED_FIELDS[kind] },
              { kind: ek, other: node.id, direction: 'from' },
            ),
          ),
      };
    }
    case 2:
      return node
        ? {
            what: `updateNode ${node.id}`,
            run: (a) => outcome(a.updateNode(node.id, { label: `Andere naam ${rng.int(1e6)}` })),
          }
        : null;
    case 3:
      return node ? { what: `verifyNode ${node.id}`, run: (a) => outcome(a.verifyNode(node.id)) } : null;
    case 4:
      return node ? { what: `deleteNode ${node.id}`, run: (a) => outcome(a.deleteNode(node.id)) } : null;
    case 5: {
      if (nodes.length < 2) return null;
      const from = rng.pick(nodes);
      const to = rng.pick(nodes.filter((n) => n.id !== from.id));
      const kinds = edgeKindsBetween(from.kind, to.kind);
      if (!kinds.length) return null;
      const ek = rng.pick(kinds);
      return {
        what: `link ${ek} ${from.id} ${to.id}`,
        run: (a) => outcome(a.link({ kind: ek, from: from.id, to: to.id })),
      };
    }
    case 6:
      return edge ? { what: `unlink ${edge.id}`, run: (a) => outcome(a.unlink(edge.id)) } : null;
    case 7:
    case 8: {
      if (!proposals.length) return null;
      const p = rng.pick(proposals);
      const target = 'from' in p ? { edge: p.id } : { node: p.id };
      const confirm = rng.chance(0.5);
      return {
        what: `${confirm ? 'confirm' : 'reject'} ${p.id}`,
        sameAsAllowed: !confirm && mayChange(p),
        run: (a) => outcome(confirm ? a.confirmProposal(target) : a.rejectProposal(target)),
      };
    }
    case 9: {
      const months = 1 + rng.int(60);
      return { what: `setFreshnessMonths ${months}`, run: (a) => outcome(a.setFreshnessMonths(months)) };
    }
    case 10: {
      if (!node) return null;
      const text = `Notitie ${rng.int(1000)}`;
      // The note editor is editable only where the rules allow (NoteEditor asks mayChange).
      return {
        what: `note ${node.id}`,
        run: (_a, device, ctx) => {
          if (!mayChange(node)) return { refusedForRole: true, invalid: false };
          setNoteText(device, node.id, text, ctx);
          return { refusedForRole: false, invalid: false };
        },
      };
    }
    default: {
      const moved = nodes.filter(() => rng.chance(0.4)).slice(0, 4);
      if (!moved.length) return null;
      const positions = Object.fromEntries(moved.map((n) => [n.id, { x: rng.int(900), y: rng.int(900) }]));
      return {
        what: `moveNodes ${moved.map((n) => n.id).join(',')}`,
        narrowed: moved.every((n) => mayChange(n)),
        run: (a) => outcome(a.moveNodes(positions)),
      };
    }
  }
}

/** The update `fn` makes on a copy of `server`, as the device would send it (null if it changed nothing). */
function updateFrom(server: Y.Doc, fn: (device: Y.Doc) => void): Uint8Array | null {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  const sent: Uint8Array[] = [];
  device.on('update', (u: Uint8Array) => sent.push(u));
  fn(device);
  return sent.length ? Y.mergeUpdates(sent) : null;
}

/** Runs one seed: random actions against a random map, each answer checked; counts per role. */
function runSeed(seed: number, count: Map<string, { allowed: number; refused: number }>): void {
  const rng = new Rng(seed);
  const server = startingMap(rng);
  for (let i = 0; i < STEPS; i++) {
    const actor = rng.pick(PEOPLE);
    const rules = roleRules(actor);
    const step = randomStep(rng, server, (item) => rules.mayChange(item as never));
    if (!step) continue;
    const ctx = ctxOf(actor);
    // The client, with its rules: what it sends (nothing, if it refused).
    let client = { refusedForRole: false, invalid: false };
    const sent = updateFrom(server, (device) => {
      client = step.run(guardActions(rawActions(device, ctx), rules, new GraphStore(device)), device, ctx);
    });
    if (client.invalid) continue; // refused for its input, by the operation itself
    const where = `seed ${seed} step ${i}: ${actor.role} ${actor.id} ${step.what}`;
    const c = count.get(actor.role)!;
    if (!client.refusedForRole && step.narrowed !== false) {
      if (!sent) continue;
      const verdict = checkUpdate(server, sent, actor);
      expect(verdict.ok ? 'accepted' : `refused: ${verdict.reason}`, where).toBe('accepted');
      Y.applyUpdate(server, sent);
      c.allowed++;
      continue;
    }
    // Refused (or narrowed) by the client: the same action, unchecked, as a tampered client sends it.
    const tampered = updateFrom(server, (device) => step.run(rawActions(device, ctx), device, ctx));
    if (!tampered || step.sameAsAllowed) continue;
    expect(checkUpdate(server, tampered, actor).ok, `${where} (tampered)`).toBe(false);
    c.refused++;
  }
}

describe('the client and the server ask the same rules', () => {
  it(`agree on every action of every role (${seeds.length} seeds × ${STEPS} actions; FUZZ_SEED=n replays one)`, () => {
    const count = new Map(ROLES.map((r) => [r as string, { allowed: 0, refused: 0 }]));
    for (const seed of seeds) runSeed(seed, count);
    // The generator reaches both sides of the rules for every role.
    if (seeds.length > 1) {
      for (const [role, c] of count) {
        // Owners may do everything; the others meet what they may not.
        if (role !== 'owner') expect(c.refused, `${role}: actions refused`).toBeGreaterThan(0);
        if (role !== 'viewer') expect(c.allowed, `${role}: actions allowed`).toBeGreaterThan(0);
      }
    }
  }, 60_000);
});
