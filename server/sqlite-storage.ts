/** The embedded default storage: one SQLite file in DATA_DIR, WAL mode. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ACTIVITY_PAGE, type ActivityEntry, type Role } from '../schema/index.js';
import type { ActivityRecord } from './activity.js';
import type { InviteRecord, MapRecord, Storage, StoredUpdate } from './storage.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS maps (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
  id TEXT PRIMARY KEY,
  map_id TEXT NOT NULL REFERENCES maps(id),
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  map_id TEXT NOT NULL,
  data BLOB NOT NULL,
  invite_id TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_map ON updates(map_id, seq);
CREATE TABLE IF NOT EXISTS activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  map_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  invite_id TEXT,
  target TEXT NOT NULL,
  item_id TEXT NOT NULL,
  change TEXT NOT NULL,
  fields TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS activity_by_map ON activity(map_id, seq);
CREATE INDEX IF NOT EXISTS activity_by_item ON activity(map_id, item_id, seq);
CREATE TABLE IF NOT EXISTS erasures (
  map_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  invite_id TEXT,
  PRIMARY KEY (map_id, node_id)
);
`;

interface InviteRow {
  id: string;
  map_id: string;
  role: string;
  name: string;
  color: string;
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
}

function toInvite(r: InviteRow): InviteRecord {
  return {
    id: r.id,
    mapId: r.map_id,
    role: r.role as Role,
    name: r.name,
    color: r.color,
    tokenHash: r.token_hash,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

interface ActivityRow {
  seq: number;
  at: number;
  firstAt: number | null;
  count: number;
  inviteId: string | null;
  name: string | null;
  target: string;
  id: string;
  change: string;
  fields: string;
}

export const DB_FILE = 'buurtweb.sqlite';

/** Repeats of one change (same person, item, kind of change and fields) within this window are one entry. */
export const ACTIVITY_COALESCE_MS = 10 * 60 * 1000;
/** The changes that coalesce: edits, not creations, confirmations or deletions. */
const COALESCED: ReadonlySet<string> = new Set(['updated', 'note', 'settings']);

/** Columns added after the first release, added to older databases on open. */
function upgrade(db: Database.Database): void {
  const columns = new Set((db.pragma('table_info(activity)') as { name: string }[]).map((c) => c.name));
  if (!columns.has('count')) db.exec('ALTER TABLE activity ADD COLUMN count INTEGER NOT NULL DEFAULT 1');
  if (!columns.has('first_at')) db.exec('ALTER TABLE activity ADD COLUMN first_at INTEGER');
}

/**
 * Opens (creating if needed) the database in `dataDir`. `synchronous=NORMAL` in WAL mode
 * makes every committed update survive a crash of the process (kill -9); `SQLITE_SYNC=full`
 * also makes it survive a power cut, at the cost of an fsync per update.
 */
