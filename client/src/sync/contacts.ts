/**
 * The map's protected document on this device: contact details of persons, opened only
 * for roles allowed to see them (the server refuses the others before sending a byte).
 * Kept in its own IndexedDB database, synced through its own provider.
 */
import { type Accessor, createSignal } from 'solid-js';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  type FieldValue,
  type NodeKind,
  type OpContext,
  protectedRoom,
  readContact,
  removeContact,
  setContactDetails,
} from '@schema';

export class ContactsDoc {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private local: IndexeddbPersistence;
  readonly version: Accessor<number>;
  private readonly room: string;

  constructor(mapId: string, wsBase: string, token: string, connect: boolean) {
    this.room = protectedRoom(mapId);
    this.local = new IndexeddbPersistence(`buurtweb:${this.room}`, this.doc);
    this.provider = new WebsocketProvider(wsBase, this.room, this.doc, {
      params: { token },
      connect,
      disableBc: true,
    });
    // Presence goes through the map's own provider; none here.
    this.provider.awareness.setLocalState(null);
    const [version, setVersion] = createSignal(0);
    this.version = version;
    this.doc.on('update', () => setVersion((v) => v + 1));
  }

  /** A node's contact details (reactive through `version`). */
  get(nodeId: string, kind: NodeKind): Record<string, FieldValue> {
    this.version();
    return readContact(this.doc, nodeId, kind);
  }

  set(nodeId: string, kind: NodeKind, patch: Record<string, unknown>, ctx: OpContext, personRole?: string): boolean {
    return setContactDetails(this.doc, nodeId, kind, patch, { ...ctx, personRole });
  }

  remove(nodeId: string): void {
    removeContact(this.doc, nodeId);
  }

  /** Rewrites the local copy from the (garbage-collected) doc: after an erasure. */
  async rewriteLocal(): Promise<void> {
    await this.local.clearData();
    this.local = new IndexeddbPersistence(`buurtweb:${this.room}`, this.doc);
  }

  async clearLocal(): Promise<void> {
    await this.local.clearData();
  }

  disconnect(): void {
    this.provider.disconnect();
  }

  connect(): void {
    this.provider.connect();
  }

  destroy(): void {
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }
}

/** Asks the server to forget a person (owners and editors). */
export async function requestErasure(
  mapId: string,
  token: string,
  nodeId: string,
): Promise<{ ok: true } | { ok: false; status: number; error: string }> {
  try {
    const res = await fetch(`/api/erase?map=${encodeURIComponent(mapId)}&node=${encodeURIComponent(nodeId)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    if (res.ok) return { ok: true };
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    return { ok: false, status: res.status, error: body.error ?? res.statusText };
  } catch {
    return { ok: false, status: 0, error: 'unreachable' };
  }
}
