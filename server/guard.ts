/**
 * The server's write check: it translates a decoded update into the questions of the
 * rules module (schema/rules.ts) and refuses the update when one is answered "no". It
 * runs before the room's doc sees the update, so a refused update is never applied,
 * stored or relayed.
 *
 * An update is a list of new Yjs items plus a set of deleted ids. Each new item hangs
 * under a parent (named, or found through the neighbour it was inserted next to); each
 * deleted id names an item the doc already holds. Following either up to the top gives
 * the entry of `nodes`, `edges` or `meta` it changes.
 *
 * Only the part of the update that the doc can apply now is checked: the structs whose
 * clocks follow on what the doc holds and whose dependencies it has (or that this update
 * brings), found exactly as Yjs's own integration finds them. The rest — structs after a
 * gap, or whose origin the server does not have yet, and deletions of such items — is
 * neither checked nor applied: Yjs keeps it pending, the room takes it out of the doc and
 * holds it for the sender, and it is checked as a whole when a later update makes it
 * applicable (room.ts). `GuardResult.reach` says how far each client's clock may go, so
 * the room can make sure the doc applied nothing that was not checked.
 *
 * What is judged is each entry as it is after the update: a node's kind and keys are
 * taken together from what the doc holds (unless this update deletes it) and what the
 * update writes, so contact details are refused in whatever order kind and keys arrive.
 */
import * as Y from 'yjs';
import { type OwnedItem, type Principal, ROOT, mapDocMayHold, may } from '../schema/index.js';

export type GuardResult =
  | {
      ok: true;
      /** For every client of the update: the clock its state may reach once the checked part is applied. */
      reach: Map<number, number>;
    }
  | { ok: false; reason: string };

/** Where an item sits: the root it is under and the top-level key of that root. */
interface Place {
  root: string;
  key: string | null;
  /** The item is the top-level value itself (it creates or replaces `key`). */
  direct: boolean;
  /** The top-level item of an existing entry (undefined for entries new in this update). */
  top?: Y.Item;
}

/** What this update writes into one existing entry (keys of its own map, with their new values). */
interface EntryWrites {
  root: string;
  key: string;
  target: Y.Map<unknown>;
  writes: Map<string, unknown[]>;
}

type Struct = Y.Item | Y.GC | Y.Skip;

class Refused extends Error {}

export interface GuardOptions {
  /** Ids of erased items: nothing may bring them back (or link to them). */
  erased?: ReadonlySet<string>;
}

/** Checks the applicable part of one update against what `actor` (role and invite id) may change. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, actor: Principal, opts: GuardOptions = {}): GuardResult {
  const check = new UpdateCheck(doc, update, actor, opts.erased ?? new Set());
  try {
    check.run();
    return { ok: true, reach: check.reach };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.message };
    throw err;
  }
}

/** Whether every client's state in `doc` stays within what the check allowed (nothing unchecked was applied). */
export function withinReach(doc: Y.Doc, reach: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of reach) if (Y.getState(doc.store, client) > clock) return false;
  return true;
}

class UpdateCheck {
  private readonly store: Y.Doc['store'];
  private readonly structs: Struct[];
  private readonly ds: { clients: Map<number, { clock: number; len: number }[]> };
  /** The update's structs per client, in clock order. */
  private readonly byClient = new Map<number, Struct[]>();
  /** Per client of the update: the end of the part the doc can apply now. */
  readonly reach = new Map<number, number>();
  private readonly places = new Map<Struct, Place | null>();
  private children: Map<string, Y.Item[]> | undefined;
  private readonly parentKeys = new Map<Y.Item, string | null>();
  private readonly writes = new Map<string, EntryWrites>();

  constructor(
    private readonly doc: Y.Doc,
    update: Uint8Array,
    private readonly actor: Principal,
    private readonly erased: ReadonlySet<string>,
  ) {
    this.store = doc.store;
    const decoded = Y.decodeUpdate(update) as unknown as {
      structs: Struct[];
      ds: { clients: Map<number, { clock: number; len: number }[]> };
    };
    this.structs = decoded.structs;
    this.ds = decoded.ds;
    for (const s of this.structs) {
      let list = this.byClient.get(s.id.client);
      if (!list) this.byClient.set(s.id.client, (list = []));
      list.push(s);
    }
  }

