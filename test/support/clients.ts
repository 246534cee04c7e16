/** Test support: stock y-websocket clients and raw sockets against the server. */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock WebsocketProvider, exactly as the issue prescribes: serverUrl …/sync, room = map id, params.token. */
export function connectClient(wsUrl: string, mapId: string, token: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsUrl, mapId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    // In one process, the BroadcastChannel would sync clients past the server.
    disableBc: true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function synced(client: TestClient, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync')), timeoutMs);
    const on = (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      client.provider.off('sync', on);
      resolve();
    };
    client.provider.on('sync', on);
  });
}

/** Polls until `check` holds (or throws after the timeout with `what`). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface RawResult {
  status?: number;
  opened: boolean;
  messages: number;
  closeCode?: number;
}

/** Opens a raw socket and reports how the server answered (HTTP status on refusal, bytes received). */
export function rawConnect(url: string, waitMs = 300): Promise<RawResult> {
  return new Promise((resolve) => {
    const result: RawResult = { opened: false, messages: 0 };
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      result.status = res.statusCode;
      res.resume();
      ws.terminate();
      resolve(result);
    });
    ws.on('error', () => resolve(result));
    ws.on('open', () => {
      result.opened = true;
      setTimeout(() => {
        ws.close();
        resolve(result);
      }, waitMs);
    });
    ws.on('message', () => result.messages++);
  });
}

/** Opens a raw socket and resolves once it is open. */
export function openRaw(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}