export function openSqliteStorage(dataDir: string, opts: { readonly?: boolean } = {}): Storage {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DB_FILE), { readonly: opts.readonly ?? false });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${process.env.SQLITE_SYNC === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Deleted content is overwritten with zeros, so an erased person can't be read back
    // from free pages of the database file.
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    upgrade(db);
  }

  const q = {
    createMap: db.prepare('INSERT INTO maps (id, name, created_at) VALUES (?, ?, ?)'),
    getMap: db.prepare('SELECT id, name, created_at AS createdAt FROM maps WHERE id = ?'),
    listMaps: db.prepare('SELECT id, name, created_at AS createdAt FROM maps ORDER BY id'),
    createInvite: db.prepare(
      'INSERT INTO invites (id, map_id, role, name, color, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    inviteByHash: db.prepare('SELECT * FROM invites WHERE token_hash = ?'),
    inviteById: db.prepare('SELECT * FROM invites WHERE id = ?'),
    invitesAll: db.prepare('SELECT * FROM invites ORDER BY map_id, created_at'),
    invitesOfMap: db.prepare('SELECT * FROM invites WHERE map_id = ? ORDER BY created_at'),
    revoke: db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    append: db.prepare('INSERT INTO updates (map_id, data, invite_id, created_at) VALUES (?, ?, ?, ?)'),
    load: db.prepare('SELECT seq, data FROM updates WHERE map_id = ? ORDER BY seq'),
    count: db.prepare('SELECT COUNT(*) AS n FROM updates WHERE map_id = ?'),
    deleteUpTo: db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?'),
    addErasure: db.prepare('INSERT OR IGNORE INTO erasures (map_id, node_id, at, invite_id) VALUES (?, ?, ?, ?)'),
    erasures: db.prepare('SELECT node_id AS id FROM erasures WHERE map_id = ?'),
    addActivity: db.prepare(
      `INSERT INTO activity (map_id, at, invite_id, target, item_id, change, fields, first_at, count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    lastLike: db.prepare(
      `SELECT seq, at, first_at AS firstAt, count FROM activity
       WHERE map_id = ? AND item_id = ? AND target = ? AND change = ? AND fields = ? AND invite_id IS ?
       ORDER BY seq DESC LIMIT 1`,
    ),
    dropActivity: db.prepare('DELETE FROM activity WHERE seq = ?'),
    activity: db.prepare(
      `SELECT a.seq, a.at, a.first_at AS firstAt, a.count, a.invite_id AS inviteId, i.name AS name, a.target,
              a.item_id AS id, a.change, a.fields
       FROM activity a LEFT JOIN invites i ON i.id = a.invite_id
       WHERE a.map_id = ? AND a.seq > ? AND a.seq < ? AND a.at >= ? ORDER BY a.seq DESC LIMIT ?`,
    ),
  };
  const appendWithActivity = db.transaction(
    (mapId: string, data: Uint8Array, inviteId: string | null, activity: ActivityRecord[]): number => {
      const now = Date.now();
      const seq = Number(
        q.append.run(mapId, Buffer.from(data.buffer, data.byteOffset, data.byteLength), inviteId, now).lastInsertRowid,
      );
      for (const a of activity) {
        const fields = JSON.stringify(a.fields);
        // The same person changing the same thing of the same item again within a short
        // while (typing in a note, adjusting a field), whatever others did meanwhile, is
        // one entry with a count: it moves to the top (a new seq, so `after` sees it) and
        // keeps when the run began.
        const last = COALESCED.has(a.change)
          ? (q.lastLike.get(mapId, a.id, a.target, a.change, fields, inviteId) as ActivityRow | undefined)
          : undefined;
        const same = last !== undefined && now - last.at <= ACTIVITY_COALESCE_MS;
        if (same) q.dropActivity.run(last.seq);
        q.addActivity.run(
          mapId,
          now,
          inviteId,
          a.target,
          a.id,
          a.change,
          fields,
          same ? (last.firstAt ?? last.at) : now,
          same ? last.count + 1 : 1,
        );
      }
      return seq;
    },
  );

  const storage: Storage = {
    createMap(m: MapRecord) {
      q.createMap.run(m.id, m.name, m.createdAt);
    },
    getMap(id) {
      return q.getMap.get(id) as MapRecord | undefined;
    },
    listMaps() {
      return q.listMaps.all() as MapRecord[];
    },
    createInvite(i) {
      q.createInvite.run(i.id, i.mapId, i.role, i.name, i.color, i.tokenHash, i.createdAt, i.revokedAt);
    },
    findInviteByTokenHash(hash) {
      const r = q.inviteByHash.get(hash) as InviteRow | undefined;
      return r && toInvite(r);
    },
    getInvite(id) {
      const r = q.inviteById.get(id) as InviteRow | undefined;
      return r && toInvite(r);
    },
    listInvites(mapId) {
      const rows = (mapId ? q.invitesOfMap.all(mapId) : q.invitesAll.all()) as InviteRow[];
      return rows.map(toInvite);
    },
    revokeInvite(id, at) {
      return q.revoke.run(at, id).changes > 0;
    },
    appendUpdate(mapId, data, inviteId, activity = []) {
      return appendWithActivity(mapId, data, inviteId, activity);
    },
    listActivity(mapId, opts = {}) {
      const rows = q.activity.all(
        mapId,
        opts.after ?? 0,
        opts.before ?? Number.MAX_SAFE_INTEGER,
        opts.since ?? 0,
        Math.min(opts.limit ?? ACTIVITY_PAGE, ACTIVITY_PAGE),
      ) as ActivityRow[];
      return rows.map((r): ActivityEntry => ({
        seq: r.seq,
        at: r.at,
        firstAt: r.firstAt ?? r.at,
        count: r.count,
        actor: r.inviteId ? { id: r.inviteId, name: r.name ?? '?' } : null,
        target: r.target as ActivityEntry['target'],
        id: r.id,
        change: r.change as ActivityEntry['change'],
        fields: JSON.parse(r.fields) as string[],
      }));
    },
    loadUpdates(mapId) {
      return (q.load.all(mapId) as { seq: number; data: Buffer }[]).map((r): StoredUpdate => ({
        seq: r.seq,
        data: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength),
      }));
    },
    countUpdates(mapId) {
      return (q.count.get(mapId) as { n: number }).n;
    },
    compact(mapId, uptoSeq, merged) {
      db.transaction(() => {
        q.deleteUpTo.run(mapId, uptoSeq);
        q.append.run(mapId, Buffer.from(merged), null, Date.now());
      })();
    },
    recordErasure(mapId, nodeId, inviteId) {
      q.addErasure.run(mapId, nodeId, Date.now(), inviteId);
    },
    listErasures(mapId) {
      return (q.erasures.all(mapId) as { id: string }[]).map((r) => r.id);
    },
    scrub() {
      const r = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (r[0]?.busy) throw new Error('the write-ahead log could not be checkpointed (busy)');
    },
    transaction(fn) {
      return db.transaction(fn)();
    },
    close() {
      if (db.open) {
        if (!opts.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
  return storage;
}
