/**
 * A seeded convergence fuzz harness, in the spirit of Yjs's `applyRandomTests`
 * (tests/testHelper.js in yjs): a table of operations, a number of devices, random steps
 * with random sync and disconnects, and at the end everything is compared. An operation
 * joins the fuzz with one entry in the table (`FuzzOp`); a property joins it with one
 * entry in the invariants (`FuzzInvariant`).
 *
 * The network is the app's: devices talk to one server, as y-websocket clients do.
 * - Each device has an actor (role, invite id, name) and holds the map document and, if
 *   `holdsProtected(actor)`, the protected one (schema/protected.ts).
 * - What a device writes goes up to the server in order (a WebSocket is ordered). The
 *   server applies what its check (`serverChecks`, e.g. the real write check) and its
 *   rule on the outcome (`serverRefuses`) accept, and relays it to every other
 *   connected device. Relayed updates reach a device out of order, and some twice.
 * - A device may disconnect (whatever was on its way is lost) and reconnect: both sides
 *   then send what the other's state vector lacks (y-websocket's sync steps 1 and 2).
 * - An update the server refuses is not applied or relayed, and its sender starts again
 *   from the server's state, losing what it had not shared (what the client does on
 *   close code 4409).
 * - An operation marked `at: 'server'` (an endpoint such as erasure) runs on the
 *   server's documents on behalf of the device's actor.
 * At the end every device reconnects, every queue drains, and one more sync round runs;
 * then every device's documents must be byte-identical to the server's in canonical form
 * with nothing pending, and every invariant must hold. The invariants also run every
 * `checkEvery` steps on every document (`settled` is false while updates are pending).
 *
 * Each run of an operation is counted: `ok`, `refused` (it threw `OpError`; it must then
 * have written nothing) or `skipped` (it returned false: nothing to do). Any other error
 * is a bug and fails the run.
 *
 * Everything comes from the seed (ids too, through `newId`), so `FUZZ_SEED=n` replays a run.
 */
import * as Y from 'yjs';
import {
  type Graph,
  type GraphEdge,
  type GraphNode,
  type ItemStatus,
  type OpContext,
  OpError,
  type Principal,
  readGraph,
} from '../../schema/index.js';
import { Rng } from './random.js';

/** Who a device is: its invite's role and id (what schema/rules.ts asks about) and name. */
export interface FuzzActor extends Principal {
  readonly name: string;
}

export interface FuzzDocs {
  map: Y.Doc;
  /** The protected document, where this device (or the server) holds one. */
  protected: Y.Doc | undefined;
}

/** What the whole run knows, beyond the documents. */
export interface FuzzWorld {
  readonly actors: readonly FuzzActor[];
  /** Ids erased so far (by operations that call `markErased`). */
  readonly erased: ReadonlySet<string>;
}

export interface FuzzOpContext extends FuzzDocs {
  rng: Rng;
  actor: FuzzActor;
  /** For schema operations: the actor's stamp, the run's clock, the actor's status for new items. */
  op: OpContext;
  /** The run's clock (ms), one second further every step. */
  now: number;
  /** The graph as the acting device sees it when the operation starts. */
  graph: Graph;
  /** A fresh node id, drawn from the seed. */
  newId(): string;
  /** A random node (edge) the device shows, among those `filter` accepts. */
  pickNode(filter?: (n: GraphNode) => boolean): GraphNode | undefined;
  pickEdge(filter?: (e: GraphEdge) => boolean): GraphEdge | undefined;
  /** Records that an item is erased: the server's rule and the invariants look at these. */
  markErased(id: string): void;
  world: FuzzWorld;
}

export interface FuzzOp {
  name: string;
  /** Relative frequency (default 1). */
  weight?: number;
  /** Whether the interface offers this operation to the actor (default: always). */
  offered?(actor: FuzzActor): boolean;
  /** `server`: runs on the server's documents (an endpoint); default: on the device's. */
  at?: 'device' | 'server';
  /** One random instance. Returns false when there was nothing to do; throws OpError when refused. */
  run(ctx: FuzzOpContext): boolean | void;
}

export interface FuzzInvariant {
  name: string;
  /** Yields one message per violation found in one device's (or the server's) documents. */
  check(docs: InvariantView, world: FuzzWorld): Iterable<string>;
}

