/** The loaded rooms: loaded on first connection, saved and unloaded after the last leaves. */
import * as Y from 'yjs';
import {
  NODE_KIND_DEFS,
  ORIGIN,
  RESIDENT_FIELDS,
  RESIDENT_ROLE,
  docSchemaVersion,
  nodesMap,
  parseRoom,
  protectedFields,
  protectedRoom,
  setContactDetails,
  validateField,
} from '../schema/index.js';
import { log } from './log.js';
import { Room } from './room.js';
import type { UpdateLog } from './storage.js';

/** The author of changes the server makes itself. */
export const SERVER_ACTOR = { id: 'server', name: 'Buurtweb' };

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly storage: UpdateLog,
    private readonly opts: { compactEvery: number; graceMs: number },
  ) {}

  get size(): number {
    return this.rooms.size;
  }

  connections(): number {
    let n = 0;
    for (const r of this.rooms.values()) n += r.peers.size;
    return n;
  }

  /** The room for a map, loading it from storage if needed. */
  acquire(mapId: string): Room {
    const timer = this.unloadTimers.get(mapId);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(mapId);
    }
    let room = this.rooms.get(mapId);
    if (!room) {
      room = new Room(mapId, this.storage, { compactEvery: this.opts.compactEvery });
      const parsed = parseRoom(mapId);
      room.load(
        parsed.protected ? { migrate: false } : { beforeMigrate: (doc) => this.moveContacts(parsed.mapId, doc) },
      );
      this.rooms.set(mapId, room);
      log.debug('room loaded', { mapId });
    }
    return room;
  }

  /**
   * Before the version 2 migration removes contact details of persons from a map document,
   * copies them into the map's protected document (stored first, like any change).
   */
  private moveContacts(mapId: string, doc: Y.Doc): void {
    if (docSchemaVersion(doc) >= 2) return;
    const moves: [string, Record<string, unknown>, string | undefined][] = [];
    for (const [id, node] of nodesMap(doc)) {
      if (!(node instanceof Y.Map) || node.get('kind') !== 'person') continue;
      const values: Record<string, unknown> = {};
      const personRole = node.get('role');
      for (const key of protectedFields('person')) {
        // Keep each valid value on its own: one invalid value (or one a resident may not
        // have) must not take the valid ones down with it.
        if (!node.has(key)) continue;
        if (personRole === RESIDENT_ROLE && !RESIDENT_FIELDS.includes(key)) continue;
        if (validateField(NODE_KIND_DEFS.person.fields[key]!, node.get(key)).ok) values[key] = node.get(key);
      }
      if (Object.keys(values).length) moves.push([id, values, typeof personRole === 'string' ? personRole : undefined]);
    }
    if (!moves.length) return;
    const room = this.acquire(protectedRoom(mapId));
    try {
      room.change((pdoc) => {
        for (const [id, values, personRole] of moves) {
          try {
            setContactDetails(pdoc, id, 'person', values, {
              actor: SERVER_ACTOR,
              origin: ORIGIN.migration,
              personRole,
            });
          } catch (err) {
            log.warn('dropping invalid contact details while moving them', { mapId, node: id, err: String(err) });
          }
        }
      }, null);
    } finally {
      this.release(room);
    }
    log.info('moved contact details to the protected document', { mapId, persons: moves.length });
  }

  /** Called when a peer left: schedules the unload once the room is empty. */
  release(room: Room): void {
    if (room.peers.size > 0 || this.rooms.get(room.mapId) !== room) return;
    if (room.broken) return this.unload(room.mapId);
    const timer = setTimeout(() => this.unload(room.mapId), this.opts.graceMs);
    timer.unref();
    this.unloadTimers.set(room.mapId, timer);
  }

  /** Compacts (unless broken) and drops a room from memory. */
  unload(mapId: string): void {
    const room = this.rooms.get(mapId);
    if (!room) return;
    clearTimeout(this.unloadTimers.get(mapId));
    this.unloadTimers.delete(mapId);
    this.rooms.delete(mapId);
    try {
      room.compact();
    } catch (err) {
      log.warn('compaction on unload failed; the log is kept as it is', { mapId, err: String(err) });
    }
    room.destroy();
    log.debug('room unloaded', { mapId });
  }

  /** Forgets a broken room without compacting it: the next connection reloads what storage holds. */
  discard(room: Room): void {
    if (this.rooms.get(room.mapId) === room) this.rooms.delete(room.mapId);
    clearTimeout(this.unloadTimers.get(room.mapId));
    this.unloadTimers.delete(room.mapId);
    room.destroy();
  }

  unloadAll(): void {
    for (const id of [...this.rooms.keys()]) this.unload(id);
  }
}
