/** One WebSocket connection: transport, limits and error handling around a Room. */
import type { WebSocket } from 'ws';
import { CLOSE } from '../schema/index.js';
import { log } from './log.js';
import { type Peer, ProtocolError, type Room, StorageError } from './room.js';
import type { Rooms } from './rooms.js';
import type { InviteRecord } from './storage.js';

/** A peer that stops reading is dropped before its backlog can hurt the server. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/** Allows `rate` events a second with bursts up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly burst: number,
    private readonly rate: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface Connection {
  readonly peer: Peer;
  readonly ws: WebSocket;
  alive: boolean;
}

let nextPeerId = 1;

/**
 * Binds an authorised socket to its map's room. Every failure is contained here: a bad
 * message closes this one connection; a storage failure closes the room's connections
 * (they reconnect and resend) and drops the room, so nothing unstored is ever served.
 */
export function attachConnection(
  ws: WebSocket,
  invite: InviteRecord,
  roomName: string,
  rooms: Rooms,
  opts: { awarenessPerSecond: number; onClose: (c: Connection) => void },
): Connection {
  let closing = false;
  let room: Room;
  const bucket = new TokenBucket(opts.awarenessPerSecond * 2, opts.awarenessPerSecond);
  let droppedAwareness = 0;

  const peer: Peer = {
    id: nextPeerId++,
    invite,
    awarenessIds: new Set(),
    allowAwareness() {
      if (bucket.take()) return true;
      if (droppedAwareness++ % 100 === 0) {
        log.warn('awareness rate limit', { peer: peer.id, dropped: droppedAwareness });
      }
      return false;
    },
    send(message) {
      if (closing || ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        log.warn('dropping a peer that does not read', { mapId: invite.mapId, peer: peer.id });
        closing = true;
        ws.terminate();
        return;
      }
      ws.send(message);
    },
    close(code, reason) {
      if (closing) return;
      closing = true;
      ws.close(code, reason.slice(0, 120));
    },
  };
  const conn: Connection = { peer, ws, alive: true };

  ws.on('pong', () => {
    conn.alive = true;
  });
  ws.on('error', (err) => log.debug('socket error', { peer: peer.id, err: String(err) }));
  ws.on('close', () => {
    closing = true;
    try {
      room?.removePeer(peer);
      if (room) rooms.release(room);
    } catch (err) {
      log.warn('error while removing a peer', { err: String(err) });
    }
    opts.onClose(conn);
  });

  try {
    room = rooms.acquire(roomName);
  } catch (err) {
    log.error('could not load map', { mapId: invite.mapId, err: String(err) });
    peer.close(CLOSE.storageFailed, 'map could not be loaded');
    return conn;
  }

  ws.on('message', (data, isBinary) => {
    if (closing) return;
    if (!isBinary) {
      log.warn('closing connection: text frame', { peer: peer.id });
      peer.close(CLOSE.malformed, 'text frames are not part of the protocol');
      return;
    }
    const bytes = Array.isArray(data)
      ? new Uint8Array(Buffer.concat(data))
      : data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    try {
      room.handleMessage(peer, bytes);
    } catch (err) {
      if (err instanceof StorageError) {
        log.error('storage refused an update; closing the room', { mapId: invite.mapId, err: err.message });
        for (const p of [...room.peers]) p.close(CLOSE.storageFailed, 'storage unavailable, retrying');
        rooms.discard(room);
      } else if (err instanceof ProtocolError) {
        log.warn('closing connection: malformed message', { peer: peer.id, reason: err.message });
        peer.close(CLOSE.malformed, err.message);
        if (room.broken) {
          for (const p of [...room.peers]) p.close(CLOSE.goingAway, 'map reloading');
          rooms.discard(room);
        }
      } else {
        log.error('unexpected error handling a message', { peer: peer.id, err: String(err) });
        peer.close(1011, 'internal error');
      }
    }
  });

  room.addPeer(peer);
  return conn;
}
