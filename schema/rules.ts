/**
 * The rules: every "may this actor, with this role, do this to this item, field or
 * setting" question the app has, answered in one place.
 *
 * - The interface asks them to offer only what is allowed (client/src/sync/role-rules.ts
 *   binds them to the device's session; every enabled or disabled control asks that).
 * - The client's actions ask them before writing (client/src/sync/actions.ts).
 * - The server's guard translates each decoded update into the same questions and
 *   refuses the update when one is answered "no" (server/guard.ts), so a tampered or
 *   outdated client can't get around them.
 * - The server's endpoints (the protected document, export, erasure) ask them too.
 *
 * No other file compares role names: what a role may do is the table `CAPABILITIES`.
 * A new capability (invites, signals) adds a question to `Question` and a column to the
 * table, and both sides pick it up.
 */
import type { ItemStatus } from './doc.js';
import { NODE_KIND_DEFS, isNodeKind } from './kinds.js';
import type { Role } from './wire.js';

/** Who is asking: the role and invite id of a connection or a device's session. */
export interface Principal {
  readonly role: Role;
  /** The invite id: stamped as `createdBy.id` on what this actor makes. */
  readonly id: string;
}

/** The provenance facts the rules look at. */
export interface OwnedItem {
  status: ItemStatus | unknown;
  createdBy?: { id?: unknown } | undefined;
}

/** Map-level settings only owners may change (the map's name stays editable by editors). */
export const OWNER_SETTINGS = ['freshnessMonths'] as const;

/** Provenance keys nobody but an editor or owner may write into an existing item: who made it and who confirmed it. */
export const ORIGINAL_STAMPS = ['createdBy', 'createdAt', 'verifiedBy', 'verifiedAt'] as const;

/** Every question the app asks of the rules. */
export type Question =
  /** Store any change at all (a viewer's connection stores nothing). */
  | { act: 'write' }
  /** Make a new item, link or note (a contributor's are proposals). */
  | { act: 'create' }
  /** The stamps a new item or link is made with (a contributor's: a proposal, stamped with their own invite, unconfirmed). */
  | { act: 'createAs'; status: unknown; createdBy: unknown; confirmed: boolean }
  /** Change or delete this item: its fields, note, position, its own links. */
  | { act: 'change'; item: OwnedItem | undefined }
  /** Change any item whoever made it (no per-item check needed). */
  | { act: 'changeAll' }
  /** Write `key` (to `value`) in this existing item; `change` must hold too. */
  | { act: 'writeKey'; item: OwnedItem; key: string; value: unknown }
  /** Confirm or reject proposals, and "still correct" (verify). */
  | { act: 'confirm' }
  /** Forget a person (erasure, done by the server). */
  | { act: 'erase' }
  /** Change the map setting `key` (in `meta`). */
  | { act: 'setting'; key: string }
  /** Any map setting at all (the settings dialog). */
  | { act: 'settings' }
  /** Receive and change contact details (the protected document). */
  | { act: 'contacts' };

interface Capabilities {
  write: boolean;
  create: boolean;
  /** 'all': every item; 'ownProposals': only their own open proposals; 'none'. */
  change: 'all' | 'ownProposals' | 'none';
  confirm: boolean;
  erase: boolean;
  /** 'all': every setting; 'shared': all but OWNER_SETTINGS; 'none'. */
  settings: 'all' | 'shared' | 'none';
  contacts: boolean;
}

/** What each role may do. The only place role names meet decisions. */
const CAPABILITIES: Record<Role, Capabilities> = {
  owner: {
    write: true,
    create: true,
    change: 'all',
    confirm: true,
    erase: true,
    settings: 'all',
    contacts: true,
  },
  editor: {
    write: true,
    create: true,
    change: 'all',
    confirm: true,
    erase: true,
    settings: 'shared',
    contacts: true,
  },
  /** An intern: makes proposals, changes only their own open ones. */
  contributor: {
    write: true,
    create: true,
    change: 'ownProposals',
    confirm: false,
    erase: false,
    settings: 'none',
    contacts: false,
  },
  viewer: {
    write: false,
    create: false,
    change: 'none',
    confirm: false,
    erase: false,
    settings: 'none',
    contacts: false,
  },
};

/** Answers one question for one actor. Pure: the same inputs give the same answer on every device and the server. */
export function may(actor: Principal, q: Question): boolean {
  const c = CAPABILITIES[actor.role];
  if (!c) return false;
  switch (q.act) {
    case 'write':
      return c.write;
    case 'create':
      return c.create;
    case 'createAs':
      if (!c.create) return false;
      if (c.confirm) return true;
      return q.status === 'proposed' && idOf(q.createdBy) === actor.id && !q.confirmed;
    case 'change':
      return !!q.item && mayChange(c, actor, q.item);
    case 'changeAll':
      return c.change === 'all';
    case 'writeKey':
      if (!mayChange(c, actor, q.item)) return false;
      if (c.change === 'all') return true;
      // Inside their own proposal: not its confirmation, nor who made or confirmed it.
      if (q.key === 'status') return q.value === 'proposed';
      return !(ORIGINAL_STAMPS as readonly string[]).includes(q.key);
    case 'confirm':
      return c.confirm;
    case 'erase':
      return c.erase;
    case 'setting':
      if (c.settings === 'all') return true;
      return c.settings === 'shared' && !(OWNER_SETTINGS as readonly string[]).includes(q.key);
    case 'settings':
      return c.settings !== 'none';
    case 'contacts':
      return c.contacts;
  }
}

function mayChange(c: Capabilities, actor: Principal, item: OwnedItem): boolean {
  if (c.change === 'all') return true;
  if (c.change === 'none') return false;
  return item.status === 'proposed' && idOf(item.createdBy) === actor.id;
}

function idOf(who: unknown): unknown {
  return typeof who === 'object' && who !== null ? (who as { id?: unknown }).id : undefined;
}

/** The status a new item made by this actor gets: a proposal unless they may confirm. */
export function newItemStatus(actor: Principal): ItemStatus {
  return may(actor, { act: 'confirm' }) ? 'confirmed' : 'proposed';
}

/**
 * Whether the map document may hold `key` in a node whose kind, after the change, is one
 * of `kinds` (every value it may end with; `undefined` for none). A person's contact
 * details (the fields marked `protected`) belong in the protected document for every
 * role: such a key may stand only in nodes that are surely of a kind where it is an
 * ordinary field (an organisation's public phone number), never in a person, nor in a
 * node whose kind is missing or unknown — so no order of writes can end in a person
 * holding a phone.
 */
export function mapDocMayHold(kinds: readonly unknown[], key: string): boolean {
  if (!CONTACT_KEYS.has(key)) return true;
  if (kinds.length === 0) return false;
  return kinds.every(
    (k) => isNodeKind(k) && !!NODE_KIND_DEFS[k].fields[key] && !NODE_KIND_DEFS[k].fields[key].protected,
  );
}

/** Every key that is a protected field of some kind. */
const CONTACT_KEYS: ReadonlySet<string> = new Set(
  Object.values(NODE_KIND_DEFS).flatMap((def) =>
    Object.entries(def.fields)
      .filter(([, f]) => f.protected)
      .map(([k]) => k),
  ),
);
