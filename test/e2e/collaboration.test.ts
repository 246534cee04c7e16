/**
 * Issue 3's acceptance, as people would do it in two (and three) browsers: live editing
 * both ways, both offline and back, the server down and the page reloaded, a viewer who
 * cannot edit (whose forged writes never arrive, and whose device comes back to the
 * server's state), and map text that stays text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapUi } from '../../client/src/ui/map/context.js';
import type { Role } from '../../schema/index.js';
import { startApp } from '../../server/app.js';
import { createMap } from '../../server/maps.js';
import {
  launchBrowser,
  openAsPerson,
  requireBuiltClient,
  screenshot,
  connectionStatus as status,
  itemPanel as panel,
  itemRow as row,
  selectRow as select,
} from '../support/browser.js';
import { type TestServer, startTestServer } from '../support/server.js';

type TestWindow = { buurtweb: { ui: MapUi } };
const MAP = 'wijk';

describe('working together on one map', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const person = (role: Role, name: string) =>
    openAsPerson(browser, contexts, server, { id: MAP, name: 'Kanaleneiland-Zuid' }, role, name);

  const nodeCount = (p: Page) => p.evaluate(() => (window as unknown as TestWindow).buurtweb.ui.model.nodes().length);

  async function createPerson(p: Page, name: string, role = 'Professional'): Promise<void> {
    await p.getByRole('button', { name: 'Nieuw: Persoon' }).click();
    const dialog = p.getByRole('dialog', { name: 'Nieuw: Persoon' });
    await dialog.getByLabel('Naam').fill(name);
    await dialog.getByLabel('Rol').selectOption({ label: role });
    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    createMap(server.app.storage, MAP, 'Kanaleneiland-Zuid');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

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
    const [a, b] = contexts.slice(0, 2).map((context) => ({ context, page: context.pages()[0]! }));
    await a!.context.setOffline(true);
    await b!.context.setOffline(true);
    await expect.poll(() => status(a!.page)).toContain('Offline');
    await expect.poll(() => status(b!.page)).toContain('Offline');

    await createPerson(a!.page, 'Gerrit offline-A', 'Vrijwilliger');
    await createPerson(b!.page, 'Hatice offline-B', 'Stagiair');
    await new Promise((r) => setTimeout(r, 500));
    expect(await row(a!.page, 'Hatice offline-B').count()).toBe(0);
    expect(await row(b!.page, 'Gerrit offline-A').count()).toBe(0);
    await screenshot(a!.page, 'issue3-offline');

    await a!.context.setOffline(false);
    await b!.context.setOffline(false);
    await row(a!.page, 'Hatice offline-B').waitFor({ timeout: 10_000 });
    await row(b!.page, 'Gerrit offline-A').waitFor({ timeout: 10_000 });
    await expect.poll(() => status(a!.page)).toContain('Online');
  });

  it('with the server stopped, a reload still opens the map and takes an edit that syncs after restart', async () => {
    const a = contexts[0]!.pages()[0]!;
    // The service worker holds the app shell once it controls the page.
    await a.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
    const before = await nodeCount(a);
    const { port } = server.app;
    const cfg = server.cfg;
    await server.close();

    await a.reload();
    await a.getByRole('heading', { name: 'Kanaleneiland-Zuid' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => nodeCount(a), { timeout: 10_000 }).toBe(before);
    expect(await status(a)).not.toContain('Online');
    await createPerson(a, 'Ilse zonder server', 'Vrijwilliger');
    await screenshot(a, 'issue3-server-down-reloaded');

    const app = await startApp({ ...cfg, port });
    server = { ...server, app, close: () => app.close() };
    const c = await person('viewer', 'Controle');
    await row(c.page, 'Ilse zonder server').waitFor({ timeout: 15_000 });
  });

  it('a viewer gets no editing controls; its forged writes never arrive and its device starts again', async () => {
    const viewer = await person('viewer', 'Kijker');
    const editor = contexts[0]!.pages()[0]!;
    expect(await viewer.page.getByRole('button', { name: 'Nieuw: Persoon' }).count()).toBe(0);
    expect(await viewer.page.getByText('Je kunt deze kaart bekijken, niet bewerken.').count()).toBe(1);
    await select(viewer.page, 'Fatima Benali-Amrani');
    await panel(viewer.page).getByRole('heading', { name: 'Fatima Benali-Amrani' }).waitFor();
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
        (window as unknown as TestWindow).buurtweb.ui.model.forgedActions.createNode({
          kind: 'theme',
          label: 'VERVALST door kijker',
        }).ok,
    );
    expect(forged).toBe(true);
    // The server refuses it (4409): the viewer is told, and starts again from the server's state.
    await viewer.page.getByRole('alert').filter({ hasText: 'je kunt deze kaart alleen bekijken' }).waitFor();
    await expect.poll(() => status(viewer.page), { timeout: 10_000 }).toContain('Online');
    expect(await row(viewer.page, 'VERVALST door kijker').count()).toBe(0);
    await createPerson(editor, 'Jan na de vervalsing');
    await row(viewer.page, 'Jan na de vervalsing').waitFor();
    expect(await row(editor, 'VERVALST door kijker').count()).toBe(0);
    expect(await row(viewer.page, 'VERVALST door kijker').count()).toBe(0);
    const stored = Buffer.concat(server.app.storage.loadUpdates(MAP).map((u) => Buffer.from(u.data)));
    expect(stored.includes(Buffer.from('VERVALST door kijker'))).toBe(false);
    await screenshot(viewer.page, 'issue5-viewer-start-again');
  });

  it('shows map text as text, never as HTML', async () => {
    const editor = contexts[0]!.pages()[0]!;
    const viewer = contexts.at(-1)!.pages()[0]!;
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