  private may(q: Parameters<typeof may>[1]): boolean {
    return may(this.actor, q);
  }

  run(): void {
    const fresh = this.applicableItems();
    if (!this.may({ act: 'write' }) && fresh.length) throw new Refused('viewers cannot change the map');
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
      // A mention of an erased person (the id attribute of a mention in a note), from a
      // device that had not seen the erasure: it would carry her name back in its label.
      if (item.parentSub === 'id' && !place.direct && this.erased.has(valueOf(item) as string)) {
        throw new Refused('this item was erased and cannot be mentioned');
      }
      this.checkWrite(place, item);
      if (place.direct && !place.top && (place.root === ROOT.nodes || place.root === ROOT.edges)) {
        created.set(item, place);
      }
    }
    for (const [item, place] of created) this.checkCreated(item, place);
    for (const entry of this.writes.values()) this.checkEntryAfter(entry);
    this.checkDeletes();
  }

  /**
   * The update's items the doc can integrate now, found as Yjs's integration finds them:
   * per client, the structs from the doc's clock on, up to a gap or to a struct whose
   * origin, right origin or parent (on another client) neither the doc nor the applicable
   * part of the update holds. Sets `reach`.
   */
  private applicableItems(): Y.Item[] {
    const out: Y.Item[] = [];
    const stateOf = (client: number) => this.reach.get(client) ?? Y.getState(this.store, client);
    for (const client of this.byClient.keys()) this.reach.set(client, Y.getState(this.store, client));
    const next = new Map<number, number>();
    /** Clients waiting for another client's clock to move on. */
    const waiting = new Map<number, number[]>();
    const queue = [...this.byClient.keys()];
    while (queue.length) {
      const client = queue.pop()!;
      const list = this.byClient.get(client)!;
      let i = next.get(client) ?? 0;
      let advanced = false;
      while (i < list.length) {
        const s = list[i]!;
        const state = stateOf(client);
        const end = s.id.clock + s.length;
        if (end <= state) {
          i++; // already known: a resent copy
          continue;
        }
        if (s instanceof Y.Skip || s.id.clock > state) break; // a gap this update does not fill
        const blocked = s instanceof Y.Item ? missingDependency(s, stateOf) : null;
        if (blocked !== null) {
          let list2 = waiting.get(blocked);
          if (!list2) waiting.set(blocked, (list2 = []));
          list2.push(client);
          break;
        }
        this.reach.set(client, end);
        if (s instanceof Y.Item) out.push(s);
        advanced = true;
        i++;
      }
      next.set(client, i);
      if (advanced) {
        for (const w of waiting.get(client) ?? []) queue.push(w);
        waiting.delete(client);
      }
    }
    return out;
  }

  /** The applicable struct of this update that contains `id`, if any. */
  private inUpdate(id: Y.ID): Struct | undefined {
    if (id.clock >= (this.reach.get(id.client) ?? 0)) return undefined;
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
        if (!(s instanceof Y.Item)) return missing();
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
    if (!(s instanceof Y.Item)) return missing();
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

  /** Whether the entry an existing place belongs to is live (not replaced or deleted). */
  private live(place: Place): Y.Map<unknown> | undefined {
    if (!place.top || place.top.deleted || place.key === null) return undefined;
    const value = this.doc.getMap(place.root).get(place.key);
    return value instanceof Y.Map ? value : undefined;
  }

  private checkWrite(place: Place, item: Y.Item): void {
    if (place.root === ROOT.meta) return this.checkSetting(place);
    const all = this.may({ act: 'changeAll' });
    if (place.root !== ROOT.nodes && place.root !== ROOT.edges) {
      if (!all) throw new Refused('contributors can only change items and links');
      return;
    }
    if (place.direct) {
      if (place.key === null) {
        if (!all) throw new Refused('a list where items and links belong in a map');
        return;
      }
      // Writing a top-level key replaces whatever is there.
      const existing = this.doc.getMap(place.root).get(place.key);
      if (existing !== undefined) this.checkMayChange(existing, place);
      return;
    }
    if (!place.top) return; // inside an entry new in this update: checked as a whole
    const target = this.live(place);
    if (!target) return; // inside a deleted or replaced entry: integrates as deleted
    this.checkMayChange(target, place);
    if (!this.isDirectChild(item, place)) return; // deeper, e.g. in its note
    const key = this.subOf(item);
    if (key === null) return;
    const value = valueOf(item);
    if (!this.may({ act: 'writeKey', item: owned(target), key, value })) {
      throw new Refused(
        key === 'status'
          ? 'contributors cannot confirm items'
          : 'contributors cannot change who created or confirmed an item',
      );
    }
    // Judged with the entry as it is after the update (checkEntryAfter).
    const id = `${place.root}/${place.key!}`;
    let entry = this.writes.get(id);
    if (!entry) this.writes.set(id, (entry = { root: place.root, key: place.key!, target, writes: new Map() }));
    if (!this.deletedHere(item)) {
      let values = entry.writes.get(key);
      if (!values) entry.writes.set(key, (values = []));
      values.push(value);
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

  private checkMayChange(value: unknown, place: Place): void {
    if (this.may({ act: 'changeAll' })) return;
    if (!(value instanceof Y.Map)) throw new Refused(`contributors cannot change ${place.root}/${place.key}`);
    if (!this.may({ act: 'change', item: owned(value) })) {
      throw new Refused(
        value.get('status') !== 'proposed'
          ? 'contributors cannot change confirmed items'
          : 'contributors cannot change another person’s proposal',
      );
    }
  }

  /**
   * An existing entry this update writes into, as it will be afterwards: what the doc
   * holds (less what this update deletes) together with what the update writes. Contact
   * details of persons belong in the protected document, never in the map's; a link
   * never ends at an erased item.
   */
  private checkEntryAfter(entry: EntryWrites): void {
    const after = new Map<string, unknown[]>();
    const current = (entry.target as unknown as { _map: Map<string, Y.Item> })._map;
    for (const [key, item] of current) {
      if (!item.deleted && !this.deletedHere(item)) after.set(key, [valueOf(item)]);
    }
    for (const [key, values] of entry.writes) after.set(key, [...(after.get(key) ?? []), ...values]);
    this.checkValues(entry.root, after);
  }

  /** The values an entry (new or changed) ends with, judged as a whole. */
  private checkValues(root: string, values: Map<string, unknown[]>): void {
    if (root === ROOT.nodes) {
      const kinds = values.get('kind') ?? [];
      for (const key of values.keys()) {
        if (!mapDocMayHold(kinds, key)) throw new Refused('contact details belong in the protected document');
      }
    }
    if (root === ROOT.edges) {
      for (const end of [...(values.get('from') ?? []), ...(values.get('to') ?? [])]) {
        if (typeof end === 'string' && this.erased.has(end)) throw new Refused('this item was erased');
      }
    }
  }

  /**
   * A new item or link: judged as a whole (checkValues); a contributor's must be a
   * proposal, stamped with their own invite and not confirmed.
   */
  private checkCreated(item: Y.Item, place: Place): void {
    // Made and deleted again before it reached the server: it integrates as deleted
    // (replacing the key's value, which checkWrite asked about).
    if (item.content instanceof Y.ContentDeleted) return;
    if (!(item.content instanceof Y.ContentType)) {
      // A foreign layout (readers hide and report it) is an editor's right; not a contributor's.
      if (!this.may({ act: 'changeAll' })) throw new Refused(`${place.root}/${place.key} is not an item`);
      return;
    }
    const values = new Map<string, unknown[]>();
    for (const s of this.childrenOf(item)) {
      if (this.deletedHere(s)) continue;
      const key = this.subOf(s);
      if (key === null) continue;
      let list = values.get(key);
      if (!list) values.set(key, (list = []));
      list.push(valueOf(s));
    }
    this.checkValues(place.root, values);
    const last = (key: string) => values.get(key)?.at(-1);
    const status = last('status');
    const createdBy = last('createdBy');
    const confirmed = values.has('verifiedBy') || values.has('verifiedAt');
    if (!this.may({ act: 'createAs', status, createdBy, confirmed })) {
      throw new Refused(
        status !== 'proposed'
          ? 'a contributor’s new item must be a proposal'
          : confirmed
            ? 'a proposal cannot be confirmed by its creator'
            : 'a new item must be stamped with its creator’s invite',
      );
    }
  }

  /** The update's applicable items directly inside the type a new item holds (indexed once per update). */
  private childrenOf(item: Y.Item): Y.Item[] {
    if (!this.children) {
      this.children = new Map();
      // In update order, so a neighbour's parent is known before the items inserted next to it.
      for (const s of this.structs) {
        if (!(s instanceof Y.Item) || s.id.clock >= (this.reach.get(s.id.client) ?? 0)) continue; // not applicable now
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

  /** Whether this update deletes the item (its first clock is in the update's delete set). */
  private deletedHere(s: Y.Item): boolean {
    const ranges = this.ds.clients.get(s.id.client);
    return !!ranges?.some((r) => r.clock <= s.id.clock && s.id.clock < r.clock + r.len);
  }

  /**
   * Deleted ids the doc holds: each must be something the actor may change. Ids in the
   * applicable part of the update are its own new items; ids beyond it are not deleted
   * now (Yjs keeps them pending) and are checked when they become applicable.
   */
  private checkDeletes(): void {
    for (const [client, ranges] of this.ds.clients) {
      const known = Y.getState(this.store, client);
      for (const { clock, len } of ranges) {
        let c = clock;
        while (c < Math.min(clock + len, known)) {
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
    if (!this.may({ act: 'setting', key: place.key ?? '' })) {
      throw new Refused(
        this.may({ act: 'settings' })
          ? 'only owners can change this setting'
          : 'contributors cannot change the map settings',
      );
    }
  }

  private checkDelete(place: Place): void {
    if (!this.may({ act: 'write' })) throw new Refused('viewers cannot change the map');
    if (place.root === ROOT.meta) return this.checkSetting(place);
    if (this.may({ act: 'changeAll' })) return;
    if (place.root !== ROOT.nodes && place.root !== ROOT.edges) {
      throw new Refused('contributors can only change items and links');
    }
    const target = place.direct ? place.top!.content.getContent()[0] : this.live(place);
    if (place.direct || target) this.checkMayChange(target, place);
  }
}

/**
 * The client on which an item still waits (its origin, right origin or parent on another
 * client, beyond that client's state), as Yjs's Item.getMissing decides; null if none.
 */
function missingDependency(item: Y.Item, stateOf: (client: number) => number): number | null {
  const parent = item.parent instanceof Y.ID ? item.parent : null;
  for (const dep of [item.origin, item.rightOrigin, parent]) {
    if (dep && dep.client !== item.id.client && dep.clock >= stateOf(dep.client)) return dep.client;
  }
  return null;
}

/**
 * An applicable item that refers to something neither the doc nor the applicable part of
 * the update holds: only a forged update does that (Yjs would fail on it halfway).
 */
function missing(): never {
  throw new Refused('the update refers to changes that do not exist');
}

/** The provenance facts of an entry, for the rules. */
function owned(entry: Y.Map<unknown>): OwnedItem {
  return { status: entry.get('status'), createdBy: entry.get('createdBy') as OwnedItem['createdBy'] };
}

/** The plain value a map item holds (the last, for a multi-value item). */
function valueOf(item: Y.Item): unknown {
  const content = item.content.getContent();
  return content[content.length - 1];
}