export interface InvariantView extends FuzzDocs {
  /** `server`, or the device's name. */
  who: string;
  /** Nothing is pending in these documents (no update waits for one it depends on). */
  settled: boolean;
  /** The end of the run: everyone has synced with the server and everything has drained. */
  final: boolean;
  /** `readGraph(map)`, read once for all invariants. */
  readonly graph: Graph;
}

export interface FuzzConfig {
  ops: readonly FuzzOp[];
  actors: readonly FuzzActor[];
  steps: number;
  invariants: readonly FuzzInvariant[];
  /** Run the invariants on every document every this many steps (default 25). */
  checkEvery?: number;
  holdsProtected(actor: FuzzActor): boolean;
  newItemStatus(actor: FuzzActor): ItemStatus;
  /** Sets up the server's documents before anyone joins (e.g. `initDoc`). */
  init?(server: Required<FuzzDocs>): void;
  /**
   * The server's check of an update before it takes it (the real guard, server/guard.ts):
   * a reason refuses the update.
   */
  serverChecks?(
    room: 'map' | 'protected',
    update: Uint8Array,
    actor: FuzzActor,
    server: Required<FuzzDocs>,
    world: FuzzWorld,
  ): string | undefined;
  /**
   * The server's rule, judged on the outcome: the server's documents as they would be
   * with the update applied. A reason refuses the update.
   */
  serverRefuses?(after: Required<FuzzDocs>, world: FuzzWorld): string | undefined;
  /** What a device shows (e.g. its graph as JSON): equal on every device and the server at the end. */
  fingerprint?(docs: FuzzDocs): string;
}

export interface OpStats {
  ok: number;
  refused: number;
  skipped: number;
}

export interface FuzzResult {
  ops: Record<string, OpStats>;
  /** Updates the server refused, by reason. */
  refusals: Record<string, number>;
}

type Room = 'map' | 'protected';
interface Message {
  room: Room;
  update: Uint8Array;
}

interface Device {
  name: string;
  actor: FuzzActor;
  docs: FuzzDocs;
  online: boolean;
  /** To the server, in order. */
  up: Message[];
  /** From the server, delivered in random order. */
  down: Message[];
  /** Updates this device's documents emitted (to see that a refused operation wrote nothing). */
  writes: number;
}

/** The origin of updates the harness applies to a device (never sent back up). */
const NET = 'net';

/** The origin of an update the server accepted from a device (already in the shadow). */
class Accepted {
  constructor(readonly from: Device) {}
}

/** A doc's state loaded into a fresh doc and encoded again: equal for equal content. */
export function canonical(doc: Y.Doc): Uint8Array {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  return Y.encodeStateAsUpdate(fresh);
}

function settled(docs: FuzzDocs): boolean {
  return [docs.map, docs.protected].every((d) => !d || (d.store.pendingStructs === null && d.store.pendingDs === null));
}

