/**
 * Issue 12 in the browser: an activity feed people can read. Typing in a note is one
 * entry with its count, beside a rename, in a colleague's open "Activiteit" tab; older
 * pages on request; and the "since" presets filter the feed.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  type ActivityEntry,
  type OpContext,
  createNode,
  nodesMap,
  updateNode,
  verifyNode,
} from '../../schema/index.js';
import { createMap } from '../../server/maps.js';
import { DB_FILE } from '../../server/sqlite-storage.js';
import { DEFAULTS as FEED } from '../../client/src/map/review/activity-feed.js';
import { browserCases, screenshot, itemPanel as panel, selectRow } from '../support/browser.js';

const MAP = 'zuid';
const MAP_NAME = 'Wijk Zuid';
const POLL = { timeout: 15_000 };
const DAY = 86_400_000;
const ESTHER = 'Esther (buurtteam)';
const FENNA = 'Fenna (makelaar)';

describe('the activity feed (issue 12)', () => {
  const e2e = browserCases();

  function createZuid(): void {
    createMap(e2e.server.app.storage, MAP, MAP_NAME, (doc) => {
      const ctx: OpContext = { actor: { id: 'import', name: 'Gemeente (import)' }, origin: 'seed' };
      createNode(doc, { kind: 'organisation', label: 'Buurtteam Zuid', fields: { orgType: 'team_social' } }, ctx);
      createNode(doc, { kind: 'place', label: 'Buurthuis De Kroon' }, ctx);
      createNode(doc, { kind: 'place', label: 'Bibliotheek Zuid' }, ctx);
      createNode(doc, { kind: 'place', label: 'Speeltuin Het Hofje' }, ctx);
    });
  }
  async function open(name: string, opts: { token?: string; viewport?: { width: number; height: number } } = {}) {
    const { page } = await e2e.openAsPerson({ id: MAP, name: MAP_NAME }, 'editor', name, opts);
    return page;
  }
  const review = (p: Page) => p.getByRole('region', { name: 'Actueel houden' });
  const feed = (p: Page) => review(p).getByRole('list', { name: 'Activiteit' });
  const openActivity = async (p: Page) => {
    if (!(await review(p).isVisible())) await p.getByRole('button', { name: /^Actueel houden/ }).click();
    await review(p).getByRole('tab', { name: 'Activiteit' }).click();
    await feed(p).or(review(p).getByText('Geen activiteit die hierbij past.')).waitFor();
  };
  /** The feed as the server has it, as `token`'s person sees it. */
  async function serverFeed(token: string, query = ''): Promise<ActivityEntry[]> {
    const res = await fetch(`${e2e.server.app.url}/api/activity?map=${MAP}${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { entries: ActivityEntry[] }).entries;
  }
  function idIn(doc: Y.Doc, label: string): string {
    for (const [id, n] of nodesMap(doc)) if (n.get('label') === label) return id;
    throw new Error(`no ${label}`);
  }
  /** As if an entry had been made `daysAgo` days ago: the server stamps its own clock. */
  function backdate(seq: number, daysAgo: number): void {
    const db = new Database(path.join(e2e.server.cfg.dataDir, DB_FILE));
    try {
      const at = Date.now() - daysAgo * DAY;
      db.prepare('UPDATE activity SET at = ?, first_at = ? WHERE seq = ?').run(at, at, seq);
    } finally {
      db.close();
    }
  }

  it('shows typing in a note as one entry with its count, beside a rename, in a colleague’s open tab', async () => {
    createZuid();
    const esther = await open(ESTHER);
    const fennaToken = e2e.server.invite(MAP, 'editor', FENNA);
    const fenna = await open(FENNA, { token: fennaToken, viewport: { width: 1280, height: 720 } });
    await openActivity(fenna);

    // Esther writes in the note of Buurtteam Zuid, character by character, in the real editor.
    await selectRow(esther, 'Buurtteam Zuid');
    await panel(esther).getByRole('heading', { name: 'Buurtteam Zuid' }).waitFor();
    const note = panel(esther)
      .getByRole('textbox', { name: /Notitie/ })
      .locator('.ProseMirror');
    await note.click();
    await esther.keyboard.type('Spreekuur op dinsdag in De Kroon.', { delay: 40 });
    // …and renames another item.
    await selectRow(esther, 'Buurthuis De Kroon');
    await panel(esther).getByRole('button', { name: 'Bewerken' }).click();
    const form = panel(esther).getByRole('form', { name: 'Buurthuis De Kroon bewerken' });
    await form.getByLabel('Naam').fill('Buurthuis De Kroon (Zuid)');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });

    // The server's entries once the rename is in: one for the note, with its count.
    let noteEntry: ActivityEntry | undefined;
    await expect
      .poll(async () => {
        const entries = await serverFeed(fennaToken);
        noteEntry = entries.find((e) => e.change === 'note');
        return entries.some((e) => e.change === 'updated' && e.fields.includes('label'));
      }, POLL)
      .toBe(true);
    expect(noteEntry!.count).toBeGreaterThan(5);

    // Fenna's tab, open all along, follows: one note entry with that count (from when to when
    // if the typing went past a minute), and the rename.
    const notes = feed(fenna).getByRole('listitem').filter({ hasText: 'schreef in de notitie van' });
    const sentence = new RegExp(
      `^${ESTHER.replace(/[()]/g, '\\$&')} schreef in de notitie van Buurtteam Zuid, ${noteEntry!.count}×( \\(\\d{1,2}:\\d{2}–\\d{1,2}:\\d{2}\\))?$`,
    );
    await expect
      .poll(async () => (await notes.locator('.activity-text').allTextContents()).map((s) => s.trim()), POLL)
      .toEqual([expect.stringMatching(sentence)]);
    await feed(fenna)
      .getByRole('listitem')
      .filter({ hasText: `${ESTHER} wijzigde Naam van Buurthuis De Kroon (Zuid)` })
      .waitFor();
    // Newest first: the rename came after the last keystroke.
    const texts = await feed(fenna).locator('.activity-text').allTextContents();
    expect(texts[0]).toContain('wijzigde Naam van');
    expect(texts[1]).toContain('schreef in de notitie van');
    await feed(fenna).scrollIntoViewIfNeeded();
    await screenshot(fenna, 'issue12-activity-1280x720');

    // The item is a button to it.
    await feed(fenna).getByRole('button', { name: 'Buurtteam Zuid' }).click();
    await panel(fenna).getByRole('heading', { name: 'Buurtteam Zuid' }).waitFor();
  });

  it('pages back past the newest entries, and the presets filter the feed', async () => {
    createZuid();
    // Fenna's day on another device: a check of the library ten days ago, of the playground
    // three days ago, and today more than a page of checks of the community centre.
    const fenna = await e2e.join(MAP, 'editor', FENNA);
    const ctx = (i: number): OpContext => ({ ...fenna.ctx, now: () => Date.now() + i });
    verifyNode(fenna.doc, idIn(fenna.doc, 'Bibliotheek Zuid'), ctx(0));
    verifyNode(fenna.doc, idIn(fenna.doc, 'Speeltuin Het Hofje'), ctx(1));
    const kroon = idIn(fenna.doc, 'Buurthuis De Kroon');
    const today = FEED.page + 10;
    for (let i = 0; i < today; i++) verifyNode(fenna.doc, kroon, ctx(2 + i));
    await expect.poll(async () => (await serverFeed(fenna.token, '&limit=500')).length, POLL).toBe(today + 2);
    const all = await serverFeed(fenna.token, '&limit=500');
    backdate(all.at(-1)!.seq, 10);
    backdate(all.at(-2)!.seq, 3);

    const esther = await open(ESTHER, { viewport: { width: 1280, height: 720 } });
    await openActivity(esther);
    const rows = feed(esther).getByRole('listitem');
    await expect.poll(() => rows.count(), POLL).toBe(FEED.page);
    const library = rows.filter({ hasText: `${FENNA} bevestigde dat dit klopt: Bibliotheek Zuid` });
    const playground = rows.filter({ hasText: `${FENNA} bevestigde dat dit klopt: Speeltuin Het Hofje` });
    expect(await library.count()).toBe(0);

    // Older changes, by keyboard: appended below, and then there are none.
    const older = review(esther).getByRole('button', { name: 'Oudere wijzigingen laden' });
    await older.focus();
    await esther.keyboard.press('Enter');
    await expect.poll(() => rows.count(), POLL).toBe(today + 2);
    await library.waitFor();
    await playground.waitFor();
    const last = (await rows.locator('.activity-text').allTextContents()).at(-1);
    expect(last).toContain('Bibliotheek Zuid');
    const none = review(esther).getByRole('status').filter({ hasText: 'Er zijn geen oudere wijzigingen.' });
    await none.waitFor();
    expect(await older.count()).toBe(0);
    // The keyboard's focus stayed where the button was.
    expect(await none.evaluate((el) => el === document.activeElement)).toBe(true);
    await none.scrollIntoViewIfNeeded();
    await screenshot(esther, 'issue12-activity-older-1280x720');

    // The presets, reachable from the date's button by Tab, with a visible focus.
    const presets = review(esther).getByRole('group', { name: 'Snel kiezen' });
    await review(esther).getByRole('button', { name: 'Markeren' }).focus();
    await esther.keyboard.press('Tab');
    const focused = await esther.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return {
        name: el.textContent,
        visible: el.matches(':focus-visible'),
        outline: getComputedStyle(el).outlineStyle,
      };
    });
    expect(focused).toEqual({ name: 'Sinds gisteren', visible: true, outline: 'solid' });
    await esther.keyboard.press('Enter');
    const yesterday = presets.getByRole('button', { name: 'Sinds gisteren' });
    await expect.poll(() => yesterday.getAttribute('aria-pressed'), POLL).toBe('true');
    await expect.poll(() => rows.count(), POLL).toBe(today);
    expect(await playground.count()).toBe(0);
    await review(esther)
      .getByText(/^Alleen wijzigingen sinds /)
      .waitFor();

    const week = presets.getByRole('button', { name: 'Afgelopen week' });
    await week.click();
    await expect.poll(() => rows.count(), POLL).toBe(today + 1);
    await playground.waitFor();
    expect(await library.count()).toBe(0);
    expect(await yesterday.getAttribute('aria-pressed')).toBe('false');
    expect(await week.getAttribute('aria-pressed')).toBe('true');
    await feed(esther).scrollIntoViewIfNeeded();
    await screenshot(esther, 'issue12-activity-presets-1280x720');
    // Pressed again: off, everything again.
    await week.click();
    await expect.poll(() => rows.count(), POLL).toBe(today + 2);
    expect(await week.getAttribute('aria-pressed')).toBe('false');

    // Since my previous visit: Fenna's checks were all made before it.
    await esther.reload();
    await esther.getByRole('heading', { name: MAP_NAME }).waitFor();
    await openActivity(esther);
    await presets.getByRole('button', { name: /^Sinds mijn vorige bezoek \(/ }).click();
    await review(esther).getByText('Geen activiteit die hierbij past.').waitFor();
  });

  it('shows the tab on a phone', async () => {
    createZuid();
    const fenna = await e2e.join(MAP, 'editor', FENNA);
    const team = idIn(fenna.doc, 'Buurtteam Zuid');
    // Three quick corrections of one field: one entry, 3×.
    for (const phone of ['030 123 45 60', '030 123 45 67', '030 123 45 68']) {
      updateNode(fenna.doc, team, { fields: { phone } }, fenna.ctx);
    }
    await expect.poll(async () => (await serverFeed(fenna.token))[0]?.count, POLL).toBe(3);
    const esther = await open(ESTHER, { viewport: { width: 390, height: 844 } });
    // The phone layout is not settled (the item panel lies over the review panel's tabs):
    // the tab is chosen by keyboard, as a keyboard user would.
    await esther.getByRole('button', { name: /^Actueel houden/ }).click();
    await review(esther).getByRole('tab', { name: 'Verouderd' }).focus();
    await esther.keyboard.press('End');
    await esther.keyboard.press('Enter');
    await expect
      .poll(() => review(esther).getByRole('tab', { name: 'Activiteit' }).getAttribute('aria-selected'), POLL)
      .toBe('true');
    await feed(esther)
      .getByRole('listitem')
      .filter({ hasText: `${FENNA} wijzigde Telefoon van Buurtteam Zuid, 3×` })
      .waitFor();
    await feed(esther).scrollIntoViewIfNeeded();
    await screenshot(esther, 'issue12-activity-390x844');
  });
});
