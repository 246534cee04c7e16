/**
 * The doc/sync layer of one open map: the Y.Doc, kept on this device (y-indexeddb) and
 * synced through the stock y-websocket provider; the derived graph the UI reads; every
 * write as a typed operation (origin `ui`); undo of one's own changes only; presence.
 * UI code uses this object and never touches Y types (house rule 2).
 */
import { type Accessor, createSignal } from 'solid-js';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  type CreateNodeInput,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type LinkInput,
  type OpContext,
  OpError,
  ORIGIN,
  SYNC_PATH,
  type SessionInfo,
  type UpdateNodeInput,
  createLinkedNode,
  createNode,
  deleteNode,
  edgesMap,
  link,
  metaMap,
  moveNodes,
  noteOf,
  noteText,
  nodesMap,
  unlink,
  updateEdge,
  updateNode,
  verifyNode,
} from '../../../schema/index.js';
import { GraphStore, type GraphListener } from './graph-store';
import { MentionIndex } from './mention-index';
import type { NoteBinding } from './note-editor';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Someone else with this map open, from awareness. */
export interface PeerPresence {
  clientId: number;
  name: string;
  color: string;
  /** Node ids this person has selected. */
  selection: string[];
}

/** What an action returns: the result, or why it was refused (for a message to the user). */
export type ActionResult<T = void> = { ok: true; value: T } | { ok: false; error: OpError };

export interface MapActions {
  createNode(input: CreateNodeInput): ActionResult<string>;
  /** Creates a node linked to an existing one: one operation, one undo step. */
  createLinkedNode(
    input: CreateNodeInput,
    linkTo: { kind: EdgeKind; other: string; direction?: 'from' | 'to'; fields?: Record<string, unknown> },
  ): ActionResult<{ nodeId: string; edgeId: string }>;
  updateNode(id: string, input: UpdateNodeInput): ActionResult<boolean>;
  verifyNode(id: string): ActionResult;
  deleteNode(id: string): ActionResult;
  link(input: LinkInput): ActionResult<string>;
  updateEdge(id: string, fields: Record<string, unknown>): ActionResult<boolean>;
  unlink(id: string): ActionResult;
  /** A drag by the user ended (never called while dragging): undoable. */
  moveNodes(positions: Record<string, { x: number; y: number }>): ActionResult;
  /** Automatic placement (new items, "tidy up"): shared with everyone, not an undo step. */
  placeNodes(positions: Record<string, { x: number; y: number }>): ActionResult;
}

export interface MapModel {
  readonly session: SessionInfo;
  /** False for viewers: the interface offers no editing. */
  readonly canEdit: boolean;
  readonly store: GraphStore;
  /** Bumps after every change of the graph: read it to make a computation reactive. */
  readonly version: Accessor<number>;
  nodes(): GraphNode[];
  edges(): GraphEdge[];
  node(id: string): GraphNode | undefined;
  mapName(): string;
  /** Incremental changes, for the canvas. */
  subscribe(listener: GraphListener): () => void;
  readonly status: Accessor<ConnectionStatus>;
  /** True once the local copy (IndexedDB) has loaded. */
  readonly localReady: Accessor<boolean>;
  readonly peers: Accessor<PeerPresence[]>;
  readonly selection: Accessor<string[]>;
  setSelection(ids: string[]): void;
  readonly actions: MapActions;
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
  destroy(): void;
}

function attempt<T>(fn: () => T): ActionResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof OpError) return { ok: false, error: err };
    throw err;
  }
}

export interface ConnectOptions {
  /** For tests: no server connection. */
  offline?: boolean;
}

export function openMap(session: SessionInfo, token: string, opts: ConnectOptions = {}): MapModel {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`buurtweb:${session.mapId}`, doc);
  const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PATH}`;
  const provider = new WebsocketProvider(wsBase, session.mapId, doc, {
    params: { token },
    connect: !opts.offline,
    // The BroadcastChannel would let tabs of this browser sync without the server, also
    // tabs of another person's invite on a shared computer: every change goes through the server.
    disableBc: true,
  });
  const store = new GraphStore(doc);
  const [version, setVersion] = createSignal(0);
  const [status, setStatus] = createSignal<ConnectionStatus>('connecting');
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
  const wentOffline = () => provider.disconnect();
  const cameOnline = () => {
    if (!opts.offline) provider.connect();
  };
  window.addEventListener('offline', wentOffline);
  window.addEventListener('online', cameOnline);
  if (!navigator.onLine) provider.disconnect();
  provider.on('status', ({ status: s }: { status: string }) => {
    setStatus(s === 'connected' ? 'online' : s === 'connecting' ? 'connecting' : 'offline');
  });

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

  const ctx: OpContext = { actor: session.actor, origin: ORIGIN.ui };
  const actions: MapActions = {
    createNode: (input) => attempt(() => createNode(doc, input, ctx)),
    createLinkedNode: (input, linkTo) => attempt(() => createLinkedNode(doc, input, linkTo, ctx)),
    updateNode: (id, input) => attempt(() => updateNode(doc, id, input, ctx)),
    verifyNode: (id) => attempt(() => verifyNode(doc, id, ctx)),
    deleteNode: (id) =>
      attempt(() => {
        deleteNode(doc, id, ctx);
        setSelection(selection().filter((x) => x !== id));
      }),
    link: (input) => attempt(() => link(doc, input, ctx)),
    updateEdge: (id, fields) => attempt(() => updateEdge(doc, id, fields, ctx)),
    unlink: (id) => attempt(() => unlink(doc, id, ctx)),
    moveNodes: (positions) => attempt(() => moveNodes(doc, positions, ctx)),
    placeNodes: (positions) => attempt(() => moveNodes(doc, positions, { ...ctx, origin: ORIGIN.layout })),
  };

  function setSelection(ids: string[]): void {
    const unique = [...new Set(ids)];
    setSelectionSignal(unique);
    awareness.setLocalStateField('selection', unique);
  }

  return {
    session,
    canEdit: session.role !== 'viewer',
    store,
    version,
    nodes: () => (version(), [...store.nodes.values()]),
    edges: () => (version(), [...store.edges.values()]),
    node: (id) => (version(), store.nodes.get(id)),
    mapName: () => (version(), store.name || session.mapName),
    subscribe: (l) => store.subscribe(l),
    status,
    localReady,
    peers,
    selection,
    setSelection,
    actions,
    undo: () => undoManager.undo(),
    redo: () => undoManager.redo(),
    canUndo,
    canRedo,
    noteBinding(id) {
      let fragment = noteOf(doc, id);
      if (!fragment && nodesMap(doc).has(id) && session.role !== 'viewer') {
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
    },
    destroy() {
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

export type { EdgeKind };
