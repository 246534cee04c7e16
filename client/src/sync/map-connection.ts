/**
 * The doc/sync layer of the client: one Y.Doc per open map, connected with the stock
 * y-websocket provider. The UI reads the derived, read-only graph and never touches Y types.
 */
import { type Accessor, createSignal } from 'solid-js';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type Graph, SYNC_PATH, type SessionInfo, readGraph } from '../../../schema/index.js';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
}

export interface MapConnection {
  graph: Accessor<Graph>;
  status: Accessor<ConnectionStatus>;
  peers: Accessor<Peer[]>;
  destroy(): void;
}

export function connectMap(session: SessionInfo, token: string): MapConnection {
  const doc = new Y.Doc();
  const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PATH}`;
  const provider = new WebsocketProvider(wsBase, session.mapId, doc, { params: { token } });
  const [graph, setGraph] = createSignal<Graph>(readGraph(doc));
  const [status, setStatus] = createSignal<ConnectionStatus>('connecting');
  const [peers, setPeers] = createSignal<Peer[]>([]);

  // Many updates can arrive in one burst: re-derive the graph once per frame.
  let scheduled = false;
  doc.on('update', () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      setGraph(readGraph(doc));
    });
  });
  provider.on('status', ({ status: s }: { status: string }) => {
    setStatus(s === 'connected' ? 'online' : s === 'connecting' ? 'connecting' : 'offline');
  });
  provider.awareness.setLocalStateField('user', { name: session.actor.name, color: session.color });
  provider.awareness.on('change', () => {
    const list: Peer[] = [];
    for (const [clientId, state] of provider.awareness.getStates()) {
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
      if (clientId === doc.clientID || typeof user?.name !== 'string') continue;
      list.push({ clientId, name: user.name, color: typeof user.color === 'string' ? user.color : '#777' });
    }
    setPeers(list);
  });

  return {
    graph,
    status,
    peers,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
