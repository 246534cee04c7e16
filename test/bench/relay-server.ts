/**
 * One relay under test, as a child process of the relay benchmark (so its memory is this
 * process's RSS). `BENCH_SERVER` picks it:
 *   ours          — Buurtweb's server (startApp), SQLite in a fresh temporary data dir
 *   ours-memory   — the same server with its storage held in memory (no SQLite)
 *   baseline      — @y/websocket-server 0.1.1's setupWSConnection, memory only
 * Both servers get the same http server and the same `ws` (8.x); the reference's own
 * server.js would bring ws 6 along, which would measure a WebSocket library, not a relay.
 * `BENCH_ROOMS` maps (r0, r1, …) are prepared with one editor invite each. The parent is
 * told `{ port, tokens }` over IPC, and asks for `gc` to read the heap after a full GC.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const kind = process.env.BENCH_SERVER ?? 'ours';
const rooms = Number(process.env.BENCH_ROOMS ?? '1');
const graceMs = Number(process.env.BENCH_GRACE_MS ?? '2000');

const roomId = (i: number) => `r${i}`;

async function startOurs(inMemory: boolean): Promise<{ port: number; tokens: string[] }> {
  const { startApp } = await import('../../server/app.js');
  const { createInvite } = await import('../../server/auth.js');
  const { openSqliteStorage } = await import('../../server/sqlite-storage.js');
  const { ensureMap, testConfig } = await import('../support/server.js');
  const { memoryStorage } = await import('./memory-storage.js');
  const cfg = testConfig({ roomGraceMs: graceMs });
  const storage = inMemory ? memoryStorage() : openSqliteStorage(cfg.dataDir);
  const tokens: string[] = [];
  for (let i = 0; i < rooms; i++) {
    ensureMap(storage, roomId(i));
    tokens.push(createInvite(storage, roomId(i), 'editor', `Bench ${i}`).token);
  }
  const app = await startApp(cfg, storage);
  return { port: app.port, tokens };
}

async function startBaseline(): Promise<{ port: number; tokens: string[] }> {
  // Exactly what @y/websocket-server's bin/server.js does, with our `ws`.
  const { setupWSConnection } = await import('@y/websocket-server/utils');
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', setupWSConnection);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('okay');
  });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, tokens: Array.from({ length: rooms }, () => 'none') };
}

const ready = kind === 'baseline' ? await startBaseline() : await startOurs(kind === 'ours-memory');
process.on('message', (m) => {
  if (m !== 'gc') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const mem = process.memoryUsage();
  process.send!({ rss: mem.rss, heapUsed: mem.heapUsed });
});
process.on('disconnect', () => process.exit(0));
process.send!(ready);
