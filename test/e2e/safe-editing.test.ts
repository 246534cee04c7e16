/**
 * Issue 12, "nothing destructive by accident": tidying up asks before it moves
 * everyone's items, never piles unlinked items up and is one undo step (also as a
 * colleague sees it); typing in a note is never a shortcut and a mention in it is text;
 * a likely duplicate is warned of before it is created; the shortcut list opens from
 * the keyboard.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type OpContext, type Role, createNode } from '../../schema/index.js';
import { createInvite, inviteUrl } from '../../server/auth.js';
import { DEMO_MAP_NAME, DEMO_NODES } from '../../server/demo-data.js';
import { fillDemo } from '../../server/demo.js';
import { createMap } from '../../server/maps.js';
import { connectionStatus, launchBrowser, requireBuiltClient } from '../support/browser.js';
import { ROOT, type TestServer, startTestServer } from '../support/server.js';

const WAIT = { timeout: 15_000 };
const CANVAS = 'Kaart van items en koppelingen';
const SEED: OpContext = { actor: { id: 'import', name: 'Gemeente (import)' }, origin: 'seed' };
/** Items linked to nothing, added to the demo map (the case that piled everything up). */
const UNLINKED = ['Repair Café Zuid', 'Wijkagent spreekuur', 'Moestuin Het Zonnetje', 'Kledingbank Noord'];
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

type Point = { x: number; y: number };
type Box = { x1: number; y1: number; x2: number; y2: number };

