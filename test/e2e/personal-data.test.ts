/**
 * Issue 6 in browsers, as people would do it: a viewer never sees contact details; an
 * editor forgets a person while a colleague's laptop is offline — the person disappears
 * everywhere, from the server's database files, and from the offline laptop when it comes
 * back (also after a reload, also from its local copy); a device removes its copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../schema/index.js';
import { createDemoMap } from '../../server/demo.js';
import {
  browserCases,
  screenshot,
  connectionStatus as status,
  itemPanel as panel,
  itemRow as row,
  selectRow as select,
} from '../support/browser.js';

const MAP = 'wijk';
const PERSON = { name: 'Fatima Benhaddou', phone: '06-0000 0001', email: 'f.benhaddou@buurtteams.example.org' };

describe('personal data in the browser', () => {
  // Nothing here uses the app without a server: no service worker (see BrowserCasesOptions).
  const e2e = browserCases({ serviceWorkers: 'block' });
  // The demo map under another id, on this case's own server: its data directory holds this map only.
  beforeEach(() => createDemoMap(e2e.server.app.storage, MAP));

  const person = (role: Role, name: string) => e2e.openAsPerson({ id: MAP, name: 'Kanaleneiland-Zuid' }, role, name);

  function databaseBytes(): Buffer {
    const dir = e2e.server.cfg.dataDir;
    return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
  }
  function expectForgotten(bytes: Buffer, where: string) {
    for (const s of [PERSON.name, PERSON.phone, PERSON.email]) {
      expect(bytes.includes(Buffer.from(s)), `${s} in ${where}`).toBe(false);
    }
  }
  /** Every byte this page's IndexedDB databases hold for the map (its local copy). */
  async function localBytes(p: Page): Promise<Buffer> {
    const chunks = await p.evaluate(async () => {
      const out: number[][] = [];
      for (const info of await indexedDB.databases()) {
        if (!info.name?.startsWith('buurtweb:')) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(info.name!);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const values = await new Promise<unknown[]>((resolve, reject) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
          for (const v of values) {
            if (v instanceof Uint8Array) out.push(Array.from(v));
            else out.push(Array.from(new TextEncoder().encode(JSON.stringify(v))));
          }
        }
        db.close();
      }
      return out;
    });
    return Buffer.concat(chunks.map((c) => Buffer.from(c)));
  }

  it('shows contact details to an editor and never to a viewer', async () => {
    const editor = await person('editor', 'Esther');
    const viewer = await person('viewer', 'Vera');
    await select(editor.page, PERSON.name);
    await panel(editor.page).getByRole('link', { name: PERSON.phone }).waitFor();
    await select(viewer.page, PERSON.name);
    await panel(viewer.page).getByText('alleen zichtbaar voor eigenaren en redacteuren').waitFor();
    expect(await panel(viewer.page).getByText(PERSON.phone).count()).toBe(0);
    expect((await localBytes(viewer.page)).includes(Buffer.from(PERSON.phone))).toBe(false);
    expect((await localBytes(viewer.page)).includes(Buffer.from(PERSON.name))).toBe(true);
    await screenshot(viewer.page, 'issue6-viewer-no-contact-details');
  });

  it('records a resident with consent and retention only, and lists residents past their date', async () => {
    const { page: editor } = await person('editor', 'Esther');
    await editor.getByRole('button', { name: 'Nieuw: Persoon' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Nieuw: Persoon' });
    await dialog.getByLabel('Naam').fill('Nadia Buurvrouw');
    expect(await dialog.getByLabel('Functie').count()).toBe(1);
    await dialog.getByLabel('Rol').selectOption({ label: 'Sleutelfiguur (bewoner)' });
    // Only what may be recorded about residents: no function, e-mail or home address.
    for (const gone of ['Functie', 'E-mail', 'Huisadres']) expect(await dialog.getByLabel(gone).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    // Consent and retention are required for residents.
    await expect.poll(() => dialog.getByText('Dit veld is verplicht.').count()).toBeGreaterThan(0);
    await dialog.getByLabel('Toestemming om op de kaart te staan').selectOption({ label: 'Ja, gegeven' });
    await dialog.getByLabel('Toestemming vastgelegd op').fill('2026-11-20');
    await dialog.getByLabel('Bewaren tot').fill('2027-11-20');
    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    await dialog.waitFor({ state: 'detached' });
    await panel(editor).getByText('Toestemming vastgelegd door Esther').waitFor();
    // The demo's Yusuf was to be kept until 1 October 2026: listed for review.
    await editor.getByRole('button', { name: /^Actueel houden/ }).click();
    const residents = editor.getByRole('list', { name: 'Bewoners: toestemming en bewaartermijn' });
    await residents
      .getByRole('listitem')
      .filter({ hasText: 'Yusuf Aktaşlı' })
      .getByText(/bewaardatum verstreken/)
      .waitFor();
    expect(await residents.getByText('Nadia Buurvrouw').count()).toBe(0);
    await screenshot(editor, 'issue6-resident-review');
    await editor.getByRole('button', { name: /^Actueel houden/ }).click();
  });

  it('forgets a person everywhere, also on a laptop that was offline', async () => {
    const editor = await person('editor', 'Esther');
    const viewer = await person('viewer', 'Vera');
    const laptop = await person('editor', 'Joost');
    await select(laptop.page, PERSON.name);
    await panel(laptop.page).getByRole('link', { name: PERSON.phone }).waitFor();
    expect((await localBytes(laptop.page)).includes(Buffer.from(PERSON.phone))).toBe(true);

    // The laptop goes offline (a home visit) ...
    await laptop.context.setOffline(true);
    await expect.poll(() => status(laptop.page)).toContain('Offline');

    // ... while Esther forgets the person.
    await select(editor.page, PERSON.name);
    await panel(editor.page).getByRole('button', { name: 'Vergeet deze persoon' }).click();
    const dialog = editor.page.getByRole('alertdialog', { name: 'Persoon vergeten' });
    await dialog.getByText('kan niet ongedaan worden gemaakt').waitFor();
    await screenshot(editor.page, 'issue6-erase-confirm');
    await dialog.getByRole('button', { name: 'Definitief vergeten' }).click();
    await editor.page.getByText('De persoon is vergeten.').waitFor();
    await expect.poll(() => row(editor.page, PERSON.name).count()).toBe(0);
    await expect.poll(() => row(viewer.page, PERSON.name).count()).toBe(0);
    expectForgotten(databaseBytes(), 'the database files');
    expect(await row(laptop.page, PERSON.name).count()).toBe(1); // still on the offline laptop

    // The laptop comes back: the person goes, and does not come back anywhere.
    await laptop.context.setOffline(false);
    await expect.poll(() => status(laptop.page), { timeout: 15_000 }).toContain('Online');
    await expect.poll(() => row(laptop.page, PERSON.name).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await localBytes(laptop.page)).includes(Buffer.from(PERSON.name))).toBe(false);
    expectForgotten(await localBytes(laptop.page), 'the laptop’s local copy');
    await laptop.page.reload();
    await laptop.page.getByRole('heading', { name: 'Kanaleneiland-Zuid' }).waitFor();
    await expect.poll(() => status(laptop.page)).toContain('Online');
    expect(await row(laptop.page, PERSON.name).count()).toBe(0);
    await laptop.page.getByRole('combobox', { name: 'Zoeken' }).fill('Benhaddou');
    await new Promise((r) => setTimeout(r, 500));
    expect(await laptop.page.getByRole('option', { name: /Benhaddou/ }).count()).toBe(0);
    expectForgotten(databaseBytes(), 'the database files after the laptop came back');
    for (const p of [editor.page, viewer.page]) expect(await row(p, PERSON.name).count()).toBe(0);
    await screenshot(laptop.page, 'issue6-laptop-after-erasure');
  });

  it('removes the map from this device', async () => {
    const { page: viewer } = await person('viewer', 'Vera');
    await viewer.getByRole('button', { name: 'Verwijder van dit apparaat' }).click();
    const dialog = viewer.getByRole('alertdialog', { name: 'Kaart van dit apparaat verwijderen' });
    await dialog.getByRole('button', { name: 'Verwijderen van dit apparaat' }).click();
    await expect.poll(() => viewer.url()).not.toContain('/map/');
    const names = await viewer.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(names.filter((n) => n?.startsWith('buurtweb:'))).toEqual([]);
    expect(await viewer.evaluate(() => localStorage.getItem('buurtweb.maps'))).toBe('[]');
    expect(await viewer.getByText('Kanaleneiland-Zuid').count()).toBe(0);
  });
});
