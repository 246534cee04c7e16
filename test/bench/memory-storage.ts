/**
 * The server's Storage held in plain memory: for the relay benchmark's "without
 * persistence" run, so that the cost of storing every update in SQLite shows on its own.
 * Never for real use: nothing survives the process.
 */
import type { InviteRecord, MapRecord, Storage, StoredUpdate } from '../../server/storage.js';

export function memoryStorage(): Storage {
  const maps = new Map<string, MapRecord>();
  const invites = new Map<string, InviteRecord>();
  const logs = new Map<string, StoredUpdate[]>();
  const erased = new Set<string>();
  let seq = 0;
  const log = (mapId: string) => {
    let l = logs.get(mapId);
    if (!l) logs.set(mapId, (l = []));
    return l;
  };
  return {
    createMap: (m) => void maps.set(m.id, m),
    getMap: (id) => maps.get(id),
    listMaps: () => [...maps.values()],
    createInvite: (i) => void invites.set(i.id, i),
    findInviteByTokenHash: (hash) => [...invites.values()].find((i) => i.tokenHash === hash),
    getInvite: (id) => invites.get(id),
    listInvites: (mapId) => [...invites.values()].filter((i) => mapId === undefined || i.mapId === mapId),
    revokeInvite(id, at) {
      const i = invites.get(id);
      if (!i || i.revokedAt !== null) return false;
      i.revokedAt = at;
      return true;
    },
    appendUpdate(mapId, data) {
      log(mapId).push({ seq: ++seq, data: data.slice() });
      return seq;
    },
    loadUpdates: (mapId) => [...log(mapId)],
    countUpdates: (mapId) => log(mapId).length,
    compact(mapId, uptoSeq, merged) {
      logs.set(mapId, [...log(mapId).filter((u) => u.seq > uptoSeq), { seq: ++seq, data: merged.slice() }]);
    },
    // The benchmark reads no activity feed and erases nobody: the feed is not kept.
    listActivity: () => [],
    recordErasure: (mapId, nodeId) => void erased.add(`${mapId}/${nodeId}`),
    listErasures: (mapId) => [...erased].filter((k) => k.startsWith(`${mapId}/`)).map((k) => k.slice(mapId.length + 1)),
    scrub() {},
    transaction: (fn) => fn(),
    close() {},
  };
}