describe('safe editing (issue 12)', () => {
  let server: TestServer;
  let browser: Browser;
  let maps = 0;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A map of its own for each case: the demo map, plus what `extra` adds. */
  function demoMap(extra?: (doc: Y.Doc) => void): string {
    const id = `safe-${++maps}`;
    createMap(server.app.storage, id, DEMO_MAP_NAME, (doc, contacts) => {
      fillDemo(doc, contacts);
      extra?.(doc);
    });
    return id;
  }

  /** `name` opens the map in a browser context of their own and waits until it is online and drawn. */
  async function open(mapId: string, name: string, viewport = DESKTOP, role: Role = 'editor'): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    const { token } = createInvite(server.app.storage, mapId, role, name);
    await page.goto(inviteUrl(server.app.url, mapId, token));
    await page.getByRole('heading', { name: DEMO_MAP_NAME }).waitFor();
    await expect.poll(() => connectionStatus(page), WAIT).toContain('Online');
    await expect
      .poll(() => page.getByRole('application', { name: CANVAS }).getAttribute('data-ready'), WAIT)
      .toBe('true');
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  /** The shared position of every item, as the page's copy of the map has it. */
  const sharedPositions = (page: Page) =>
    page.evaluate(() =>
      Object.fromEntries(window.buurtweb.ui.model.nodes().map((n) => [n.id, n.position] as const)),
    ) as Promise<Record<string, Point | undefined>>;
  /** Each drawn item's box (without its label) and its centre, on the page's canvas. */
  const drawn = (page: Page) =>
    page.evaluate(() =>
      window.buurtweb.cy.nodes().map((n) => ({
        id: n.id(),
        label: String(n.data('label')),
        at: { ...n.position() },
        box: n.boundingBox({ includeLabels: false, includeOverlays: false }),
      })),
    );
  const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const samePlace = (a: Point | undefined, b: Point | undefined) =>
    !!a && !!b && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

  /** Waits until the page draws every item where the shared map has it (done animating). */
  async function settled(page: Page): Promise<void> {
    await expect
      .poll(async () => {
        const shared = await sharedPositions(page);
        return (await drawn(page)).every((n) => samePlace(n.at, shared[n.id]));
      }, WAIT)
      .toBe(true);
  }

  const tidyButton = (p: Page) =>
    p.getByRole('toolbar', { name: 'Werkbalk' }).getByRole('button', { name: /opruimen/i });

  it('tidy up asks first, places unlinked items apart, and one undo puts everything back for everyone', async () => {
    const map = demoMap((doc) => {
      for (const label of UNLINKED)
        createNode(doc, { kind: 'organisation', label, fields: { orgType: 'team_social' } }, SEED);
    });
    const fenna = await open(map, 'Fenna de Vries');
    const esther = await open(map, 'Esther Bakker');
    const count = DEMO_NODES.length + UNLINKED.length;
    await expect
      .poll(async () => Object.values(await sharedPositions(esther)).filter(Boolean).length, WAIT)
      .toBe(count);
    await settled(esther);
    const before = await sharedPositions(esther);

    await tidyButton(fenna).click();
    const question = fenna.getByRole('alertdialog', { name: 'Kaart opruimen?' });
    await question.waitFor();
    expect(await question.textContent()).toContain(`alle ${count} items`);
    // The safe choice has the focus: Enter right away moves nothing.
    await expect.poll(() => fenna.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await shot(fenna, 'safe-tidy-question-1280');
    await question.getByRole('button', { name: 'Annuleren' }).click();
    await fenna.waitForTimeout(500);
    expect(await sharedPositions(esther)).toEqual(before);

    await tidyButton(fenna).click();
    await question.getByRole('button', { name: 'Opruimen' }).click();
    await question.waitFor({ state: 'hidden' });
    await expect.poll(() => tidyButton(fenna).evaluate((el) => el === document.activeElement)).toBe(true);
    // Esther sees everything moved, and no two items on top of each other.
    await expect
      .poll(async () => {
        const now = await sharedPositions(esther);
        return Object.keys(before).filter((id) => !samePlace(now[id], before[id])).length;
      }, WAIT)
      .toBeGreaterThan(count / 2);
    await settled(esther);
    const after = await drawn(esther);
    expect(after).toHaveLength(count);
    const overlapping = [];
    for (let i = 0; i < after.length; i++)
      for (let j = i + 1; j < after.length; j++)
        if (overlap(after[i]!.box, after[j]!.box)) overlapping.push(`${after[i]!.label} / ${after[j]!.label}`);
    expect(overlapping).toEqual([]);
    // The unlinked items are side by side, apart from each other.
    const unlinked = after.filter((n) => UNLINKED.includes(n.label));
    expect(unlinked).toHaveLength(UNLINKED.length);
    await settled(fenna);
    await fenna.waitForTimeout(600); // the fit animation
    await shot(fenna, 'safe-tidy-after-1280');

    // One Ctrl+Z on Fenna's page puts every item back where it was, for Esther too.
    await fenna.keyboard.press('Control+z');
    await expect
      .poll(async () => {
        const now = await sharedPositions(esther);
        return Object.keys(before).filter((id) => !samePlace(now[id], before[id]));
      }, WAIT)
      .toEqual([]);
    // Redo, and then the undo button does the same.
    await fenna.keyboard.press('Control+Shift+z');
    await expect
      .poll(async () => {
        const now = await sharedPositions(esther);
        return Object.keys(before).filter((id) => !samePlace(now[id], before[id])).length;
      }, WAIT)
      .toBeGreaterThan(count / 2);
    await fenna.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect
      .poll(async () => {
        const now = await sharedPositions(esther);
        return Object.keys(before).filter((id) => !samePlace(now[id], before[id]));
      }, WAIT)
      .toEqual([]);
    expect(await sharedPositions(fenna)).toEqual(await sharedPositions(esther));
  });

  it('tidies only the selection, without asking when the items are all your own', async () => {
    const map = demoMap();
    const fenna = await open(map, 'Fenna de Vries');
    // Fenna makes two unlinked items of her own.
    const ids = await fenna.evaluate(() =>
      ['Eigen A', 'Eigen B'].map((label) => {
        const r = window.buurtweb.ui.model.actions.createNode({ kind: 'theme', label });
        if (!r.ok) throw new Error('not created');
        return r.value;
      }),
    );
    await settled(fenna);
    await fenna.evaluate((sel) => window.buurtweb.ui.model.setSelection(sel), ids);
    const before = await sharedPositions(fenna);
    await expect(tidyButton(fenna).textContent()).resolves.toBe('Selectie opruimen (2 items)');
    await tidyButton(fenna).click();
    await expect
      .poll(async () => {
        const now = await sharedPositions(fenna);
        return Object.keys(before)
          .filter((id) => !samePlace(now[id], before[id]))
          .sort();
      }, WAIT)
      .toEqual([...ids].sort());
    expect(await fenna.getByRole('alertdialog').count()).toBe(0);
  });

  it('typing in a note is text, never a shortcut; a mention opens with Ctrl+click or its button', async () => {
    const map = demoMap();
    const anna = await open(map, 'Anna');
    const panel = anna.getByRole('complementary', { name: 'Item' });
    const note = panel.getByRole('textbox', { name: /Notitie/ }).locator('.ProseMirror');
    await anna
      .getByRole('grid', { name: 'Items' })
      .getByRole('row', { name: /^Huiskamer De Koffiepot/ })
      .first()
      .getByRole('gridcell')
      .first()
      .click();
    await note.click();
    await anna.keyboard.press('Control+End');
    await anna.keyboard.type(' Zie @schuld');
    await anna
      .getByRole('listbox', { name: 'Items om te noemen' })
      .getByRole('option', { name: /^Schulden/ })
      .waitFor();
    await anna.keyboard.press('Enter');
    const mention = note.locator('.mention').first();
    await expect.poll(() => mention.textContent()).toBe('@Schulden');

    // A plain click on the mention keeps the note open, and typing goes on in it.
    await mention.click();
    await anna.waitForTimeout(300);
    await panel.getByRole('heading', { name: 'Huiskamer De Koffiepot', level: 2 }).waitFor();
    await anna.keyboard.press('End');
    await anna.keyboard.type(' nu nog niet? kan later. fl');
    await anna.waitForTimeout(300);
    expect(await anna.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => note.textContent()).toContain('nu nog niet? kan later. fl');
    await panel.getByRole('heading', { name: 'Huiskamer De Koffiepot', level: 2 }).waitFor();
    // Even with focus on the mention itself, "n" is not "new item".
    await mention.evaluate((el) => (el as HTMLElement).focus());
    await anna.keyboard.press('n');
    await anna.waitForTimeout(300);
    expect(await anna.getByRole('dialog').count()).toBe(0);
    await shot(anna, 'safe-note-mention-1280');

    // The note lists what it mentions, to open by keyboard; Ctrl+click opens it too.
    const mentioned = panel.getByRole('region', { name: 'Genoemd in deze notitie' });
    await mentioned.getByRole('button', { name: 'Open Schulden' }).focus();
    await anna.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'Schulden', level: 2 }).waitFor();
    await panel
      .getByRole('region', { name: 'Genoemd in' })
      .getByRole('button', { name: 'Huiskamer De Koffiepot' })
      .click();
    await panel.getByRole('heading', { name: 'Huiskamer De Koffiepot', level: 2 }).waitFor();
    await note
      .locator('.mention')
      .first()
      .click({ modifiers: ['Control'] });
    await panel.getByRole('heading', { name: 'Schulden', level: 2 }).waitFor();

    // A viewer reads the note: a plain click on the mention opens the item.
    const vera = await open(map, 'Vera', DESKTOP, 'viewer');
    const vPanel = vera.getByRole('complementary', { name: 'Item' });
    await vera
      .getByRole('grid', { name: 'Items' })
      .getByRole('row', { name: /^Huiskamer De Koffiepot/ })
      .first()
      .getByRole('gridcell')
      .first()
      .click();
    await vPanel.locator('.mention').first().click();
    await vPanel.getByRole('heading', { name: 'Schulden', level: 2 }).waitFor();
  });

  it('warns of a likely duplicate, opens the existing item, or creates anyway', async () => {
    const map = demoMap((doc) => {
      createNode(doc, { kind: 'organisation', label: 'Buurthuis De Brug', fields: { orgType: 'team_social' } }, SEED);
    });
    const fenna = await open(map, 'Fenna de Vries');
    const dialog = fenna.getByRole('dialog', { name: 'Nieuw: Organisatie' });
    const brugs = () =>
      fenna.evaluate(
        () => window.buurtweb.ui.model.nodes().filter((n) => n.label.startsWith('Buurthuis De Brug')).length,
      );

    await fenna.getByRole('button', { name: 'Nieuw: Organisatie' }).click();
    await dialog.getByLabel(/^Naam/).fill('buurthuis  de brúg');
    const warning = dialog.getByRole('region', { name: 'Bestaat dit al?' });
    await warning.waitFor();
    await shot(fenna, 'safe-duplicate-1280');
    // Creating stops at the warning, its first choice focused.
    await dialog.getByRole('button', { name: 'Aanmaken', exact: true }).click();
    await expect.poll(() => fenna.evaluate(() => document.activeElement?.textContent)).toBe('Open Buurthuis De Brug');
    expect(await brugs()).toBe(1);
    await fenna.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await fenna
      .getByRole('complementary', { name: 'Item' })
      .getByRole('heading', { name: 'Buurthuis De Brug', level: 2 })
      .waitFor();
    expect(await brugs()).toBe(1);

    // A typo away is still warned of; "Toch aanmaken" creates it.
    await fenna.getByRole('button', { name: 'Nieuw: Organisatie' }).click();
    await dialog.getByLabel(/^Naam/).fill('Buurthuis De Brugg');
    await warning.waitFor();
    await dialog.getByLabel(/^Soort organisatie/).selectOption({ index: 1 });
    await warning.getByRole('button', { name: 'Toch aanmaken' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(brugs).toBe(2);
    // Another name, or the same name of another kind: no warning.
    await fenna.getByRole('button', { name: 'Nieuw: Plek' }).click();
    const place = fenna.getByRole('dialog', { name: 'Nieuw: Plek' });
    await place.getByLabel(/^Naam/).fill('Buurthuis De Brug');
    await fenna.waitForTimeout(200);
    expect(await place.getByRole('region', { name: 'Bestaat dit al?' }).count()).toBe(0);
    await place.getByRole('button', { name: 'Annuleren' }).click();

    const phone = await open(map, 'Fenna op de fiets', PHONE);
    await phone.getByRole('button', { name: 'Nieuw: Organisatie' }).click();
    await phone.getByRole('dialog', { name: 'Nieuw: Organisatie' }).getByLabel(/^Naam/).fill('Buurthuis de brug');
    await phone.getByRole('region', { name: 'Bestaat dit al?' }).waitFor();
    await shot(phone, 'safe-duplicate-390');
  });

  it('the shortcut list opens with ? and with its button, as a dialog', async () => {
    const map = demoMap();
    const fenna = await open(map, 'Fenna de Vries');
    await fenna.getByRole('application', { name: CANVAS }).focus();
    await fenna.keyboard.press('?');
    const dialog = fenna.getByRole('dialog', { name: 'Sneltoetsen' });
    await dialog.waitFor();
    await dialog.getByRole('cell', { name: 'Nieuw item (persoon)' }).waitFor();
    await dialog.getByRole('cell', { name: 'Deze lijst met sneltoetsen' }).waitFor();
    await shot(fenna, 'safe-shortcuts-1280');
    await fenna.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The toolbar's button, reached by Tab: focusable, named, and visibly focused.
    const button = fenna.getByRole('button', { name: 'Sneltoetsen' });
    await button.focus();
    await fenna.keyboard.press('Shift+Tab');
    await fenna.keyboard.press('Tab');
    expect(await button.evaluate((el) => el === document.activeElement && el.matches(':focus-visible'))).toBe(true);
    expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await fenna.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).first().click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);

    const phone = await open(map, 'Fenna op de fiets', PHONE);
    await phone.getByRole('button', { name: 'Sneltoetsen' }).click();
    await phone.getByRole('dialog', { name: 'Sneltoetsen' }).waitFor();
    await shot(phone, 'safe-shortcuts-390');
  });
});

declare global {
  interface Window {
    buurtweb: { ui: import('@map').MapHandle; cy: import('cytoscape').Core };
  }
}
