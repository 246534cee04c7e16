/**
 * What each role may change. The interface uses these to offer only what is allowed;
 * the server enforces the same rules on every update it receives (server/guard.ts), so a
 * tampered or outdated client can't get around them.
 */
import type { ItemStatus } from './doc.js';
import type { Role } from './wire.js';

/** The provenance facts the rules look at. */
export interface OwnedItem {
  status: ItemStatus;
  createdBy?: { id: string } | undefined;
}

/** Map-level settings only owners may change (the map's name stays editable by editors). */
export const OWNER_SETTINGS = ['freshnessMonths'] as const;

/** The status a new item made with this role gets: a contributor's is a proposal. */
export function newItemStatus(role: Role): ItemStatus {
  return role === 'contributor' ? 'proposed' : 'confirmed';
}

/**
 * Whether `actorId` with `role` may change or delete this item (fields, note, links of
 * its own, position). Contributors may change only their own open proposals.
 */
export function mayChangeItem(role: Role, actorId: string, item: OwnedItem): boolean {
  if (role === 'owner' || role === 'editor') return true;
  if (role === 'contributor') return item.status === 'proposed' && item.createdBy?.id === actorId;
  return false;
}

/** Whether the role may create items, links and notes at all. */
export function mayCreate(role: Role): boolean {
  return role !== 'viewer';
}

/** Confirming or rejecting proposals, and "still correct": editors and owners. */
export function mayConfirm(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** Map settings (freshness period), invites and roles: owners only. */
export function mayChangeSettings(role: Role): boolean {
  return role === 'owner';
}

/** Erasing a person ("forget this person"): owners and editors. */
export function mayErase(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}
