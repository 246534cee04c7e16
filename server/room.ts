/**
 * A room is one loaded map: its Y.Doc, its awareness and the peers connected to it.
 * It speaks the standard y-websocket protocol, parsed here by hand (instead of
 * y-protocols' readSyncMessage) so that every update can be checked, stored and only
 * then relayed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE, edgesMap, may, metaMap, migrate, nodesMap, parseRoom } from '../schema/index.js';
import { type ActivityRecord, summarize } from './activity.js';
import { type GuardResult, checkUpdate, withinReach } from './guard.js';
import { log } from './log.js';
import type { InviteRecord, UpdateLog } from './storage.js';

/** Bytes of changes waiting for missing dependencies a room holds per peer before it closes the peer. */
export const MAX_PENDING_BYTES = 64 * 1024;

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** The message broke the protocol: the peer that sent it is closed, nobody else notices. */
export class ProtocolError extends Error {}
/** The update could not be stored: it is neither applied nor relayed. */
export class StorageError extends Error {}

/** One connection, as the room sees it (the transport lives in connection.ts). */
export interface Peer {
  readonly id: number;
  readonly invite: InviteRecord;
  send(message: Uint8Array): void;
  /** Awareness client ids this peer has announced; removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** The per-connection awareness rate limit: false means drop this message. */
  allowAwareness(): boolean;
  /** Ends the connection; the peer handles no more messages after this. */
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  compactEvery: number;
}

/** Returns a sync message carrying one update. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE.sync);
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE.awareness);
  encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(enc);
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** Parses an awareness update, checking that every state is JSON. Throws on malformed input. */
function parseAwareness(update: Uint8Array): AwarenessEntry[] {
  const dec = decoding.createDecoder(update);
  const n = decoding.readVarUint(dec);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(dec);
    const clock = decoding.readVarUint(dec);
    const state = decoding.readVarString(dec);
    JSON.parse(state);
    entries.push({ clientId, clock, state });
  }
  return entries;
}

