/**
 * The server's write rules, checked on the decoded update before the room's doc sees it:
 * a refused update is never applied, stored or relayed.
 *
 * An update is a list of new Yjs items plus a set of deleted ids. Each new item hangs
 * under a parent (named, or found through the neighbour it was inserted next to); each
 * deleted id names an item the doc already holds. Following either up to the top gives
 * the entry of `nodes`, `edges` or `meta` it changes. The rules (schema/permissions.ts):
 * - contributors may create items and links, which must be proposals stamped with their
 *   own invite; they may change or delete only their own open proposals (never make them
 *   confirmed) and nothing in `meta`;
 * - editors may do everything but change owner-only settings (the freshness period);
 * - owners may do everything else; viewers nothing (a viewer's resent copy of what the
 *   server already has is fine: it changes nothing);
 * - for everyone: no contact details of persons in the map document (they live in the
 *   protected one, schema/protected.ts), and nothing that brings back an erased item.
 * An update a contributor sends that depends on items the server doesn't have can't be
 * checked, so it is refused too (the client then starts again from the server's state).
 */
import * as Y from 'yjs';
import { OWNER_SETTINGS, ROOT, type Role, protectedFields } from '../schema/index.js';

export type GuardResult = { ok: true } | { ok: false; reason: string };

/** Where an item sits: the root it is under and the top-level key of that root. */
interface Place {
  root: string;
  key: string | null;
  /** The item is the top-level value itself (it creates or replaces `key`). */
  direct: boolean;
  /** The top-level item of an existing entry (undefined for entries new in this update). */
  top?: Y.Item;
}

type Struct = Y.Item | Y.GC | Y.Skip;

const PERSON_CONTACT_KEYS = new Set(protectedFields('person'));

const PROTECTED_PROVENANCE = new Set(['createdBy', 'createdAt', 'verifiedBy', 'verifiedAt']);

class Refused extends Error {}

export interface GuardOptions {
  /** Ids of erased items: nothing may bring them back (or link to them). */
  erased?: ReadonlySet<string>;
}

/** Checks one update against what `role` (with invite `actorId`) may change. */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  role: Role,
  actorId: string,
  opts: GuardOptions = {},
): GuardResult {
  try {
    new UpdateCheck(doc, update, role, actorId, opts.erased ?? new Set()).run();
    return { ok: true };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.message };
    throw err;
  }
}

class UpdateCheck {
  private readonly store: Y.Doc['store'];
  private readonly structs: Struct[];
  private readonly ds: { clients: Map<number, { clock: number; len: number }[]> };
  /** The update's structs per client, in clock order. */
  private readonly byClient = new Map<number, Struct[]>();
  private readonly places = new Map<Struct, Place | null>();
  private children: Map<string, Y.Item[]> | undefined;
  private readonly parentKeys = new Map<Y.Item, string | null>();
  /** Contributors and viewers: every part of the update must be resolved and checked. */
  private readonly contributor: boolean;
  private readonly viewer: boolean;
  private readonly owner: boolean;

  constructor(
    private readonly doc: Y.Doc,
    update: Uint8Array,
    role: Role,
    private readonly actorId: string,
    private readonly erased: ReadonlySet<string>,
  ) {
    this.store = doc.store;
    const decoded = Y.decodeUpdate(update) as unknown as {
      structs: Struct[];
      ds: { clients: Map<number, { clock: number; len: number }[]> };
    };
    this.structs = decoded.structs;
    this.ds = decoded.ds;
    this.viewer = role === 'viewer';
    this.owner = role === 'owner';
    this.contributor = role === 'contributor' || this.viewer;
    for (const s of this.structs) {
      let list = this.byClient.get(s.id.client);
      if (!list) this.byClient.set(s.id.client, (list = []));
      list.push(s);
    }
  }

  run(): void {
    const fresh = this.newItems();
    if (this.viewer && fresh.length) throw new Refused('viewers cannot change the map');
    // New top-level entries: collected to check what they hold.
    const created = new Map<Y.Item, Place>();
    for (const item of fresh) {
      const place = this.placeOfNew(item);
      if (!place) continue; // attached to garbage: integrates as garbage
      // Also a write into the erased item itself (from a device that was offline): its
      // copy is superseded, not merged back in.
      if (place.key !== null && this.erased.has(place.key) && place.root !== ROOT.meta) {
        throw new Refused('this item was erased and cannot come back');
      }
      this.checkWrite(place, item);
      if (place.direct && !place.top && (place.root === ROOT.nodes || place.root === ROOT.edges)) {
        created.set(item, place);
      }
    }
    for (const [item, place] of created) this.checkCreated(item, place);
    this.checkDeletes();
  }

