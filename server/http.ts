/** Plain HTTP: the built client, /health and the /api endpoints (session, activity, erase, export). */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { NODE_ID_RE, type SessionInfo, may } from '../schema/index.js';
import { authorize } from './auth.js';
import type { Rooms } from './rooms.js';
import { erasePerson } from './erasure.js';
import { log as httpLog } from './log.js';
import { exportJson } from './maps.js';
import type { Directory, Storage, UpdateLog } from './storage.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

type ActivityLog = Pick<UpdateLog, 'listActivity'>;

export interface HttpDeps {
  staticDir: string;
  directory: Directory;
  log: ActivityLog;
  /** For erasure and exports, which need the rooms and the whole storage. */
  storage: Storage;
  rooms: Rooms;
  startedAt: number;
}

export function createRequestHandler(deps: HttpDeps): http.RequestListener {
  const root = path.resolve(deps.staticDir);
  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return json(res, 400, { error: 'bad request' });
    }
    if (url.pathname === '/health') {
      return json(res, 200, {
        status: 'ok',
        rooms: deps.rooms.size,
        connections: deps.rooms.connections(),
        uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      });
    }
    if (url.pathname === '/api/session') return session(req, res, url, deps.directory);
    if (url.pathname === '/api/activity') return activity(req, res, url, deps.directory, deps.log);
    if (url.pathname === '/api/erase') return erase(req, res, url, deps);
    if (url.pathname === '/api/export') return exportMap(req, res, url, deps);
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
    return serveStatic(root, url.pathname, req, res);
  };
}

function bearer(req: http.IncomingMessage): string | null {
  const auth = req.headers.authorization ?? '';
  return auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
}

/** Who a token belongs to: the client learns its map, role, name and colour from it. */
function session(req: http.IncomingMessage, res: http.ServerResponse, url: URL, dir: Directory): void {
  const mapId = url.searchParams.get('map') ?? '';
  const r = authorize(dir, mapId, bearer(req));
  if (!r.ok) return json(res, r.status, { error: r.reason });
  const map = dir.getMap(mapId)!;
  const info: SessionInfo = {
    mapId,
    mapName: map.name,
    role: r.invite.role,
    actor: { id: r.invite.id, name: r.invite.name },
    color: r.invite.color,
  };
  json(res, 200, info);
}

/** A non-negative integer query parameter, or undefined (NaN and garbage are ignored). */
function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || !/^\d{1,16}$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * The map's activity feed, newest first, for anyone with a valid token of the map:
 * `?after=<seq>` for what came after an entry, `?before=<seq>` for the page before one (paging
 * back past the newest), `?since=<ms>` for "what changed since…".
 */
function activity(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  dir: Directory,
  log: ActivityLog,
): void {
  if (req.method !== 'GET') return json(res, 405, { error: 'method not allowed' });
  const mapId = url.searchParams.get('map') ?? '';
  const r = authorize(dir, mapId, bearer(req));
  if (!r.ok) return json(res, r.status, { error: r.reason });
  const opts: { after?: number; before?: number; since?: number; limit?: number } = {};
  const after = intParam(url, 'after');
  const before = intParam(url, 'before');
  const since = intParam(url, 'since');
  const limit = intParam(url, 'limit');
  if (after !== undefined) opts.after = after;
  if (before !== undefined) opts.before = before;
  if (since !== undefined) opts.since = since;
  if (limit !== undefined) opts.limit = limit;
  json(res, 200, { entries: log.listActivity(mapId, opts) });
}

/** `POST /api/erase?map=<id>&node=<id>`: forget a person (owners and editors). */
function erase(req: http.IncomingMessage, res: http.ServerResponse, url: URL, deps: HttpDeps): void {
  if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' });
  const mapId = url.searchParams.get('map') ?? '';
  const r = authorize(deps.directory, mapId, bearer(req));
  if (!r.ok) return json(res, r.status, { error: r.reason });
  const nodeId = url.searchParams.get('node') ?? '';
  if (!NODE_ID_RE.test(nodeId)) return json(res, 400, { error: 'invalid item id' });
  try {
    const result = erasePerson(deps.rooms, deps.storage, r.invite, nodeId);
    if (!result.ok) return json(res, result.status, { error: result.error });
    json(res, 200, { erased: nodeId });
  } catch (err) {
    httpLog.error('erasure failed', { mapId, err: String(err) });
    json(res, 503, { error: 'the erasure could not be completed; try again' });
  }
}

/**
 * `GET /api/export?map=<id>`: the map as JSON. Contact details of persons are included
 * only for roles allowed to see them, like everything else.
 */
function exportMap(req: http.IncomingMessage, res: http.ServerResponse, url: URL, deps: HttpDeps): void {
  if (req.method !== 'GET') return json(res, 405, { error: 'method not allowed' });
  const mapId = url.searchParams.get('map') ?? '';
  const r = authorize(deps.directory, mapId, bearer(req));
  if (!r.ok) return json(res, r.status, { error: r.reason });
  json(res, 200, exportJson(deps.storage, mapId, { contacts: may(r.invite, { act: 'contacts' }) }));
}

function serveStatic(root: string, pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return json(res, 400, { error: 'bad path' });
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (!file.startsWith(root + path.sep) && file !== root) return json(res, 403, { error: 'forbidden' });
  let target = file;
  const ext = path.extname(file);
  if (!ext || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    // Client-side routes (/join/demo, /map/demo) get the app; missing assets get a 404.
    if (ext && ext !== '.html') return json(res, 404, { error: 'not found' });
    target = path.join(root, 'index.html');
  }
  if (!fs.existsSync(target)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The client is not built yet: run `npm run build` (npm start does it for you).\n');
    return;
  }
  const immutable = target.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY_HEADERS,
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(target).pipe(res);
}