export function runFuzz(seed: number, config: FuzzConfig): FuzzResult {
  const rng = new Rng(seed);
  const checkEvery = config.checkEvery ?? 25;
  let clock = 1_700_000_000_000;
  let step = 0;
  let ids = 0;
  let clients = 0;
  const erased = new Set<string>();
  const world: FuzzWorld = { actors: config.actors, erased };
  const stats: Record<string, OpStats> = Object.fromEntries(
    config.ops.map((op) => [op.name, { ok: 0, refused: 0, skipped: 0 }]),
  );
  const refusals: Record<string, number> = {};
  const fail = (msg: string): never => {
    throw new Error(`seed ${seed}, step ${step}: ${msg} (replay: FUZZ_SEED=${seed})`);
  };

  // Distinct, reproducible client ids (a device that starts again gets new ones).
  const newDoc = () => {
    const doc = new Y.Doc();
    doc.clientID = seed * 1000 + ++clients;
    return doc;
  };
  const copyOf = (doc: Y.Doc, into = newDoc()) => {
    Y.applyUpdate(into, Y.encodeStateAsUpdate(doc), NET);
    return into;
  };

  const server = { map: newDoc(), protected: newDoc() };
  config.init?.(server);
  // The server's documents with an update applied, to judge it before the server takes it.
  const shadow = { map: copyOf(server.map), protected: copyOf(server.protected) };
  const devices: Device[] = config.actors.map((actor, i) => ({
    name: `device ${i} (${actor.role} ${actor.id})`,
    actor,
    docs: { map: newDoc(), protected: undefined },
    online: true,
    up: [],
    down: [],
    writes: 0,
  }));

  let serverWrites = 0;
  for (const room of ['map', 'protected'] as const) {
    server[room].on('update', (update: Uint8Array, origin: unknown) => {
      serverWrites++;
      const from = origin instanceof Accepted ? origin.from : undefined;
      if (!from) Y.applyUpdate(shadow[room], update, NET);
      for (const d of devices) if (d !== from && d.online && d.docs[room]) d.down.push({ room, update });
    });
  }

  const attach = (d: Device, room: Room, doc: Y.Doc) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (d.docs[room] !== doc) return; // a copy it replaced
      d.writes++;
      if (origin !== NET && d.online) d.up.push({ room, update });
    });
  };
  /** (Re)starts a device from the server's state: on joining, and after a refusal. */
  const start = (d: Device) => {
    d.docs = {
      map: copyOf(server.map),
      protected: config.holdsProtected(d.actor) ? copyOf(server.protected) : undefined,
    };
    attach(d, 'map', d.docs.map);
    if (d.docs.protected) attach(d, 'protected', d.docs.protected);
    d.online = true;
    d.up = [];
    d.down = [];
  };
  devices.forEach(start);

  /** The server takes one update from a device; false if it refused it (the device started again). */
  const receive = (d: Device, { room, update }: Message): boolean => {
    const refuse = (reason: string) => {
      refusals[reason] = (refusals[reason] ?? 0) + 1;
      start(d);
      return false;
    };
    const checked = config.serverChecks?.(room, update, d.actor, server, world);
    if (checked) return refuse(checked);
    if (config.serverRefuses) {
      Y.applyUpdate(shadow[room], update, NET);
      const reason = config.serverRefuses(shadow, world);
      if (reason) {
        shadow[room] = copyOf(server[room]);
        return refuse(reason);
      }
    }
    Y.applyUpdate(server[room], update, new Accepted(d));
    return true;
  };
  const deliver = (d: Device, k: number) => {
    for (; k > 0 && d.down.length; k--) {
      const i = rng.int(d.down.length);
      const m = d.down[i]!;
      if (!rng.chance(0.1)) d.down.splice(i, 1); // else it comes again later
      Y.applyUpdate(d.docs[m.room]!, m.update, NET);
    }
  };
  const upload = (d: Device, k: number) => {
    for (; k > 0 && d.up.length; k--) if (!receive(d, d.up.shift()!)) return;
  };
  const disconnect = (d: Device) => {
    d.online = false;
    d.up = [];
    d.down = [];
  };
  /** Sync steps 1 and 2 in both directions, for each document the device holds. */
  const sync = (d: Device) => {
    d.online = true;
    for (const room of ['map', 'protected'] as const) {
      const doc = d.docs[room];
      if (!doc) continue;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server[room], Y.encodeStateVector(doc)), NET);
      if (!receive(d, { room, update: Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server[room])) })) return;
    }
  };

  const operate = (d: Device) => {
    const offered = config.ops.filter((op) => op.offered?.(d.actor) ?? true);
    if (!offered.length) return;
    let r = rng.next() * offered.reduce((sum, op) => sum + (op.weight ?? 1), 0);
    const op = offered.find((o) => (r -= o.weight ?? 1) < 0) ?? offered[offered.length - 1]!;
    const target: FuzzDocs = op.at === 'server' ? server : d.docs;
    const graph = readGraph(d.docs.map);
    const pick = <T>(items: Iterable<T>, filter?: (x: T) => boolean): T | undefined => {
      const list = [...items].filter((x) => !filter || filter(x));
      return list.length ? rng.pick(list) : undefined;
    };
    const ctx: FuzzOpContext = {
      ...target,
      rng,
      actor: d.actor,
      op: { actor: { id: d.actor.id, name: d.actor.name }, now: () => clock, status: config.newItemStatus(d.actor) },
      now: clock,
      graph,
      // Prefix-free (the count is unique and delimited), so an id never occurs inside another.
      newId: () => `n${seed.toString(36)}-${(++ids).toString(36)}-${rng.int(1e6).toString(36)}`,
      pickNode: (filter) => pick(graph.nodes.values(), filter),
      pickEdge: (filter) => pick(graph.edges.values(), filter),
      markErased: (id) => erased.add(id),
      world,
    };
    const s = stats[op.name]!;
    const writes = () => (op.at === 'server' ? serverWrites : d.writes);
    const before = writes();
    try {
      if (op.run(ctx) === false) s.skipped++;
      else s.ok++;
    } catch (err) {
      if (!(err instanceof OpError)) {
        fail(`${op.name} by ${d.name} threw ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
      s.refused++;
      if (writes() !== before) fail(`${op.name} by ${d.name} was refused (${(err as Error).message}) but wrote`);
    }
  };
  const checkAll = (final: boolean) => {
    const all: [string, FuzzDocs][] = [['server', server], ...devices.map((d): [string, FuzzDocs] => [d.name, d.docs])];
    for (const [who, docs] of all) {
      const calm = settled(docs);
      if (final && !calm) fail(`${who}: updates still pending after the final sync`);
      let graph: Graph | undefined;
      const view: InvariantView = {
        ...docs,
        who,
        settled: calm,
        final,
        get graph() {
          return (graph ??= readGraph(docs.map));
        },
      };
      for (const inv of config.invariants) {
        for (const msg of inv.check(view, world)) fail(`${who}: ${inv.name}: ${msg}`);
      }
    }
  };

  for (step = 0; step < config.steps; step++) {
    clock += 1000;
    const d = rng.pick(devices);
    const r = rng.next();
    if (r < 0.55) operate(d);
    else if (r < 0.7) upload(d, 1 + rng.int(4));
    else if (r < 0.85) deliver(d, 1 + rng.int(4));
    else if (d.online && r < 0.93) disconnect(d);
    else if (!d.online) sync(d);
    if (step % checkEvery === 0) checkAll(false);
  }

  // Everyone comes back; every queue drains; one more sync round; until nothing moves.
  for (const d of devices) if (!d.online) sync(d);
  for (let round = 0; ; round++) {
    if (round > 20) fail('the final sync does not come to rest');
    while (devices.some((d) => d.up.length || d.down.length)) {
      for (const d of devices) upload(d, d.up.length);
      for (const d of devices) deliver(d, Infinity);
    }
    const writes = serverWrites;
    for (const d of devices) sync(d);
    if (serverWrites === writes && devices.every((d) => !d.up.length && !d.down.length)) break;
  }

  const reference = { map: canonical(server.map), protected: canonical(server.protected) };
  for (const d of devices) {
    for (const room of ['map', 'protected'] as const) {
      const doc = d.docs[room];
      if (doc && !Buffer.from(canonical(doc)).equals(Buffer.from(reference[room]))) {
        fail(`${d.name}: its ${room} document differs from the server's`);
      }
    }
  }
  if (config.fingerprint) {
    for (const d of devices) {
      const own = config.fingerprint(d.docs);
      const theirs = config.fingerprint({ map: server.map, protected: d.docs.protected && server.protected });
      if (own !== theirs) fail(`${d.name} shows something else than the server`);
    }
  }
  checkAll(true);
  return { ops: stats, refusals };
}

/** The seeds to run: `count` fixed ones, or only `FUZZ_SEED` when it is set (a replay). */
export function fuzzSeeds(count: number, first = 1000, stride = 7919): { seeds: number[]; replay: boolean } {
  const replay = process.env.FUZZ_SEED;
  if (replay) return { seeds: [Number(replay)], replay: true };
  return { seeds: Array.from({ length: count }, (_, i) => first + i * stride), replay: false };
}

/** Adds one run's counts into a total over many runs. */
export function addResult(total: FuzzResult, run: FuzzResult): void {
  for (const [name, s] of Object.entries(run.ops)) {
    const t = (total.ops[name] ??= { ok: 0, refused: 0, skipped: 0 });
    t.ok += s.ok;
    t.refused += s.refused;
    t.skipped += s.skipped;
  }
  for (const [reason, n] of Object.entries(run.refusals)) total.refusals[reason] = (total.refusals[reason] ?? 0) + n;
}
