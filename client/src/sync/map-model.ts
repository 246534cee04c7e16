/**
 * The doc/sync layer of one open map: the Y.Doc, kept on this device (y-indexeddb) and
 * synced through the stock y-websocket provider; the derived graph the UI reads; every
 * write as a typed operation (origin `ui`), checked against the role's rules first
 * (role-rules.ts, actions.ts); undo of one's own changes only; presence; the activity
 * feed. When the server refuses an update anyway (close code 4409) the local copy is
 * dropped and `onRejected` lets the page open the map again from the server's state.
 * UI code uses this object and never touches Y types (house rule 2).
 */
import { type Accessor, createSignal } from 'solid-js';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  CLOSE,
  type GraphEdge,
  type GraphNode,
  type OpContext,
  ORIGIN,
  SYNC_PATH,
  type SessionInfo,
  edgesMap,
  metaMap,
  newItemStatus,
  noteOf,
  noteText,
  nodesMap,
} from '@schema';
import { type MapActions, guardActions, rawActions } from './actions';
import { createWithContacts, updateWithContacts, withContacts } from './contact-actions';
import { ContactsDoc, requestErasure } from './contacts';
import { forgetErasureMark, watchContactRemovals, watchErasures } from './erasures';
import { forgetMap } from './session';
import { type ActivityQuery, type ActivityResult, fetchActivity } from './activity';
import { GraphStore, type GraphListener } from './graph-store';
import { MentionIndex } from './mention-index';
import type { NoteBinding } from './note-editor';
import { type RoleRules, roleRules } from './role-rules';
import { exposeForTests } from './test-hooks';
import { keepUndoWithinRole } from './undo-within-role';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Someone else with this map open, from awareness. */
export interface PeerPresence {
  clientId: number;
  name: string;
  color: string;
  /** Node ids this person has selected. */
  selection: string[];
}

export interface MapModel {
  readonly session: SessionInfo;
  /** False for viewers: the interface offers no editing. */
  readonly canEdit: boolean;
  /** What this role may do; the interface offers only that, and `actions` refuse the rest. */
  readonly rules: RoleRules;
  readonly store: GraphStore;
  /** Bumps after every change of the graph: read it to make a computation reactive. */
  readonly version: Accessor<number>;
  nodes(): GraphNode[];
  edges(): GraphEdge[];
  node(id: string): GraphNode | undefined;
  mapName(): string;
  /** The map's freshness period in months. */
  freshnessMonths(): number;
  /** Incremental changes, for the canvas. */
  subscribe(listener: GraphListener): () => void;
  readonly status: Accessor<ConnectionStatus>;
  /** True once the local copy (IndexedDB) has loaded. */
  readonly localReady: Accessor<boolean>;
  readonly peers: Accessor<PeerPresence[]>;
  readonly selection: Accessor<string[]>;
  setSelection(ids: string[]): void;
  readonly actions: MapActions;
  /** The server's activity feed of this map (newest first). */
  activity(query?: ActivityQuery): Promise<ActivityResult>;
  undo(): void;
  redo(): void;
  readonly canUndo: Accessor<boolean>;
  readonly canRedo: Accessor<boolean>;
  /** What the note editor binds to for a node (see note-editor.ts); undefined if it has no note. */
  noteBinding(id: string): NoteBinding | undefined;
  /** The plain text of a node's note (for search). */
  noteText(id: string): string;
  /** Items whose notes mention this one ("mentioned in"). */
  mentionedIn(id: string): GraphNode[];
  /** Removes this map's local copy from the device. */
  clearLocal(): Promise<void>;
  /** Whether this device holds contact details of persons (owners and editors only). */
  readonly maySeeContacts: boolean;
  /** "Forget this person" (owners and editors; needs the server). */
  erase(id: string): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Wipes this map's local copies and the invite from this device, and closes the map. */
  removeFromDevice(): Promise<void>;
  destroy(): void;
}

export interface ConnectOptions {
  /** For tests: no server connection. */
  offline?: boolean;
  /**
   * The server refused a change from this device (close code 4409): it holds changes the
   * server will never accept. The local copy has been removed when this is called; the
   * caller opens the map again (a fresh doc from the server's state) and explains why.
   */
  onRejected?(reason: string): void;
}

