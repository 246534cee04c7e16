/**
 * Persistence behind two small interfaces, so that another engine (PostgreSQL, Redis
 * streams) is an adapter, not a rewrite. SQLite (better-sqlite3, WAL) is the default.
 */
import type { ActivityEntry, Role } from '../schema/index.js';
import type { ActivityRecord } from './activity.js';

export interface MapRecord {
  id: string;
  name: string;
  createdAt: number;
}

export interface InviteRecord {
  id: string;
  mapId: string;
  role: Role;
  /** The named person the invite is for; stamped as actor of their changes. */
  name: string;
  color: string;
  tokenHash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** Maps and invites. */
export interface Directory {
  createMap(map: MapRecord): void;
  getMap(id: string): MapRecord | undefined;
  listMaps(): MapRecord[];
  createInvite(invite: InviteRecord): void;
  findInviteByTokenHash(tokenHash: string): InviteRecord | undefined;
  getInvite(id: string): InviteRecord | undefined;
  listInvites(mapId?: string): InviteRecord[];
  /** Marks an invite revoked; false if there is no such (unrevoked) invite. */
  revokeInvite(id: string, at: number): boolean;
}

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

/** The per-map append-only log of Yjs updates. */
export interface UpdateLog {
  /**
   * Stores one update, and what it changed for the activity feed, durably and atomically
   * before returning; throws if the disk refuses.
   */
  appendUpdate(mapId: string, data: Uint8Array, inviteId: string | null, activity?: ActivityRecord[]): number;
  /** The activity feed, newest first: entries after `after` or before `before` (seqs), since `since` (ms). */
  listActivity(
    mapId: string,
    opts?: { after?: number; before?: number; since?: number; limit?: number },
  ): ActivityEntry[];
  loadUpdates(mapId: string): StoredUpdate[];
  countUpdates(mapId: string): number;
  /** Replaces every update up to `uptoSeq` by one merged update, atomically. */
  compact(mapId: string, uptoSeq: number, merged: Uint8Array): void;
  /** Records that an item was erased (its id only): nothing may bring it back. */
  recordErasure(mapId: string, nodeId: string, inviteId: string | null): void;
  /** Ids of the map's erased items. */
  listErasures(mapId: string): string[];
  /**
   * Makes removed data unrecoverable from the database files: deleted content is already
   * overwritten (secure_delete); this folds the write-ahead log into the database and
   * truncates it, so no older page image remains in any file.
   */
  scrub(): void;
  /**
   * Runs `fn` in one storage transaction: if it throws, nothing written inside is kept.
   */
  transaction<T>(fn: () => T): T;
}

export interface Storage extends Directory, UpdateLog {
  close(): void;
}
