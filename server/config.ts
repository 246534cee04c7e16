/** Server configuration from the environment, with sane defaults. */
import fs from 'node:fs';
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The built client (vite build output). */
  staticDir: string;
  /** Base of invite links; defaults to http://localhost:PORT. */
  publicUrl: string | undefined;
  /** Largest WebSocket message accepted, in bytes. */
  maxMessageBytes: number;
  pingIntervalMs: number;
  /** How long a room stays loaded after its last connection leaves. */
  roomGraceMs: number;
  /** Compact a room's update log once it holds this many updates. */
  compactEvery: number;
  /** Awareness messages per second per connection (token bucket; burst = 2×). */
  awarenessPerSecond: number;
  /** Seed the demo map when the database holds no map. */
  seedDemo: boolean;
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: int(env, 'PORT', 1234),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    staticDir: path.resolve(env.STATIC_DIR || './dist'),
    publicUrl: env.PUBLIC_URL || undefined,
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', 16 * 1024 * 1024),
    pingIntervalMs: int(env, 'PING_INTERVAL_MS', 30_000),
    roomGraceMs: int(env, 'ROOM_GRACE_MS', 10_000),
    compactEvery: int(env, 'COMPACT_EVERY', 500),
    awarenessPerSecond: int(env, 'AWARENESS_PER_SECOND', 20),
    seedDemo: env.SEED_DEMO !== '0',
  };
}

/** Where the running server records the base of its links, beside its database. */
const SERVER_URL_FILE = 'server-url';

/** Records the base URL the server runs at, so the admin CLI prints links that work. */
export function recordServerUrl(dataDir: string, url: string): void {
  fs.writeFileSync(path.join(dataDir, SERVER_URL_FILE), url + '\n');
}

/**
 * The base of invite links the admin CLI prints: PUBLIC_URL; else PORT, if given; else
 * where the server on this data directory last ran; else the default port.
 */
export function inviteBase(cfg: ServerConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (cfg.publicUrl) return cfg.publicUrl;
  if (env.PORT) return `http://localhost:${cfg.port}`;
  try {
    const recorded = fs.readFileSync(path.join(cfg.dataDir, SERVER_URL_FILE), 'utf8').trim();
    if (/^https?:\/\/\S+$/.test(recorded)) return recorded;
  } catch {
    // no server has run on this data directory yet
  }
  return `http://localhost:${cfg.port}`;
}
