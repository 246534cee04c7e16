/**
 * Relay benchmark: Buurtweb's server against the reference @y/websocket-server 0.1.1,
 * each in a child process of its own (test/bench/relay-server.ts), driven by the same
 * load generator in this process: lightweight clients that speak the y-websocket sync
 * protocol over `ws` (a stock Y.Doc each, y-protocols' encoding, no awareness).
 *
 * Every edit sets the client's own key of a Y.Map to `{ t, c, s }`: the send time, the
 * client and a sequence number. Receivers decode each relayed update and take the latency
 * from `t`; deliveries are counted per edit, so a lost one shows.
 *
 * Buurtweb stores every update in SQLite (WAL, synchronous=NORMAL, a temporary dir on
 * disk) before relaying it; the reference keeps documents in memory only. A third run,
 * Buurtweb with its storage in memory, shows what persistence costs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type Row, percentile, table } from './util.js';

type ServerKind = 'ours' | 'ours-memory' | 'baseline';

interface Scenario {
  name: string;
  rooms: number;
  perRoom: number;
  /** Edits per second per client. */
  hz: number;
}

const SCENARIOS: Scenario[] = [
  { name: '(a) one room, 100 clients, each editing once a second', rooms: 1, perRoom: 100, hz: 1 },
  { name: '(b) 150 connections editing at 10 Hz, in 30 rooms of 5', rooms: 30, perRoom: 5, hz: 10 },
  { name: '(c) 1,500 connections in 500 rooms of 3, each editing every 5 s', rooms: 500, perRoom: 3, hz: 0.2 },
];

const WARMUP_MS = 2_000;
const WINDOW_MS = 10_000;
const DRAIN_MS = 3_000;
/** After the last client left: Buurtweb unloads a room 2 s after its last connection (BENCH_GRACE_MS). */
const IDLE_MS = 5_000;
const CONNECT_CONCURRENCY = 100;

const MiB = 2 ** 20;
/** USER_HZ: the unit of /proc/PID/stat times (100 on Linux everywhere that matters). */
const CLOCK_TICKS = 100;
const SERVER_SCRIPT = path.join(import.meta.dirname, 'relay-server.ts');

// ---------------------------------------------------------------- the server process

