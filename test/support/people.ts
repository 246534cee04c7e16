/** Test support: a named person joining a map with a stock client, as their invite's actor. */
import type * as Y from 'yjs';
import { type OpContext, type Role, newItemStatus } from '../../schema/index.js';
import { hashToken } from '../../server/auth.js';
import { type TestClient, connectClient, synced } from './clients.js';
import type { TestServer } from './server.js';

export interface Person {
  client: TestClient;
  doc: Y.Doc;
  token: string;
  /** Stamps changes as the invite's person; a contributor's new items are proposals. */
  ctx: OpContext;
  /** Close codes the server sent this person's connection. */
  closes: number[];
}

/** Invites `name` with `role`, connects a stock client (tracked in `clients`) and waits for sync. */
export async function join(
  server: TestServer,
  clients: TestClient[],
  mapId: string,
  role: Role,
  name: string,
): Promise<Person> {
  const token = server.invite(mapId, role, name);
  const invite = server.app.storage.findInviteByTokenHash(hashToken(token))!;
  const client = connectClient(server.wsUrl, mapId, token);
  clients.push(client);
  const closes: number[] = [];
  client.provider.on('connection-close', (e: CloseEvent | null) => {
    if (e) closes.push(e.code);
  });
  await synced(client);
  return {
    client,
    doc: client.doc,
    token,
    ctx: { actor: { id: invite.id, name }, status: newItemStatus({ role, id: invite.id }) },
    closes,
  };
}
