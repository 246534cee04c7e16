/**
 * "Forget this person": the item, its links, its note, its contact details and the name
 * in mentions elsewhere are removed from both documents of the map, every connected device
 * gets the removal at once, and the server's storage is compacted and scrubbed so the
 * person's data no longer occurs anywhere in the database files. The activity feed records
 * only that a person was erased, and by whom.
 */
import { eraseNode, may, nodesMap, protectedRoom, removeContact } from '../schema/index.js';
import { log } from './log.js';
import type { Rooms } from './rooms.js';
import type { InviteRecord, Storage } from './storage.js';

export type EraseResult = { ok: true } | { ok: false; status: 400 | 403 | 404; error: string };

export function erasePerson(rooms: Rooms, storage: Storage, invite: InviteRecord, nodeId: string): EraseResult {
  if (!may(invite, { act: 'erase' }))
    return { ok: false, status: 403, error: 'only owners and editors can erase a person' };
  const room = rooms.acquire(invite.mapId);
  try {
    const node = nodesMap(room.doc).get(nodeId);
    if (!node) return { ok: false, status: 404, error: 'no such item' };
    if (node.get('kind') !== 'person') return { ok: false, status: 400, error: 'only persons are erased' };
    const actor = { id: invite.id, name: invite.name };
    // From now on nothing may bring the person back, also not a device that was offline.
    storage.recordErasure(invite.mapId, nodeId, invite.id);
    room.markErased(nodeId);
    room.change((doc) => eraseNode(doc, nodeId, { actor, origin: 'erasure' }), invite.id, [
      { target: 'node', id: nodeId, change: 'erased', fields: [] },
    ]);
    const contacts = rooms.acquire(protectedRoom(invite.mapId));
    try {
      contacts.markErased(nodeId);
      contacts.change((doc) => removeContact(doc, nodeId, 'erasure'), invite.id, []);
      contacts.compact(true);
    } finally {
      rooms.release(contacts);
    }
    room.compact(true);
    storage.scrub();
    log.info('person erased', { mapId: invite.mapId, by: invite.id });
    return { ok: true };
  } finally {
    rooms.release(room);
  }
}