interface Server {
  child: ChildProcess;
  port: number;
  tokens: string[];
  rss(): number;
  /** CPU time used so far (user + system), in seconds. */
  cpu(): number;
  gcHeap(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

async function startServer(kind: ServerKind, rooms: number): Promise<Server> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SERVER_SCRIPT], {
    env: { ...process.env, BENCH_SERVER: kind, BENCH_ROOMS: String(rooms), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port: number; tokens: string[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; tokens: string[] }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    ...ready,
    rss() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
    },
    cpu() {
      // Fields 14 and 15 of /proc/PID/stat, after the parenthesised command name.
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    gcHeap() {
      return new Promise((resolve) => {
        child.once('message', (m) => resolve(m as { rss: number; heapUsed: number }));
        child.send('gc');
      });
    },
    async stop() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

// ---------------------------------------------------------------- the load generator

interface Edit {
  t: number;
  c: number;
  s: number;
}

interface Measure {
  /** performance.now() bounds of the measured window. */
  from: number;
  to: number;
  latencies: number[];
  /** Deliveries per edit sent in the window, by `${c}:${s}`. */
  delivered: Map<string, number>;
  arrivedInWindow: number;
  sentInWindow: number;
}

class LiteClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  seq = 0;
  synced: Promise<void>;
  private outgoing: Uint8Array | null = null;

  constructor(
    url: string,
    readonly id: number,
    private readonly measure: () => Measure | null,
  ) {
    this.doc.on('update', (u: Uint8Array) => (this.outgoing = u));
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('error', () => {});
    this.synced = new Promise((resolve, reject) => {
      this.ws.once('error', reject);
      this.ws.on('message', (data: Buffer) => {
        if (this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))) resolve();
      });
      this.ws.once('open', () => {
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, 0);
        syncProtocol.writeSyncStep1(enc, this.doc);
        this.ws.send(encoding.toUint8Array(enc));
      });
    });
  }

  /** Handles one server message; true when it was the server's answer to our step 1. */
  private receive(msg: Uint8Array): boolean {
    const dec = decoding.createDecoder(msg);
    if (decoding.readVarUint(dec) !== 0) return false; // awareness: not part of this benchmark
    const sub = decoding.readVarUint(dec);
    const payload = decoding.readVarUint8Array(dec);
    if (sub === syncProtocol.messageYjsSyncStep1) {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0);
      syncProtocol.writeSyncStep2(enc, this.doc, payload);
      this.ws.send(encoding.toUint8Array(enc));
      return false;
    }
    const m = this.measure();
    if (m) this.record(m, payload);
    return sub === syncProtocol.messageYjsSyncStep2;
  }

  private record(m: Measure, update: Uint8Array): void {
    const now = performance.now();
    for (const s of Y.decodeUpdate(update).structs) {
      if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentAny)) continue;
      const e = s.content.arr[0] as Edit | undefined;
      if (!e || typeof e.t !== 'number' || e.c === this.id) continue; // the reference echoes to the sender
      if (now >= m.from && now <= m.to) m.arrivedInWindow++;
      const key = `${e.c}:${e.s}`;
      const n = m.delivered.get(key);
      if (n === undefined) continue; // sent before the window
      m.delivered.set(key, n + 1);
      m.latencies.push(now - e.t);
    }
  }

  /** One edit: this client's own key, so an update never depends on another client's. */
  edit(m: Measure | null): void {
    const e: Edit = { t: performance.now(), c: this.id, s: ++this.seq };
    this.doc.getMap('bench').set(`c${this.id}`, e);
    if (m && e.t >= m.from && e.t <= m.to) {
      m.delivered.set(`${e.c}:${e.s}`, 0);
      m.sentInWindow++;
    }
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    syncProtocol.writeUpdate(enc, this.outgoing!);
    this.ws.send(encoding.toUint8Array(enc));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Result {
  connectS: number;
  editsPerS: number;
  deliveredPerS: number;
  p50: number;
  p99: number;
  lost: number;
  cpuPercent: number;
  rssBefore: number;
  rssLoaded: number;
  rssIdle: number;
  heapIdle: number;
}

async function runOne(kind: ServerKind, sc: Scenario): Promise<Result> {
  const server = await startServer(kind, sc.rooms);
  const clients: LiteClient[] = [];
  let measure: Measure | null = null;
  try {
    await sleep(500);
    const rssBefore = server.rss();
    const t0 = performance.now();
    const n = sc.rooms * sc.perRoom;
    for (let i = 0; i < n; i += CONNECT_CONCURRENCY) {
      const batch: LiteClient[] = [];
      for (let j = i; j < Math.min(n, i + CONNECT_CONCURRENCY); j++) {
        const room = j % sc.rooms;
        const url = `ws://127.0.0.1:${server.port}/sync/r${room}?token=${server.tokens[room]}`;
        batch.push(new LiteClient(url, j, () => measure));
      }
      clients.push(...batch);
      await Promise.all(batch.map((c) => c.synced));
    }
    const connectS = (performance.now() - t0) / 1000;

    const start = performance.now();
    measure = {
      from: start + WARMUP_MS,
      to: start + WARMUP_MS + WINDOW_MS,
      latencies: [],
      delivered: new Map(),
      arrivedInWindow: 0,
      sentInWindow: 0,
    };
    const m = measure;
    // Each client edits every 1/hz seconds from a random phase; one ticker drives them all.
    const period = 1000 / sc.hz;
    const next = clients.map(() => start + Math.random() * period);
    let rssLoaded = 0;
    let cpuFrom = NaN;
    let cpuAt = NaN;
    const sampler = setInterval(() => {
      if (performance.now() < m.from) return;
      if (Number.isNaN(cpuFrom)) [cpuFrom, cpuAt] = [server.cpu(), performance.now()];
      rssLoaded = Math.max(rssLoaded, server.rss());
    }, 250);
    await new Promise<void>((resolve) => {
      const ticker = setInterval(() => {
        const now = performance.now();
        if (now > m.to) {
          clearInterval(ticker);
          return resolve();
        }
        for (let i = 0; i < clients.length; i++) {
          if (next[i]! > now) continue;
          clients[i]!.edit(m);
          next[i]! += period;
          if (next[i]! < now) next[i] = now + period; // fell behind: skip, don't burst
        }
      }, 5);
    });
    clearInterval(sampler);
    const cpuPercent = ((server.cpu() - cpuFrom) / ((performance.now() - cpuAt) / 1000)) * 100;
    await sleep(DRAIN_MS);
    measure = null;

    const expected = m.sentInWindow * (sc.perRoom - 1);
    let got = 0;
    for (const v of m.delivered.values()) got += v;

    await Promise.all(clients.map((c) => c.close()));
    await sleep(IDLE_MS);
    const rssIdle = server.rss();
    const heap = await server.gcHeap();
    return {
      connectS,
      editsPerS: m.sentInWindow / (WINDOW_MS / 1000),
      deliveredPerS: m.arrivedInWindow / (WINDOW_MS / 1000),
      p50: percentile(m.latencies, 50),
      p99: percentile(m.latencies, 99),
      lost: expected - got,
      cpuPercent,
      rssBefore,
      rssLoaded,
      rssIdle,
      heapIdle: heap.heapUsed,
    };
  } finally {
    for (const c of clients) c.ws.terminate();
    await server.stop();
  }
}

function rows(sc: Scenario, ours: Result, base: Result): Row[] {
  const n = sc.rooms * sc.perRoom;
  const r = (what: string, pick: (x: Result) => number): Row => ({ what, ours: pick(ours), baseline: pick(base) });
  return [
    r(`connect and sync all ${n.toLocaleString('en')} clients, s`, (x) => x.connectS),
    r('edits sent per second (offered load)', (x) => x.editsPerS),
    r('updates delivered per second', (x) => x.deliveredPerS),
    r('latency edit → other client, p50, ms', (x) => x.p50),
    r('latency edit → other client, p99, ms', (x) => x.p99),
    r('deliveries lost', (x) => x.lost),
    r('server CPU under load, % of one core', (x) => x.cpuPercent),
    r('server RSS before any client connected, MiB', (x) => x.rssBefore / MiB),
    r('server RSS under load (peak), MiB', (x) => x.rssLoaded / MiB),
    r(`server RSS ${IDLE_MS / 1000} s after every client left, MiB`, (x) => x.rssIdle / MiB),
    r('server heap used then, after a full GC, MiB', (x) => x.heapIdle / MiB),
  ];
}

export async function relayBench(): Promise<string> {
  const out: string[] = [];
  const persistence: Row[] = [];
  for (const sc of SCENARIOS) {
    const res: Partial<Record<ServerKind, Result>> = {};
    for (const kind of ['ours', 'baseline', 'ours-memory'] as const) {
      console.error(`relay ${sc.name}: ${kind}…`);
      res[kind] = await runOne(kind, sc);
    }
    out.push(table(`Relay ${sc.name}`, '@y/websocket-server 0.1.1 (memory only)', rows(sc, res.ours!, res.baseline!)));
    const short = sc.name.slice(0, 3);
    const p = (what: string, pick: (x: Result) => number): Row => ({
      what: `${short} ${what}`,
      ours: pick(res.ours!),
      baseline: pick(res['ours-memory']!),
    });
    persistence.push(
      p('latency p50, ms', (x) => x.p50),
      p('latency p99, ms', (x) => x.p99),
      p('server CPU, % of one core', (x) => x.cpuPercent),
      p('RSS under load, MiB', (x) => x.rssLoaded / MiB),
    );
  }
  out.push(table('Relay: what persistence costs', 'Buurtweb, storage in memory', persistence));
  return out.join('\n');
}
