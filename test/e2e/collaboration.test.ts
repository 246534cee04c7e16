/**
 * Issue 3's acceptance, as people would do it in two (and three) browsers: live editing
 * both ways, both offline and back, the server down and the page reloaded, a viewer who
 * cannot edit (whose forged writes never arrive, and whose device comes back to the
 * server's state), and map text that stays text.
 */
import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MapHandle } from '@map';
import type { MapActions } from '@sync/actions';
import { type Role, createNode, nodesMap } from '../../schema/index.js';
import { createMap } from '../../server/maps.js';
import {
  browserCases,
  screenshot,
  connectionStatus as status,
  itemPanel as panel,
  itemRow as row,
  selectRow as select,
} from '../support/browser.js';
import { waitFor } from '../support/clients.js';

type TestWindow = { buurtweb: { ui: MapHandle; forge: MapActions } };
const MAP = 'wijk';
const EXISTING = 'Karim Ouali';

describe('working together on one map', () => {
  const e2e = browserCases();
  /** Each case's own map: empty but for EXISTING, a person someone entered before. */
  beforeEach(() =>
    createMap(e2e.server.app.storage, MAP, 'Kanaleneiland-Zuid', (doc) => {
      const seed = { actor: { id: 'import', name: 'Import' }, origin: 'seed' };
      createNode(doc, { kind: 'person', label: EXISTING, fields: { role: 'professional' } }, seed);
    }),
  );

  const person = (role: Role, name: string) => e2e.openAsPerson({ id: MAP, name: 'Kanaleneiland-Zuid' }, role, name);

  /** The labels of the items in a stock client's copy. */
  const labels = (doc: Y.Doc) => [...nodesMap(doc).values()].map((n) => n.get('label'));
  const nodeCount = (p: Page) => p.evaluate(() => (window as unknown as TestWindow).buurtweb.ui.model.nodes().length);

  async function createPerson(p: Page, name: string, role = 'Professional'): Promise<void> {
    await p.getByRole('button', { name: 'Nieuw: Persoon' }).click();
    const dialog = p.getByRole('dialog', { name: 'Nieuw: Persoon' });
    await dialog.getByLabel('Naam').fill(name);
    await dialog.getByLabel('Rol').selectOption({ label: role });
    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('A creates and links; B sees it within 2 s; B renames; A sees it; undo is per person', async () => {
    const a = await person('editor', 'Anna');
    const b = await person('editor', 'Bram');
    await expect.poll(() => status(a.page)).toContain('1 ander hier');
    expect(await a.page.getByRole('list', { name: 'Aanwezig' }).getByText('Bram').count()).toBe(1);

    await createPerson(a.page, 'Fatima Benali');
    await a.page.getByRole('button', { name: 'Nieuw: Organisatie' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Nieuw: Organisatie' });
    await dialog.getByLabel('Naam').fill('Buurtteam Zuid');
    await dialog.getByLabel('Soort organisatie').selectOption({ label: 'Buurtteam sociaal' });
    // Fatima is selected (she was just created): link in the same step.
    await dialog
      .getByRole('group', { name: 'Koppelen aan Fatima Benali' })
      .getByRole('radio', { name: 'Fatima Benali werkt bij Buurtteam Zuid' })
      .check();
    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    const linkedAt = Date.now();

    await row(b.page, 'Buurtteam Zuid').waitFor({ timeout: 2000 });
    await select(b.page, 'Fatima Benali');
    await panel(b.page).getByRole('button', { name: 'Buurtteam Zuid', exact: true }).waitFor({ timeout: 2000 });
    expect(Date.now() - linkedAt).toBeLessThan(2000);

    await panel(b.page).getByRole('button', { name: 'Bewerken', exact: true }).click();
    const form = panel(b.page).getByRole('form', { name: 'Fatima Benali bewerken' });
    await form.getByLabel('Naam').fill('Fatima Benali-Amrani');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await row(a.page, 'Fatima Benali-Amrani').waitFor({ timeout: 2000 });

    // Each person undoes only their own change: A's Ctrl+Z takes back A's last step
    // (the organisation and its link), never B's rename.
    await a.page.getByRole('heading', { name: 'Kanaleneiland-Zuid' }).click();
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => row(b.page, 'Buurtteam Zuid').count()).toBe(0);
    expect(await row(a.page, 'Fatima Benali-Amrani').count()).toBe(1);
    await a.page.keyboard.press('Control+Shift+z');
    await row(b.page, 'Buurtteam Zuid').waitFor();
    await screenshot(a.page, 'issue3-two-people-a');
    await screenshot(b.page, 'issue3-two-people-b');
  });

  it('both go offline, each edits, both reconnect and see all edits', async () => {
    const a = await person('editor', 'Anna');
    const b = await person('editor', 'Bram');
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await expect.poll(() => status(a.page)).toContain('Offline');
    await expect.poll(() => status(b.page)).toContain('Offline');

    await createPerson(a.page, 'Gerrit offline-A', 'Vrijwilliger');
    await createPerson(b.page, 'Hatice offline-B', 'Stagiair');
    await new Promise((r) => setTimeout(r, 500));
    expect(await row(a.page, 'Hatice offline-B').count()).toBe(0);
    expect(await row(b.page, 'Gerrit offline-A').count()).toBe(0);
    await screenshot(a.page, 'issue3-offline');

    await a.context.setOffline(false);
    await b.context.setOffline(false);
    await row(a.page, 'Hatice offline-B').waitFor({ timeout: 10_000 });
    await row(b.page, 'Gerrit offline-A').waitFor({ timeout: 10_000 });
    await expect.poll(() => status(a.page)).toContain('Online');
  });

  it('with the server stopped, a reload still opens the map and takes an edit that syncs after restart', async () => {
    const { page: a } = await person('editor', 'Anna');
    // The service worker holds the app shell once it controls the page.
    await a.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
    const before = await nodeCount(a);
    await e2e.stopServer();

    await a.reload();
    await a.getByRole('heading', { name: 'Kanaleneiland-Zuid' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => nodeCount(a), { timeout: 10_000 }).toBe(before);
    expect(await status(a)).not.toContain('Online');
    await createPerson(a, 'Ilse zonder server', 'Vrijwilliger');
    await screenshot(a, 'issue3-server-down-reloaded');

    await e2e.startServerAgain();
    // Another device sees the edit once Anna's has reconnected.
    const c = await e2e.join(MAP, 'viewer', 'Controle');
    await waitFor(() => labels(c.doc).includes('Ilse zonder server'), 'the edit made without server', 15_000);
  });

  it('a viewer gets no editing controls; its forged writes never arrive and its device starts again', async () => {
    const viewer = await person('viewer', 'Kijker');
    expect(await viewer.page.getByRole('button', { name: 'Nieuw: Persoon' }).count()).toBe(0);
    expect(await viewer.page.getByText('Je kunt deze kaart bekijken, niet bewerken.').count()).toBe(1);
    await select(viewer.page, EXISTING);
    await panel(viewer.page).getByRole('heading', { name: EXISTING }).waitFor();
    expect(
      await panel(viewer.page)
        .getByRole('button', { name: /Bewerken/ })
        .count(),
    ).toBe(0);
    expect(await panel(viewer.page).getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);
    await screenshot(viewer.page, 'issue3-viewer');

    // The viewer's own client refuses to write at all.
    const refused = await viewer.page.evaluate(
      () => (window as unknown as TestWindow).buurtweb.ui.model.actions.createNode({ kind: 'theme', label: 'Nee' }).ok,
    );
    expect(refused).toBe(false);
    // A forged write: the client writes anyway (as a tampered client would).
    const forged = await viewer.page.evaluate(
      () =>
        (window as unknown as TestWindow).buurtweb.forge.createNode({
          kind: 'theme',
          label: 'VERVALST door kijker',
        }).ok,
    );
    expect(forged).toBe(true);
    // The server refuses it (4409): the viewer is told, and starts again from the server's state.
    await viewer.page.getByRole('alert').filter({ hasText: 'je kunt deze kaart alleen bekijken' }).waitFor();
    await expect.poll(() => status(viewer.page), { timeout: 10_000 }).toContain('Online');
    expect(await row(viewer.page, 'VERVALST door kijker').count()).toBe(0);
    // An editor, on another device, goes on working: the viewer's device follows again.
    const editor = await e2e.join(MAP, 'editor', 'Anna');
    createNode(
      editor.doc,
      { kind: 'person', label: 'Jan na de vervalsing', fields: { role: 'professional' } },
      editor.ctx,
    );
    await row(viewer.page, 'Jan na de vervalsing').waitFor();
    expect(labels(editor.doc)).not.toContain('VERVALST door kijker');
    expect(await row(viewer.page, 'VERVALST door kijker').count()).toBe(0);
    const stored = Buffer.concat(e2e.server.app.storage.loadUpdates(MAP).map((u) => Buffer.from(u.data)));
    expect(stored.includes(Buffer.from('VERVALST door kijker'))).toBe(false);
    await screenshot(viewer.page, 'issue5-viewer-start-again');
  });

  it('shows map text as text, never as HTML', async () => {
    const { page: editor } = await person('editor', 'Anna');
    const { page: viewer } = await person('viewer', 'Kijker');
    const dialogs: string[] = [];
    for (const p of [editor, viewer]) {
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    }
    const evil = '<img src=x onerror=alert(1)>';
    await createPerson(editor, evil);
    await viewer.getByRole('gridcell', { name: evil }).waitFor();
    await select(viewer, 'img src=x');
    await panel(viewer).getByRole('heading', { name: evil }).waitFor();
    await new Promise((r) => setTimeout(r, 300));
    expect(dialogs).toEqual([]);
    expect(await viewer.locator('img[src="x"]').count()).toBe(0);
    expect(await editor.locator('img[src="x"]').count()).toBe(0);
    await screenshot(viewer, 'issue3-xss-as-text');
  });
});
