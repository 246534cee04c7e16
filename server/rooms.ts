/** The loaded rooms: loaded on first connection, saved and unloaded after the last leaves. */
import { log } from './log.js';
import { Room } from './room.js';
import type { UpdateLog } from './storage.js';

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
      room.load();
      this.rooms.set(mapId, room);
      log.debug('room loaded', { mapId });
    }
    return room;
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
