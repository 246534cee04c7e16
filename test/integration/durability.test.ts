/**
 * Nothing acknowledged is ever lost: the server process is killed with SIGKILL in the
 * middle of (and right after) bursts of edits; after a restart on the same data, every
 * edit that any client saw relayed is there, and the writers reconnect and converge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createNode, readGraph } from '../../schema/index.js';
import { type TestClient, connectClient, synced, waitFor } from '../support/clients.js';
import { type ServerProcess, prepareDataDir, spawnServer, tempDataDir } from '../support/server.js';

describe('durability under kill -9', () => {
  const clients: TestClient[] = [];
  let proc: ServerProcess | undefined;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await proc?.stop();
  });

  async function burstAndKill(writers: number, perWriter: number, killAfterSeen: number) {
    const dataDir = tempDataDir();
    const [watcherToken, ...tokens] = prepareDataDir(dataDir, [
      { mapId: 'wijk', role: 'viewer' },
      ...Array.from({ length: writers }, (_, i) => ({ mapId: 'wijk', role: 'editor' as const, name: `W${i}` })),
    ]);
    proc = await spawnServer(dataDir);
    const port = proc.port;
    const watcher = connectClient(proc.wsUrl, 'wijk', watcherToken!);
    const ws = tokens.map((t) => connectClient(proc!.wsUrl, 'wijk', t!));
    clients.push(watcher, ...ws);
    await Promise.all([watcher, ...ws].map((c) => synced(c)));

    // What the watcher saw relayed: these were acknowledged to the world.
    const seen = new Set<string>();
    const track = () => {
      for (const id of readGraph(watcher.doc).nodes.keys()) seen.add(id);
    };
    watcher.doc.on('update', track);

    // Writers edit in small interleaved steps so the burst is in flight when the kill lands.
    let killed = false;
    const writing = ws.map(async (c, w) => {
      for (let i = 0; i < perWriter; i++) {
        createNode(c.doc, { kind: 'theme', label: `W${w} edit ${i}` }, { actor: { id: `w${w}`, name: `W${w}` } });
        if (i % 5 === 0) await new Promise((r) => setImmediate(r));
      }
    });
    await waitFor(() => seen.size >= killAfterSeen, `${killAfterSeen} relayed edits`, 20_000);
    await proc.kill9();
    killed = true;
    track();
    await Promise.all(writing);
    expect(killed).toBe(true);
    const seenAtKill = new Set(seen);

    // Restart on the same data and port: the stock providers reconnect by themselves.
    proc = await spawnServer(dataDir, {}, port);
    const checker = connectClient(proc.wsUrl, 'wijk', watcherToken!);
    clients.push(checker);
    await synced(checker);
    const afterRestart = new Set(readGraph(checker.doc).nodes.keys());
    const lost = [...seenAtKill].filter((id) => !afterRestart.has(id));
    expect(lost, 'relayed edits lost by the kill').toEqual([]);

    // The writers resend what the server never stored; everyone converges on everything.
    const total = writers * perWriter;
    await waitFor(() => readGraph(checker.doc).nodes.size === total, `all ${total} edits after reconnect`, 30_000);
    for (const c of ws) await waitFor(() => readGraph(c.doc).nodes.size === total, 'writers to converge', 30_000);
    return { seenAtKill: seenAtKill.size, total };
  }

  it('keeps every relayed edit when killed right after a burst from 3 clients', async () => {
    const r = await burstAndKill(3, 100, 300);
    expect(r.seenAtKill).toBe(300);
  });

  it('keeps every relayed edit when killed in the middle of a burst from 10 clients', async () => {
    const r = await burstAndKill(10, 60, 150);
    expect(r.seenAtKill).toBeGreaterThanOrEqual(150);
  });
});