function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, e.state);
  }
  return encoding.toUint8Array(enc);
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<Peer>();
  /** Set when storage failed and the in-memory doc may hold what storage lacks. */
  broken = false;
  private lastSeq = 0;
  /** Ids of erased items (see guard.ts). */
  private erased = new Set<string>();
  /** Per peer: the part of its updates the doc could not apply yet (see receiveUpdate). */
  private readonly held = new Map<Peer, Uint8Array>();
  private logLength = 0;
  /** Updates the doc emitted during the apply in progress, and its transactions. */
  private captured: Uint8Array[] | null = null;
  private capturedTransactions: Y.Transaction[] = [];

  constructor(
    readonly mapId: string,
    private readonly storage: UpdateLog,
    private readonly opts: RoomOptions,
  ) {
    // Define the roots with their types before any update arrives: a root first created
    // by an incoming update is a generic type, replaced (a new object) on first getMap().
    nodesMap(this.doc);
    edgesMap(this.doc);
    metaMap(this.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => this.captured?.push(update));
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (this.captured) this.capturedTransactions.push(tr);
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const peer = origin as Peer;
        if (this.peers.has(peer)) {
          // A peer owns every id it adds or updates: a returning client's id comes back as
          // `updated` (the server still knows its clock), and must be protected all the same.
          for (const id of added) peer.awarenessIds.add(id);
          for (const id of updated) peer.awarenessIds.add(id);
          for (const id of removed) peer.awarenessIds.delete(id);
        }
        const changed = added.concat(updated, removed);
        if (changed.length) this.broadcast(awarenessMessage(this.awareness, changed));
      },
    );
  }

  /** Loads the stored log, then runs any schema migration the doc needs (stored first, like any update). */
  load(opts: { beforeMigrate?: (doc: Y.Doc) => void; migrate?: boolean } = {}): void {
    const rows = this.storage.loadUpdates(this.mapId);
    try {
      if (rows.length) Y.applyUpdate(this.doc, Y.mergeUpdates(rows.map((r) => r.data)), 'storage');
    } catch {
      // One unreadable row must not make the whole map unreadable: apply them one by one.
      for (const r of rows) {
        try {
          Y.applyUpdate(this.doc, r.data, 'storage');
        } catch (err) {
          log.error('skipping unreadable stored update', { mapId: this.mapId, seq: r.seq, err: String(err) });
        }
      }
    }
    // Stored before the server held unapplied changes apart, a log may carry some that
    // were never checked: they are dropped (the devices that made them send them again).
    const unchecked = this.takePending();
    if (unchecked)
      log.warn('dropped stored changes that wait for missing ones', { mapId: this.mapId, bytes: unchecked.byteLength });
    this.erased = new Set(this.storage.listErasures(parseRoom(this.mapId).mapId));
    this.lastSeq = rows.at(-1)?.seq ?? 0;
    this.logLength = rows.length;
    // The map document's migrations; a protected document has a layout of its own.
    if (opts.migrate === false) return;
    opts.beforeMigrate?.(this.doc);
    const stored = this.applyAndStore(() => migrate(this.doc), null);
    if (stored.length) {
      log.info('migrated map document', { mapId: this.mapId });
      // A migration may remove data from this document (contact details, version 2):
      // compact and scrub so the removed values leave the database files too.
      this.compact(true);
      this.storage.scrub();
    }
  }

  /**
   * Runs `change` against the doc and stores whatever it changed, in one synchronous
   * step: no other message is handled, and nothing is relayed or served, between the
   * change and the commit. Returns the updates to relay ([] if nothing changed).
   * If storage refuses, the room is marked broken and must be reloaded.
   */
  private applyAndStore(
    change: () => void,
    inviteId: string | null,
    activityOverride?: ActivityRecord[],
  ): Uint8Array[] {
    this.captured = [];
    this.capturedTransactions = [];
    let out: Uint8Array[];
    let transactions: Y.Transaction[];
    try {
      change();
    } finally {
      out = this.captured;
      transactions = this.capturedTransactions;
      this.captured = null;
      this.capturedTransactions = [];
    }
    if (out.length === 0) return out;
    let activity: ActivityRecord[] = activityOverride ?? [];
    try {
      if (!activityOverride) activity = transactions.flatMap(summarize);
    } catch (err) {
      // The feed is a record of the change, never a reason to refuse it.
      log.warn('could not summarize a change for the activity feed', { mapId: this.mapId, err: String(err) });
    }
    try {
      const merged = out.length === 1 ? out[0]! : Y.mergeUpdates(out);
      this.lastSeq = this.storage.appendUpdate(this.mapId, merged, inviteId, activity);
      this.logLength++;
    } catch (err) {
      this.broken = true;
      throw new StorageError(`could not store update: ${String(err)}`);
    }
    return out;
  }

  /**
   * A change the server itself makes (an erasure, a migration across documents): applied,
   * stored with `inviteId` as its author and relayed, like a peer's update.
   */
  change(fn: (doc: Y.Doc) => void, inviteId: string | null, activity?: ActivityRecord[]): void {
    const out = this.applyAndStore(() => fn(this.doc), inviteId, activity);
    for (const u of out) this.broadcast(updateMessage(u));
  }

  /** Marks an item erased: updates that would bring it back are refused from now on. */
  markErased(nodeId: string): void {
    this.erased.add(nodeId);
  }

  /** Handles one binary message from a peer. Throws ProtocolError or StorageError. */
  handleMessage(peer: Peer, data: Uint8Array): void {
    let type: number;
    const dec = decoding.createDecoder(data);
    try {
      type = decoding.readVarUint(dec);
    } catch {
      throw new ProtocolError('empty or truncated message');
    }
    switch (type) {
      case MESSAGE.sync:
        return this.handleSync(peer, dec);
      case MESSAGE.awareness:
        if (!peer.allowAwareness()) return;
        return this.handleAwareness(peer, dec);
      case MESSAGE.queryAwareness:
        peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case MESSAGE.auth:
        return; // auth happens before the upgrade; the message is legal but meaningless here
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  private handleSync(peer: Peer, dec: decoding.Decoder): void {
    let sub: number;
    let payload: Uint8Array;
    try {
      sub = decoding.readVarUint(dec);
      payload = decoding.readVarUint8Array(dec);
    } catch {
      throw new ProtocolError('truncated sync message');
    }
    if (sub === syncProtocol.messageYjsSyncStep1) {
      let reply: Uint8Array;
      try {
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, MESSAGE.sync);
        syncProtocol.writeSyncStep2(enc, this.doc, payload);
        reply = encoding.toUint8Array(enc);
      } catch {
        throw new ProtocolError('invalid state vector');
      }
      peer.send(reply);
      return;
    }
    if (sub !== syncProtocol.messageYjsSyncStep2 && sub !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(`unknown sync message type ${sub}`);
    }
    this.receiveUpdate(peer, payload);
  }

  /**
   * Checks, stores, applies and relays one update from a peer. What the doc cannot apply
   * yet (it depends on changes the server does not have) is held for this peer and
   * checked with the rest of its update once it becomes applicable.
   */
  receiveUpdate(peer: Peer, update: Uint8Array): void {
    const held = this.held.get(peer);
    let candidate = update;
    if (held) {
      this.held.delete(peer);
      try {
        candidate = Y.mergeUpdates([held, update]);
      } catch {
        throw new ProtocolError('undecodable update');
      }
    }
    if (this.integrate(peer, candidate)) this.retryHeld();
    if (this.logLength >= this.opts.compactEvery) {
      try {
        this.compact();
      } catch (err) {
        // The log stays as it was: nothing is lost, it is only longer.
        log.warn('compaction failed', { mapId: this.mapId, err: String(err) });
      }
    }
  }

  /**
   * Checks the applicable part of `update` (guard.ts), then applies, stores and relays
   * exactly that part; the rest is taken out of the doc and held for the peer. Returns
   * whether the doc changed.
   */
  private integrate(peer: Peer, update: Uint8Array): boolean {
    let verdict: GuardResult;
    try {
      // The check decodes the update: a malformed one throws here, before the doc sees it.
      verdict = checkUpdate(this.doc, update, peer.invite, { erased: this.erased });
    } catch {
      throw new ProtocolError('undecodable update');
    }
    if (!verdict.ok) {
      // Nothing of it is applied, stored or relayed; the sender starts again from our state.
      log.info('update refused for role', { mapId: this.mapId, role: peer.invite.role, reason: verdict.reason });
      peer.close(CLOSE.rejected, verdict.reason);
      return false;
    }
    // A viewer's update that passed changes nothing (a resent copy): no need to apply it.
    if (!may(peer.invite, { act: 'write' })) return false;
    const reach = verdict.reach;
    let rest: Uint8Array | null = null;
    let out: Uint8Array[];
    try {
      out = this.applyAndStore(() => {
        Y.applyUpdate(this.doc, update, peer);
        rest = this.takePending();
        // The doc must have applied only what was checked; otherwise nothing is stored
        // and the room reloads from storage (below), without the unchecked change.
        if (!withinReach(this.doc, reach)) throw new Error('the doc applied more than was checked');
      }, peer.invite.id);
    } catch (err) {
      if (err instanceof StorageError) throw err;
      // A decodable but inconsistent update may have changed the doc halfway: reload.
      this.broken = true;
      throw new ProtocolError(`update could not be applied: ${String(err)}`);
    }
    for (const u of out) this.broadcast(updateMessage(u), peer);
    const waiting = rest as Uint8Array | null;
    if (waiting) {
      // Held changes cost memory and a merge with each new update from this peer: past a
      // limit the peer is closed and they are dropped (its device keeps them and resends
      // them on reconnecting, when the server answers with what it holds).
      if (waiting.byteLength > MAX_PENDING_BYTES) {
        peer.close(
          CLOSE.malformed,
          `too many changes waiting for ones the server does not have (${waiting.byteLength} bytes)`,
        );
      } else this.held.set(peer, waiting);
    }
    return out.length > 0;
  }

  /**
   * Takes what Yjs could not apply out of the doc (structs waiting for missing ones, and
   * deletions of items it does not have yet), so that it is never applied, served or
   * compacted unchecked. Returns it as one v1 update, or null.
   */
  private takePending(): Uint8Array | null {
    const store = this.doc.store;
    const parts: Uint8Array[] = [];
    if (store.pendingStructs) parts.push(store.pendingStructs.update);
    if (store.pendingDs) parts.push(store.pendingDs);
    store.pendingStructs = null;
    store.pendingDs = null;
    if (parts.length === 0) return null;
    return Y.convertUpdateFormatV2ToV1(parts.length === 1 ? parts[0]! : Y.mergeUpdatesV2(parts));
  }

  /** After the doc changed: the changes held for peers may have become applicable. */
  private retryHeld(): void {
    let progress = true;
    while (progress && this.held.size) {
      progress = false;
      for (const [peer, held] of [...this.held]) {
        this.held.delete(peer);
        if (!this.peers.has(peer)) continue;
        try {
          if (this.integrate(peer, held)) progress = true;
        } catch (err) {
          if (!(err instanceof ProtocolError)) throw err;
          peer.close(CLOSE.malformed, err.message);
          if (this.broken) {
            // Everyone reconnects to a reloaded room (connection.ts drops this one).
            for (const p of [...this.peers]) p.close(CLOSE.goingAway, 'map reloading');
            throw err;
          }
        }
      }
    }
  }

  private handleAwareness(peer: Peer, dec: decoding.Decoder): void {
    let entries: AwarenessEntry[];
    try {
      entries = parseAwareness(decoding.readVarUint8Array(dec));
    } catch {
      throw new ProtocolError('malformed awareness update');
    }
    // Stock clients echo everyone's presence back; a peer may only change its own client
    // ids, so entries for ids another peer owns are dropped (no one can spoof another).
    const own = entries.filter((e) => {
      for (const other of this.peers) if (other !== peer && other.awarenessIds.has(e.clientId)) return false;
      return true;
    });
    for (const e of own) e.clock = this.serverClock(e);
    if (own.length) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwareness(own), peer);
  }

  /**
   * When a client's connection closes, the server removes its presence with a clock one
   * higher than the client's. A client that comes back keeps its id and its old clock, so
   * its presence would be ignored (by the server and every other client) until its clock
   * caught up — tens of seconds of "nobody here". The server takes a returning presence at
   * once with the next clock; the broadcast reaches the sender too, and stock clients adopt
   * a higher clock for their own state, so the clocks agree again from then on.
   */
  private serverClock(e: AwarenessEntry): number {
    const known = this.awareness.meta.get(e.clientId);
    if (known && e.state !== 'null' && !this.awareness.states.has(e.clientId) && e.clock <= known.clock) {
      return known.clock + 1;
    }
    return e.clock;
  }

  /** What a newly connected peer gets: our state vector, then everyone's presence. */
  greet(peer: Peer): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE.sync);
    syncProtocol.writeSyncStep1(enc, this.doc);
    peer.send(encoding.toUint8Array(enc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) peer.send(awarenessMessage(this.awareness, states));
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer);
    this.greet(peer);
  }

  removePeer(peer: Peer): void {
    this.held.delete(peer);
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  broadcast(message: Uint8Array, except?: Peer): void {
    for (const p of this.peers) if (p !== except) p.send(message);
  }

  /**
   * Replaces the stored log by one merged, garbage-collected update. `force` compacts even
   * a one-row log: after an erasure the single row may still hold what was erased.
   */
  compact(force = false): void {
    if (this.broken || (this.logLength <= 1 && !force)) return;
    const merged = Y.encodeStateAsUpdate(this.doc);
    this.storage.compact(this.mapId, this.lastSeq, merged);
    this.logLength = 1;
    log.debug('compacted room', { mapId: this.mapId, bytes: merged.byteLength });
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
