/** What client and server agree on besides the y-websocket protocol itself. */

/** Map ids: lowercase letters, digits and dashes; used in URLs, file names and SQL. */
export const MAP_ID_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
export function isValidMapId(id: string): boolean {
  return MAP_ID_RE.test(id);
}

export const ROLES = ['owner', 'editor', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

/** The WebSocket path prefix: `ws://HOST:PORT/sync/<mapId>?token=…`. */
export const SYNC_PATH = '/sync';

/** Close codes the server sends (4000-4999 are for applications). */
export const CLOSE = {
  /** The message could not be decoded or was not valid y-websocket. */
  malformed: 4400,
  /** The token was revoked while connected. */
  revoked: 4403,
  /** Message larger than MAX_MESSAGE_BYTES (ws itself uses 1009). */
  tooLarge: 1009,
  /**
   * The update changed what the sender's role may not change (schema/rules.ts). It
   * was not stored or relayed; the client must drop its local copy and start again from
   * the server's state (its doc holds changes the server will never accept).
   */
  rejected: 4409,
  /** The server could not store an update (disk full or read-only); retry later. */
  storageFailed: 4503,
  /** The server is shutting down. */
  goingAway: 1001,
} as const;

/** What `GET /api/session` returns for a valid token. */
export interface SessionInfo {
  mapId: string;
  mapName: string;
  role: Role;
  /** The invite's person: stamped as the actor of every change made with this token. */
  actor: { id: string; name: string };
  color: string;
}
