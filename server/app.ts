/** The whole server as one object: tests start it on port 0; main.ts starts it for real. */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { CLOSE, SYNC_PATH, may, parseRoom } from '../schema/index.js';
import { authorize } from './auth.js';
import type { ServerConfig } from './config.js';
import { type Connection, attachConnection } from './connection.js';
import { createRequestHandler } from './http.js';
import { log } from './log.js';
import { Rooms } from './rooms.js';
import { openSqliteStorage } from './sqlite-storage.js';
import type { Storage } from './storage.js';

export interface App {
  readonly port: number;
  /** http://host:port, for tests and logs. */
  readonly url: string;
  readonly storage: Storage;
  readonly rooms: Rooms;
  /** Closes every connection, saves and unloads every room, closes storage. */
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

/** Refuses an upgrade with a plain HTTP answer: no byte of any map is sent. */
function refuse(socket: Socket, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export async function startApp(cfg: ServerConfig, storage: Storage = openSqliteStorage(cfg.dataDir)): Promise<App> {
  const rooms = new Rooms(storage, { compactEvery: cfg.compactEvery, graceMs: cfg.roomGraceMs });
  const connections = new Set<Connection>();
  const server = http.createServer(
    createRequestHandler({
      staticDir: cfg.staticDir,
      directory: storage,
      log: storage,
      storage,
      rooms,
      startedAt: Date.now(),
    }),
  );
  const wss = new WebSocketServer({ noServer: true, maxPayload: cfg.maxMessageBytes });

  server.on('upgrade', (req, socket: Socket, head) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuse(socket, 400, 'bad url');
    }
    const prefix = `${SYNC_PATH}/`;
    if (!url.pathname.startsWith(prefix)) return refuse(socket, 404, 'not found');
    let roomName: string;
    try {
      roomName = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return refuse(socket, 400, 'bad url');
    }
    // `<map>` is the map document; `<map>~protected` its contact details (owner, editor).
    const { mapId, protected: wantsProtected } = parseRoom(roomName);
    let auth;
    try {
      auth = authorize(storage, mapId, url.searchParams.get('token'));
    } catch (err) {
      log.error('auth lookup failed', { err: String(err) });
      return refuse(socket, 503, 'try again later');
    }
    if (!auth.ok) {
      log.info('connection refused', { mapId: mapId.slice(0, 64), status: auth.status, reason: auth.reason });
      return refuse(socket, auth.status, auth.reason);
    }
    const invite = auth.invite;
    if (wantsProtected && !may(invite, { act: 'contacts' })) {
      log.info('protected document refused', { mapId, role: invite.role });
      return refuse(socket, 403, 'this role may not see contact details');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = attachConnection(ws, invite, roomName, rooms, {
        awarenessPerSecond: cfg.awarenessPerSecond,
        onClose: (c) => connections.delete(c),
      });
      connections.add(conn);
    });
  });

  // Dead connections are dropped by ping; revoked invites lose their open connections.
  const pinger = setInterval(() => {
    for (const c of connections) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
      try {
        if (storage.getInvite(c.peer.invite.id)?.revokedAt != null) c.peer.close(CLOSE.revoked, 'invite revoked');
      } catch (err) {
        log.warn('revocation check failed', { err: String(err) });
      }
    }
  }, cfg.pingIntervalMs || 30_000);
  pinger.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port, cfg.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host;

  let closed: Promise<void> | undefined;
  return {
    port,
    url: `http://${shownHost}:${port}`,
    storage,
    rooms,
    close() {
      closed ??= (async () => {
        clearInterval(pinger);
        for (const c of connections) c.peer.close(CLOSE.goingAway, 'server shutting down');
        // Peers that don't answer the close handshake are cut off after a second.
        const cutoff = setTimeout(() => {
          for (const c of connections) c.ws.terminate();
        }, 1000);
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        clearTimeout(cutoff);
        rooms.unloadAll();
        storage.close();
      })();
      return closed;
    },
  };
}
