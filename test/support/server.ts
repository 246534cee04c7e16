/** Test support: the real server on port 0 in a temporary data directory. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, startApp } from '../../server/app.js';
import { createInvite } from '../../server/auth.js';
import { type ServerConfig, configFromEnv } from '../../server/config.js';
import { createMap } from '../../server/maps.js';
import { openSqliteStorage } from '../../server/sqlite-storage.js';
import type { Role } from '../../schema/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'buurtweb-test-'));
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...configFromEnv({}),
    port: 0,
    host: '127.0.0.1',
    dataDir: tempDataDir(),
    // The test build: the app with the hooks browser tests read (client/src/map/ui-kit/test-hooks.ts).
    staticDir: path.join(ROOT, 'dist-e2e'),
    seedDemo: false,
    roomGraceMs: 200,
    ...overrides,
  };
}

export interface TestServer {
  app: App;
  cfg: ServerConfig;
  wsUrl: string;
  /** Creates a map (if needed) and an invite; returns the token. */
  invite(mapId: string, role: Role, name?: string): string;
  close(): Promise<void>;
}

export function ensureMap(storage: App['storage'], mapId: string): void {
  if (!storage.getMap(mapId)) createMap(storage, mapId, `Kaart ${mapId}`);
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const cfg = testConfig(overrides);
  const app = await startApp(cfg);
  return {
    app,
    cfg,
    wsUrl: `ws://127.0.0.1:${app.port}/sync`,
    invite(mapId, role, name = `${role} tester`) {
      ensureMap(app.storage, mapId);
      return createInvite(app.storage, mapId, role, name).token;
    },
    close: () => app.close(),
  };
}

/** Prepares maps and invites in a data dir before a server process is started on it. */
export function prepareDataDir(dataDir: string, invites: { mapId: string; role: Role; name?: string }[]): string[] {
  const storage = openSqliteStorage(dataDir);
  try {
    return invites.map((i) => {
      ensureMap(storage, i.mapId);
      return createInvite(storage, i.mapId, i.role, i.name ?? i.role).token;
    });
  } finally {
    storage.close();
  }
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  wsUrl: string;
  output: () => string;
  /** SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` as its own process (one process, no wrapper), for kill -9 tests. */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const actualPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = () => {
      const m = /running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    child,
    port: actualPort,
    wsUrl: `ws://127.0.0.1:${actualPort}/sync`,
    output: () => out,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