  /** Items of the update the doc doesn't have yet; refuses gaps for contributors. */
  private newItems(): Y.Item[] {
    const out: Y.Item[] = [];
    for (const [client, list] of this.byClient) {
      let expected = Y.getState(this.store, client);
      for (const s of list) {
        const end = s.id.clock + s.length;
        if (end <= expected) continue; // already known: a resent copy
        if (s instanceof Y.Skip || s.id.clock > expected) {
          if (this.contributor) throw new Refused('the update depends on changes the server does not have');
          break;
        }
        expected = end;
        if (s instanceof Y.Item) out.push(s);
      }
    }
    return out;
  }

  /** The struct of this update that contains `id`, if any. */
  private inUpdate(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    // Binary search: a client's structs are in clock order (a 5,000-item import has ~55,000).
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  /** The item of the doc that contains `id`, if the doc has it. */
  private inDoc(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock >= Y.getState(this.store, id.client)) return undefined;
    return Y.getItem(this.store, id) as Y.Item | Y.GC;
  }

  private placeOfNew(item: Y.Item): Place | null {
    if (this.places.has(item)) return this.places.get(item)!;
    this.places.set(item, null); // guards against cycles in a forged update
    let place: Place | null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      place = { root: parent, key: item.parentSub, direct: true };
    } else if (parent instanceof Y.ID) {
      place = this.placeInside(parent);
    } else {
      const neighbour = item.origin ?? item.rightOrigin;
      if (!neighbour) throw new Refused('an item without a parent');
      const inDoc = this.inDoc(neighbour);
      if (inDoc) {
        const p = this.placeOfExisting(inDoc);
        // Next to a top-level value, the item is a new top-level value of its own.
        place = p && (p.direct ? { root: p.root, key: p.key, direct: true } : p);
      } else {
        const s = this.inUpdate(neighbour);
        if (!(s instanceof Y.Item)) return this.missing();
        const p = this.placeOfNew(s);
        // A neighbour's place is ours, with the key it was written under.
        place = p && { ...p };
      }
    }
    if (place && place.direct && place.key === null) place.key = this.subOf(item);
    this.places.set(item, place);
    return place;
  }

  /** The map key of a new item inserted next to others (map values chain through origin). */
  private subOf(item: Y.Item): string | null {
    if (item.parentSub !== null) return item.parentSub;
    const o = item.origin;
    if (!o) return null;
    const inDoc = this.inDoc(o);
    if (inDoc instanceof Y.Item) return inDoc.parentSub;
    const s = this.inUpdate(o);
    return s instanceof Y.Item && s !== item ? this.subOf(s) : null;
  }

  /** The place of something inside the type that the item `id` holds. */
  private placeInside(id: Y.ID): Place | null {
    const inDoc = this.inDoc(id);
    if (inDoc) {
      if (!(inDoc instanceof Y.Item) || !(inDoc.content instanceof Y.ContentType)) return null; // garbage
      const type = inDoc.content.type;
      const p = this.placeOfExisting(inDoc);
      return p && type ? { ...p, direct: false } : null;
    }
    const s = this.inUpdate(id);
    if (!(s instanceof Y.Item)) return this.missing();
    const p = this.placeOfNew(s);
    return p && { ...p, direct: false };
  }

  /** The place of an item the doc holds (its top-level entry). */
  private placeOfExisting(item: Y.Item | Y.GC): Place | null {
    if (!(item instanceof Y.Item)) return null;
    let top = item;
    for (;;) {
      const parent = top.parent as Y.AbstractType<unknown> | null;
      if (!parent) return null;
      if (parent._item === null) {
        return { root: Y.findRootTypeKey(parent), key: top.parentSub, direct: top === item, top };
      }
      top = parent._item;
    }
  }

  private missing(): null {
    if (this.contributor) throw new Refused('the update depends on changes the server does not have');
    return null;
  }

  /** Whether the entry an existing place belongs to is live (not replaced or deleted). */
  private live(place: Place): Y.Map<unknown> | undefined {
    if (!place.top || place.top.deleted || place.key === null) return undefined;
    const value = this.doc.getMap(place.root).get(place.key);
    return value instanceof Y.Map ? value : undefined;
  }

  private checkWrite(place: Place, item: Y.Item): void {
    if (place.root === ROOT.meta) return this.checkSetting(place);
    if (!this.contributor) {
      if (place.root === ROOT.nodes && place.top && !place.direct) {
        const target = this.live(place);
        if (target && this.isDirectChild(item, place)) this.checkContactKey(target, this.subOf(item));
      }
      return;
    }
    if (place.root !== ROOT.nodes && place.root !== ROOT.edges) {
      throw new Refused('contributors can only change items and links');
    }
    if (place.direct) {
      if (place.key === null) throw new Refused('a list where items and links belong in a map');
      // Writing a top-level key replaces whatever is there.
      const existing = this.doc.getMap(place.root).get(place.key);
      if (existing !== undefined) this.checkMayChange(existing, place);
      return;
    }
    if (!place.top) return; // inside an entry new in this update: checked as a whole
    const target = this.live(place);
    if (!target) return; // inside a deleted or replaced entry: integrates as deleted
    this.checkMayChange(target, place);
    // Inside their own proposal: not its confirmation or original stamps.
    if (this.isDirectChild(item, place)) {
      const key = this.subOf(item);
      if (key !== null) this.checkOwnKey(key, item);
      if (place.root === ROOT.nodes) this.checkContactKey(target, key);
    }
  }

  /** Whether the item is a value of the entry's own map (not deeper, e.g. in its note). */
  private isDirectChild(item: Y.Item, place: Place): boolean {
    const parent = item.parent as unknown;
    const topId = place.top!.id;
    if (parent instanceof Y.ID) return parent.client === topId.client && parent.clock === topId.clock;
    const o = item.origin;
    const neighbour = o && this.inDoc(o);
    if (neighbour instanceof Y.Item) return neighbour.parent === (place.top!.content as Y.ContentType).type;
    const s = o && this.inUpdate(o);
    return s instanceof Y.Item ? this.isDirectChild(s, place) : false;
  }

  private checkOwnKey(key: string, item: Y.Item): void {
    if (key === 'status' && valueOf(item) !== 'proposed') throw new Refused('contributors cannot confirm items');
    if (PROTECTED_PROVENANCE.has(key)) throw new Refused('contributors cannot change who created or confirmed an item');
  }

  private checkMayChange(value: unknown, place: Place): void {
    if (!(value instanceof Y.Map)) throw new Refused(`contributors cannot change ${place.root}/${place.key}`);
    const status = value.get('status');
    const createdBy = value.get('createdBy') as { id?: unknown } | undefined;
    if (status !== 'proposed') throw new Refused('contributors cannot change confirmed items');
    if (createdBy?.id !== this.actorId) throw new Refused('contributors cannot change another person’s proposal');
  }

  /** Contact details of persons belong in the protected document, never in the map's. */
  private checkContactKey(node: Y.Map<unknown>, key: string | null): void {
    if (key !== null && node.get('kind') === 'person' && PERSON_CONTACT_KEYS.has(key)) {
      throw new Refused('contact details belong in the protected document');
    }
  }

  /**
   * A new item or link: no contact details in a person, no link to an erased item; a
   * contributor's must be a proposal, stamped with their own invite.
   */
  private checkCreated(item: Y.Item, place: Place): void {
    if (!(item.content instanceof Y.ContentType)) {
      // A foreign layout (readers hide and report it) is an editor's right; not a contributor's.
      if (this.contributor) throw new Refused(`${place.root}/${place.key} is not an item`);
      return;
    }
    const values = new Map<string, unknown>();
    for (const s of this.childrenOf(item)) {
      if (this.deletedHere(s)) continue;
      const key = this.subOf(s);
      if (key !== null) values.set(key, valueOf(s));
    }
    if (place.root === ROOT.nodes && values.get('kind') === 'person') {
      for (const key of values.keys()) {
        if (PERSON_CONTACT_KEYS.has(key)) throw new Refused('contact details belong in the protected document');
      }
    }
    if (place.root === ROOT.edges) {
      for (const end of [values.get('from'), values.get('to')]) {
        if (typeof end === 'string' && this.erased.has(end)) throw new Refused('this item was erased');
      }
    }
    if (!this.contributor) return;
    if (values.get('status') !== 'proposed') throw new Refused('a contributor’s new item must be a proposal');
    const by = values.get('createdBy') as { id?: unknown } | undefined;
    if (by?.id !== this.actorId) throw new Refused('a new item must be stamped with its creator’s invite');
    for (const k of ['verifiedBy', 'verifiedAt']) {
      if (values.has(k)) throw new Refused('a proposal cannot be confirmed by its creator');
    }
  }

  /** The update's items directly inside the type a new item holds (indexed once per update). */
  private childrenOf(item: Y.Item): Y.Item[] {
    if (!this.children) {
      this.children = new Map();
      // In update order, so a neighbour's parent is known before the items inserted next to it.
      for (const s of this.structs) {
        if (!(s instanceof Y.Item)) continue;
        const key = this.parentKeyOf(s);
        if (key === null) continue;
        let list = this.children.get(key);
        if (!list) this.children.set(key, (list = []));
        list.push(s);
      }
    }
    return this.children.get(`${item.id.client}:${item.id.clock}`) ?? [];
  }

  /** The id of the item holding a struct's parent type, if the update says (directly or through a neighbour). */
  private parentKeyOf(s: Y.Item): string | null {
    if (this.parentKeys.has(s)) return this.parentKeys.get(s)!;
    this.parentKeys.set(s, null); // guards against cycles in a forged update
    const parent = s.parent as unknown;
    let key: string | null = null;
    if (parent instanceof Y.ID) key = `${parent.client}:${parent.clock}`;
    else if (s.origin) {
      const n = this.inUpdate(s.origin);
      if (n instanceof Y.Item && n !== s) key = this.parentKeyOf(n);
    }
    this.parentKeys.set(s, key);
    return key;
  }

  private deletedHere(s: Y.Item): boolean {
    const ranges = this.ds.clients.get(s.id.client);
    return !!ranges?.some((r) => r.clock <= s.id.clock && s.id.clock < r.clock + r.len);
  }

  /** Deleted ids: each must be something the role may change (or the update's own items). */
  private checkDeletes(): void {
    for (const [client, ranges] of this.ds.clients) {
      const known = Y.getState(this.store, client);
      for (const { clock, len } of ranges) {
        const end = clock + len;
        if (end > known) {
          // Ids beyond what the server has: they must be this update's own new items.
          for (let c = Math.max(clock, known); c < end;) {
            const s = this.inUpdate(new Y.ID(client, c));
            if (!s) {
              if (this.contributor) throw new Refused('the update deletes changes the server does not have');
              break;
            }
            c = s.id.clock + s.length;
          }
        }
        if (clock >= known) continue;
        let c = clock;
        while (c < Math.min(end, known)) {
          const s = this.inDoc(new Y.ID(client, c))!;
          c = s.id.clock + s.length;
          if (!(s instanceof Y.Item) || s.deleted) continue;
          const place = this.placeOfExisting(s);
          if (!place) continue;
          this.checkDelete(place);
        }
      }
    }
  }

  /** `meta` holds the map's settings: not a contributor's to change, some only an owner's. */
  private checkSetting(place: Place): void {
    if (this.contributor) throw new Refused('contributors cannot change the map settings');
    if (!this.owner && place.key !== null && (OWNER_SETTINGS as readonly string[]).includes(place.key)) {
      throw new Refused('only owners can change this setting');
    }
  }

  private checkDelete(place: Place): void {
    if (this.viewer) throw new Refused('viewers cannot change the map');
    if (place.root === ROOT.meta) return this.checkSetting(place);
    if (!this.contributor) return;
    if (place.root !== ROOT.nodes && place.root !== ROOT.edges) {
      throw new Refused('contributors can only change items and links');
    }
    const target = place.direct ? place.top!.content.getContent()[0] : this.live(place);
    if (place.direct || target) this.checkMayChange(target, place);
  }
}

/** The plain value a map item holds (the last, for a multi-value item). */
function valueOf(item: Y.Item): unknown {
  const content = item.content.getContent();
  return content[content.length - 1];
}
