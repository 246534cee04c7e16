/**
 * The server enforces what each role may change, on the decoded update: stock clients
 * holding a contributor's (or editor's, or viewer's) token try what their role may not
 * do. Nothing of it reaches storage or another client; the sender is closed with 4409 and
 * converges back to the server's state once it starts again from it (as our client does).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE,
  confirmProposal,
  createNode,
  deleteNode,
  edgesMap,
  link,
  metaMap,
  nodesMap,
  readGraph,
  setFreshnessMonths,
  setNoteText,
  updateNode,
  type Role,
} from '../../schema/index.js';
import { type TestClient, connectClient, sleep, synced, waitFor } from '../support/clients.js';
import { type Person, join as joinAs } from '../support/people.js';
import { type TestServer, startTestServer } from '../support/server.js';

describe('write rules enforced by the server', () => {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
    server = undefined;
  });

  const join = (role: Role, name: string): Promise<Person> => joinAs(server!, clients, 'wijk', role, name);

  /** What our client does on 4409: drop the local copy and start again from the server. */
  async function startAgain(p: Person): Promise<TestClient> {
    p.client.destroy();
    clients.splice(clients.indexOf(p.client), 1);
    const fresh = connectClient(server!.wsUrl, 'wijk', p.token);
    clients.push(fresh);
    await synced(fresh);
    return fresh;
  }

  function storedBytes(): Buffer {
    return Buffer.concat(server!.app.storage.loadUpdates('wijk').map((r) => Buffer.from(r.data)));
  }

  function serverDoc(): Y.Doc {
    const doc = new Y.Doc();
    for (const r of server!.app.storage.loadUpdates('wijk')) Y.applyUpdate(doc, r.data);
    return doc;
  }

  function canonical(doc: Y.Doc): string {
    const g = readGraph(doc);
    return JSON.stringify({
      nodes: [...g.nodes.values()].sort((a, b) => a.id.localeCompare(b.id)),
      edges: [...g.edges.values()].sort((a, b) => a.id.localeCompare(b.id)),
      fresh: g.freshnessMonths,
    });
  }

  async function setup() {
    server = await startTestServer();
    const editor = await join('editor', 'Esther (buurtteam)');
    const intern = await join('contributor', 'Sanne (stagiair)');
    const other = await join('contributor', 'Tim (stagiair)');
    const confirmed = createNode(editor.client.doc, { kind: 'theme', label: 'Schulden' }, editor.ctx);
    const org = createNode(
      editor.client.doc,
      { kind: 'organisation', label: 'Buurtteam Zuid', fields: { orgType: 'team_social' } },
      editor.ctx,
    );
    await waitFor(() => nodesMap(intern.client.doc).has(org) && nodesMap(other.client.doc).has(org), 'the map');
    const othersProposal = createNode(other.client.doc, { kind: 'theme', label: 'Van Tim' }, other.ctx);
    const internsProposal = createNode(intern.client.doc, { kind: 'theme', label: 'Van Sanne' }, intern.ctx);
    await waitFor(
      () => nodesMap(intern.client.doc).has(othersProposal) && nodesMap(other.client.doc).has(internsProposal),
      'both proposals',
    );
    return { editor, intern, other, confirmed, org, othersProposal, internsProposal };
  }

  it('stores a contributor’s new item and link as proposals, and lets them change their own', async () => {
    const { editor, intern, confirmed, org } = await setup();
    const mine = createNode(intern.client.doc, { kind: 'theme', label: 'Eenzaamheid' }, intern.ctx);
    const edge = link(intern.client.doc, { kind: 'addresses', from: org, to: mine }, intern.ctx);
    await waitFor(() => edgesMap(editor.client.doc).has(edge), 'the proposal at the editor');
    updateNode(intern.client.doc, mine, { label: 'Eenzaamheid bij ouderen' }, intern.ctx);
    setNoteText(intern.client.doc, mine, 'Gehoord bij de huiskamer.', intern.ctx);
    await waitFor(
      () => readGraph(editor.client.doc).nodes.get(mine)?.label === 'Eenzaamheid bij ouderen',
      'the change',
    );
    const g = readGraph(serverDoc());
    expect(g.nodes.get(mine)?.provenance).toMatchObject({ status: 'proposed', createdBy: intern.ctx.actor });
    expect(g.nodes.get(mine)?.provenance.verifiedAt).toBeUndefined();
    expect(g.edges.get(edge)?.provenance.status).toBe('proposed');
    expect(g.nodes.get(confirmed)?.provenance.status).toBe('confirmed');
    // ... and may delete their own proposal again.
    deleteNode(intern.client.doc, mine, intern.ctx);
    await waitFor(() => !nodesMap(editor.client.doc).has(mine), 'the deletion');
    expect(intern.closes).toEqual([]);
  });

  const forbidden: [string, (s: Awaited<ReturnType<typeof setup>>) => void][] = [
    ['edit a confirmed item', (s) => updateNode(s.intern.client.doc, s.confirmed, { label: 'FORGED' }, s.intern.ctx)],
    ['delete a confirmed item', (s) => deleteNode(s.intern.client.doc, s.confirmed, s.intern.ctx)],
    ['write in a confirmed item’s note', (s) => setNoteText(s.intern.client.doc, s.confirmed, 'FORGED', s.intern.ctx)],
    [
      'edit another contributor’s proposal',
      (s) => updateNode(s.intern.client.doc, s.othersProposal, { label: 'FORGED' }, s.intern.ctx),
    ],
    ['delete another contributor’s proposal', (s) => deleteNode(s.intern.client.doc, s.othersProposal, s.intern.ctx)],
    [
      'create an item that is not a proposal',
      (s) =>
        createNode(s.intern.client.doc, { kind: 'theme', label: 'FORGED' }, { ...s.intern.ctx, status: 'confirmed' }),
    ],
    [
      'create a proposal in someone else’s name',
      (s) =>
        createNode(
          s.intern.client.doc,
          { kind: 'theme', label: 'FORGED' },
          { ...s.intern.ctx, actor: s.editor.ctx.actor },
        ),
    ],
    [
      'create a proposal and confirm it in one step',
      (s) =>
        s.intern.client.doc.transact(() => {
          const id = createNode(s.intern.client.doc, { kind: 'theme', label: 'FORGED' }, s.intern.ctx);
          confirmProposal(s.intern.client.doc, { node: id }, s.intern.ctx);
        }),
    ],
    [
      'confirm their own open proposal',
      (s) => confirmProposal(s.intern.client.doc, { node: s.internsProposal }, s.intern.ctx),
    ],
    [
      'replace a confirmed item under its id',
      (s) =>
        s.intern.client.doc.transact(() => {
          const m = new Y.Map<unknown>();
          m.set('kind', 'theme');
          m.set('label', 'FORGED');
          m.set('status', 'proposed');
          m.set('createdBy', s.intern.ctx.actor);
          nodesMap(s.intern.client.doc).set(s.confirmed, m);
        }),
    ],
    ['change the freshness period', (s) => setFreshnessMonths(s.intern.client.doc, 1, s.intern.ctx)],
    ['rename the map', (s) => metaMap(s.intern.client.doc).set('name', 'FORGED')],
    ['write outside the map’s layout', (s) => s.intern.client.doc.getMap('elders').set('x', 'FORGED')],
  ];

  for (const [what, attempt] of forbidden) {
    it(`refuses a contributor who tries to ${what}: nothing stored or relayed, their doc converges back`, async () => {
      const s = await setup();
      const before = canonical(serverDoc());
      const editorBefore = canonical(s.editor.client.doc);
      attempt(s);
      await waitFor(() => s.intern.closes.includes(CLOSE.rejected), 'the refusal (4409)');
      // A later edit by the editor reaches the other contributor: messages flowed past the refusal.
      const later = createNode(s.editor.client.doc, { kind: 'theme', label: 'Later' }, s.editor.ctx);
      await waitFor(() => nodesMap(s.other.client.doc).has(later), 'the later edit');
      await sleep(100);
      expect(storedBytes().includes(Buffer.from('FORGED'))).toBe(false);
      nodesMap(s.editor.client.doc).delete(later);
      await waitFor(() => !nodesMap(s.other.client.doc).has(later), 'cleanup');
      expect(canonical(serverDoc())).toBe(before);
      expect(canonical(s.editor.client.doc)).toBe(editorBefore);
      expect(canonical(s.other.client.doc)).toBe(editorBefore);
      // The contributor starts again from the server's state and holds exactly it.
      const fresh = await startAgain(s.intern);
      expect(canonical(fresh.doc)).toBe(canonical(serverDoc()));
    });
  }

  it('lets only owners change the freshness period; editors may rename the map', async () => {
    server = await startTestServer();
    const editor = await join('editor', 'Esther');
    const owner = await join('owner', 'Olga');
    setFreshnessMonths(editor.client.doc, 3, editor.ctx);
    await waitFor(() => editor.closes.includes(CLOSE.rejected), 'the refusal');
    setFreshnessMonths(owner.client.doc, 12, owner.ctx);
    metaMap(owner.client.doc).set('name', 'Zuid');
    const fresh = await startAgain(editor);
    await waitFor(() => readGraph(fresh.doc).freshnessMonths === 12, 'the owner’s setting');
    metaMap(fresh.doc).set('name', 'Kanaleneiland-Zuid');
    await waitFor(() => readGraph(serverDoc()).name === 'Kanaleneiland-Zuid', 'the editor’s rename');
    expect(readGraph(serverDoc()).freshnessMonths).toBe(12);
  });

  it('refuses a contributor’s change to their proposal once an editor confirmed it', async () => {
    const { editor, intern } = await setup();
    const mine = createNode(intern.client.doc, { kind: 'theme', label: 'Taalles' }, intern.ctx);
    await waitFor(() => nodesMap(editor.client.doc).has(mine), 'the proposal');
    confirmProposal(editor.client.doc, { node: mine }, editor.ctx);
    await waitFor(() => readGraph(intern.client.doc).nodes.get(mine)?.provenance.status === 'confirmed', 'confirmed');
    updateNode(intern.client.doc, mine, { label: 'FORGED' }, intern.ctx);
    await waitFor(() => intern.closes.includes(CLOSE.rejected), 'the refusal');
    expect(storedBytes().includes(Buffer.from('FORGED'))).toBe(false);
    expect(readGraph(serverDoc()).nodes.get(mine)?.provenance).toMatchObject({
      status: 'confirmed',
      verifiedBy: editor.ctx.actor,
    });
  });

  it('refuses a viewer’s write but accepts its resent copy of the map', async () => {
    server = await startTestServer();
    const editor = await join('editor', 'Esther');
    const viewer = await join('viewer', 'Vera');
    createNode(editor.client.doc, { kind: 'theme', label: 'Schulden' }, editor.ctx);
    await waitFor(() => readGraph(viewer.client.doc).nodes.size === 1, 'the map');
    // Reconnecting resends what it holds (sync step 2): nothing new, so it stays connected.
    viewer.client.provider.disconnect();
    viewer.client.provider.connect();
    await synced(viewer.client);
    await sleep(200);
    expect(viewer.closes.filter((c) => c === CLOSE.rejected)).toEqual([]);
    createNode(viewer.client.doc, { kind: 'theme', label: 'FORGED' }, viewer.ctx);
    await waitFor(() => viewer.closes.includes(CLOSE.rejected), 'the refusal');
    expect(storedBytes().includes(Buffer.from('FORGED'))).toBe(false);
    expect(readGraph(editor.client.doc).nodes.size).toBe(1);
  });
});