export function openMap(session: SessionInfo, token: string, opts: ConnectOptions = {}): MapModel {
  const rules = roleRules({ role: session.role, id: session.actor.id });
  const doc = new Y.Doc();
  let local = new IndexeddbPersistence(`buurtweb:${session.mapId}`, doc);
  const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PATH}`;
  // Contact details come in a second document, which the server sends only to roles
  // allowed to see them (schema/protected.ts): the others never receive them at all.
  const contacts = rules.maySeeContacts
    ? new ContactsDoc(session.mapId, wsBase, token, !opts.offline && navigator.onLine)
    : undefined;
  const provider = new WebsocketProvider(wsBase, session.mapId, doc, {
    params: { token },
    connect: !opts.offline,
    // The BroadcastChannel would let tabs of this browser sync without the server, also
    // tabs of another person's invite on a shared computer: every change goes through the server.
    disableBc: true,
  });
  const store = new GraphStore(doc);
  const [version, setVersion] = createSignal(0);
  // "Verbinden…" only until the first attempt: once one failed (no network, server
  // down) the map says Offline while the provider keeps retrying in the background.
  const [status, setStatus] = createSignal<ConnectionStatus>(
    navigator.onLine && !opts.offline ? 'connecting' : 'offline',
  );
  const [localReady, setLocalReady] = createSignal(false);
  const [peers, setPeers] = createSignal<PeerPresence[]>([]);
  const [selection, setSelectionSignal] = createSignal<string[]>([]);
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);

  const mentions = new MentionIndex(doc, store);
  store.subscribe(() => setVersion((v) => v + 1));
  local.on('synced', () => setLocalReady(true));
  // When the device loses its network, a WebSocket can linger for a minute before it
  // notices: disconnect at once (edits stay local) and reconnect when the network is back.
  let rejected = false;
  const wentOffline = () => {
    provider.disconnect();
    contacts?.disconnect();
    setStatus('offline');
  };
  const cameOnline = () => {
    if (!opts.offline && !rejected) {
      provider.connect();
      contacts?.connect();
    }
  };
  // After an erasure, this device's local copies are rewritten without the person.
  const stopErasures = watchErasures(doc, session.mapId, async () => {
    await local.clearData();
    local = new IndexeddbPersistence(`buurtweb:${session.mapId}`, doc);
    await contacts?.rewriteLocal();
  });
  const stopContactRemovals = contacts ? watchContactRemovals(contacts.doc, () => contacts.rewriteLocal()) : () => {};
  window.addEventListener('offline', wentOffline);
  window.addEventListener('online', cameOnline);
  if (!navigator.onLine) wentOffline();
  // Refused (4409): this doc holds a change the server will never take, and every
  // reconnect would send it again. Stop, drop the local copy, and let the page start again.
  const onClose = (event: CloseEvent | null) => {
    if (event?.code !== CLOSE.rejected || rejected) return;
    rejected = true;
    provider.shouldConnect = false;
    if (contacts) contacts.provider.shouldConnect = false;
    console.warn('The server refused a change from this device; starting again from its state:', event.reason);
    // Both documents start again: a refusal in either means this device's copy is off.
    void Promise.all([local.clearData(), contacts?.clearLocal()]).finally(() => opts.onRejected?.(event.reason));
  };
  provider.on('connection-close', onClose);
  contacts?.provider.on('connection-close', onClose);
  provider.on('status', ({ status: s }: { status: string }) => {
    if (s === 'connected') setStatus('online');
    else if (s === 'connecting')
      setStatus((was) => (was === 'offline' || !navigator.onLine ? 'offline' : 'connecting'));
    else setStatus('offline');
  });
  provider.on('connection-error', () => setStatus('offline'));

  const undoManager = new Y.UndoManager([nodesMap(doc), edgesMap(doc), metaMap(doc)], {
    trackedOrigins: new Set([ORIGIN.ui]),
    captureTimeout: 0,
  });
  const syncUndo = () => {
    setCanUndo(undoManager.canUndo());
    setCanRedo(undoManager.canRedo());
  };
  undoManager.on('stack-item-added', syncUndo);
  undoManager.on('stack-item-popped', syncUndo);
  undoManager.on('stack-cleared', syncUndo);

  const awareness = provider.awareness;
  awareness.setLocalState({
    user: { name: session.actor.name, color: session.color, id: session.actor.id },
    selection: [],
  });
  awareness.on('change', () => {
    const list: PeerPresence[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === doc.clientID) continue;
      const s = state as { user?: { name?: unknown; color?: unknown }; selection?: unknown };
      if (typeof s.user?.name !== 'string') continue;
      const sel = Array.isArray(s.selection) ? s.selection.filter((x): x is string => typeof x === 'string') : [];
      list.push({
        clientId,
        name: s.user.name,
        color: typeof s.user.color === 'string' && /^#[0-9a-f]{6}$/i.test(s.user.color) ? s.user.color : '#777777',
        selection: sel.slice(0, 500),
      });
    }
    setPeers(list);
  });

  // A contributor's new items and links are proposals (the server refuses anything else).
  const ctx: OpContext = { actor: session.actor, origin: ORIGIN.ui, status: newItemStatus(rules.actor) };
  const raw = rawActions(doc, ctx);
  // What a tampered client would send, for the tests of the server's refusal and the start
  // again (test build only): the interface never writes without the role checks.
  exposeForTests('forge', raw);
  const guarded = guardActions(raw, rules, store);
  const contactDeps = {
    contacts,
    ctx,
    node: (id: string) => store.nodes.get(id),
    kindOf: (id: string) => store.nodes.get(id)?.kind,
  };
  const actions: MapActions = {
    ...guarded,
    createNode: (input) =>
      createWithContacts(
        contactDeps,
        input,
        (open) => guarded.createNode(open),
        (id) => id,
      ),
    createLinkedNode: (input, linkTo) =>
      createWithContacts(
        contactDeps,
        input,
        (open) => guarded.createLinkedNode(open, linkTo),
        (r) => r.nodeId,
      ),
    updateNode: (id, input) => updateWithContacts(contactDeps, id, input, (i, open) => guarded.updateNode(i, open)),
    deleteNode: (id) => {
      const r = guarded.deleteNode(id);
      if (r.ok) {
        setSelection(selection().filter((x) => x !== id));
        // A deleted person's contact details go too (undo brings the item back without them).
        contacts?.remove(id);
      }
      return r;
    },
    rejectProposal: (target) => {
      const r = guarded.rejectProposal(target);
      if (r.ok && 'node' in target) setSelection(selection().filter((x) => x !== target.node));
      return r;
    },
  };
  if (!rules.changesAll) keepUndoWithinRole(store, session.actor.id, undoManager);

  function setSelection(ids: string[]): void {
    const unique = [...new Set(ids)];
    setSelectionSignal(unique);
    awareness.setLocalStateField('selection', unique);
  }

  return {
    session,
    canEdit: rules.mayCreate,
    rules,
    store,
    version,
    nodes: () => (version(), [...store.nodes.values()]),
    edges: () => (version(), [...store.edges.values()]),
    node: (id) => {
      version();
      const n = store.nodes.get(id);
      return n && withContacts(n, contacts);
    },
    mapName: () => (version(), store.name || session.mapName),
    freshnessMonths: () => (version(), store.freshnessMonths),
    subscribe: (l) => store.subscribe(l),
    status,
    localReady,
    peers,
    selection,
    setSelection,
    actions,
    activity: (query) => fetchActivity(session.mapId, token, query),
    undo: () => undoManager.undo(),
    redo: () => undoManager.redo(),
    canUndo,
    canRedo,
    noteBinding(id) {
      let fragment = noteOf(doc, id);
      // Only where this role may write: a note is part of its item.
      if (!fragment && nodesMap(doc).has(id) && rules.mayChange(store.nodes.get(id))) {
        // Items from tools that wrote no note get one when someone first writes in it.
        doc.transact(() => nodesMap(doc).get(id)!.set('note', new Y.XmlFragment()), ORIGIN.ui);
        fragment = noteOf(doc, id);
      }
      if (!fragment) return undefined;
      return { fragment, provider, user: { name: session.actor.name, color: session.color } };
    },
    noteText(id) {
      const note = noteOf(doc, id);
      return note ? noteText(note, (m) => store.nodes.get(m)?.label) : '';
    },
    mentionedIn(id) {
      version();
      return mentions.mentionedIn(id).flatMap((n) => store.nodes.get(n) ?? []);
    },
    async clearLocal() {
      await local.clearData();
      await contacts?.clearLocal();
    },
    maySeeContacts: !!contacts,
    async erase(id) {
      const r = await requestErasure(session.mapId, token, id);
      return r.ok ? { ok: true } : { ok: false, error: r.error };
    },
    async removeFromDevice() {
      provider.disconnect();
      contacts?.disconnect();
      await local.clearData();
      await contacts?.clearLocal();
      forgetMap(session.mapId);
      forgetErasureMark(session.mapId);
    },
    destroy() {
      stopErasures();
      stopContactRemovals();
      contacts?.destroy();
      window.removeEventListener('offline', wentOffline);
      window.removeEventListener('online', cameOnline);
      mentions.destroy();
      undoManager.destroy();
      store.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

export type { ActionError, ActionResult, ItemRef, MapActions } from './actions';
export type { RoleRules } from './role-rules';
