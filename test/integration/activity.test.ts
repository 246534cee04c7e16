/**
 * The activity feed: who changed what and when, derived by the server from the updates
 * it accepted (never from what a client claims), served at /api/activity.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ActivityEntry,
  CLOSE,
  confirmProposal,
  createNode,
  deleteNode,
  moveNodes,
  nodesMap,
  setFreshnessMonths,
  setNoteText,
  updateNode,
  verifyNode,
  type Role,
} from '../../schema/index.js';
import { type TestClient, sleep, waitFor } from '../support/clients.js';
import { type Person, join as joinAs } from '../support/people.js';
import { type TestServer, startTestServer } from '../support/server.js';

describe('activity feed', () => {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
    server = undefined;
  });

  const join = (role: Role, name: string): Promise<Person> => joinAs(server!, clients, 'wijk', role, name);

  async function feed(token: string, query = ''): Promise<ActivityEntry[]> {
    const res = await fetch(`http://127.0.0.1:${server!.app.port}/api/activity?map=wijk${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { entries: ActivityEntry[] }).entries;
  }

  it('lists accepted changes with the right people, newest first, and nothing refused', async () => {
    server = await startTestServer();
    const owner = await join('owner', 'Olga (eigenaar)');
    const editor = await join('editor', 'Esther (buurtteam)');
    const intern = await join('contributor', 'Sanne (stagiair)');
    const viewer = await join('viewer', 'Vera');

    const theme = createNode(editor.doc, { kind: 'theme', label: 'Schulden' }, editor.ctx);
    await waitFor(() => nodesMap(intern.doc).has(theme), 'the theme');
    const proposal = createNode(intern.doc, { kind: 'theme', label: 'Eenzaamheid' }, intern.ctx);
    await waitFor(() => nodesMap(editor.doc).has(proposal), 'the proposal');
    confirmProposal(editor.doc, { node: proposal }, editor.ctx);
    updateNode(editor.doc, theme, { fields: { themeType: 'problem' } }, editor.ctx);
    setNoteText(editor.doc, theme, 'Veel vragen bij het spreekuur.', editor.ctx);
    moveNodes(editor.doc, { [theme]: { x: 10, y: 20 } }, editor.ctx); // layout: not in the feed
    verifyNode(owner.doc, theme, owner.ctx);
    setFreshnessMonths(owner.doc, 12, owner.ctx);
    updateNode(intern.doc, theme, { label: 'Vervalst' }, intern.ctx); // refused
    await waitFor(() => intern.closes.includes(CLOSE.rejected), 'the refusal');
    deleteNode(editor.doc, proposal, editor.ctx);
    await sleep(300);

    const entries = await feed(viewer.token);
    const lines = entries
      .filter((e) => e.target !== 'map' || e.id === 'freshnessMonths')
      .map((e) => `${e.actor?.name} ${e.change} ${e.target}${e.fields.length ? ` [${e.fields.join(',')}]` : ''}`)
      .reverse();
    expect(lines).toEqual([
      'Esther (buurtteam) created node',
      'Sanne (stagiair) proposed node',
      'Esther (buurtteam) confirmed node',
      'Esther (buurtteam) updated node [themeType]',
      'Esther (buurtteam) note node',
      'Olga (eigenaar) verified node',
      'Olga (eigenaar) settings map',
      'Esther (buurtteam) deleted node',
    ]);
    expect(entries.find((e) => e.change === 'proposed')).toMatchObject({ id: proposal, actor: intern.ctx.actor });
    expect(entries.every((e, i) => i === 0 || entries[i - 1]!.seq > e.seq)).toBe(true);
    // Paging and "since": after an entry, and from a moment on.
    const newest = entries[0]!;
    expect(await feed(viewer.token, `&after=${newest.seq}`)).toEqual([]);
    expect((await feed(viewer.token, `&since=${newest.at}`)).map((e) => e.seq)).toContain(newest.seq);
    expect(await feed(viewer.token, `&since=${Date.now() + 60_000}`)).toEqual([]);
  });

  it('counts repeats of one change as one entry, and pages back past the newest', async () => {
    server = await startTestServer();
    const editor = await join('editor', 'Esther (buurtteam)');
    const other = await join('editor', 'Fenna (makelaar)');
    const theme = createNode(editor.doc, { kind: 'theme', label: 'Schulden' }, editor.ctx);
    // Typing in a note: a change per keystroke or two, interleaved with a colleague's.
    for (let i = 1; i <= 12; i++) {
      setNoteText(editor.doc, theme, 'Veel vragen bij het spreekuur'.slice(0, i * 2), editor.ctx);
      if (i === 6) updateNode(other.doc, theme, { label: 'Schulden en post' }, other.ctx);
      await sleep(20);
    }
    await waitFor(() => nodesMap(other.doc).get(theme)?.get('label') === 'Schulden en post', 'the rename');
    await sleep(200);
    const entries = await feed(editor.token);
    const notes = entries.filter((e) => e.change === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ count: 12, actor: editor.ctx.actor, id: theme });
    expect(notes[0]!.firstAt).toBeLessThan(notes[0]!.at);
    // The repeat moved to the top: it is newer than the rename made in the middle of it.
    expect(entries[0]!.change).toBe('note');
    expect(entries.find((e) => e.change === 'updated')).toMatchObject({ count: 1, actor: other.ctx.actor });
    // Paging back: the page before an entry holds exactly the older ones.
    const [newest, ...older] = entries;
    expect((await feed(editor.token, `&before=${newest!.seq}`)).map((e) => e.seq)).toEqual(older.map((e) => e.seq));
    expect(await feed(editor.token, `&before=${entries.at(-1)!.seq}`)).toEqual([]);
  });

  it('refuses the feed without a valid token of the map', async () => {
    server = await startTestServer();
    const other = server.invite('ander', 'editor');
    const base = `http://127.0.0.1:${server.app.port}/api/activity?map=wijk`;
    server.invite('wijk', 'editor');
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(base, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(base, { headers: { Authorization: `Bearer ${other}` } })).status).toBe(403);
  });
});
