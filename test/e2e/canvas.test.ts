/** The graph view: what a person sees and does on the canvas, with several people at once. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NODES } from '../../server/demo-data.js';
import { DEMO_MAP_ID, createDemoMap } from '../../server/demo.js';
import type { Role } from '../../schema/index.js';
import { browserCases, screenshot } from '../support/browser.js';

const CANVAS = 'Kaart van items en koppelingen';
/** Shared positions of others' items are written after a grace period of up to ~2 s. */
const WAIT = { timeout: 10_000 };
type Point = { x: number; y: number };

describe('the graph canvas', () => {
  // Nothing here uses the app without a server: no service worker (see BrowserCasesOptions).
  const e2e = browserCases({ serviceWorkers: 'block' });

  /** The demo map on this case's server, nothing placed yet. */
  function demoMap(): string {
    createDemoMap(e2e.server.app.storage);
    return DEMO_MAP_ID;
  }

  async function open(mapId: string, role: Role, name: string): Promise<Page> {
    const { page } = await e2e.visit(mapId, role, name, { viewport: { width: 1500, height: 950 } });
    const canvas = page.getByRole('application', { name: CANVAS });
    await expect.poll(() => canvas.getAttribute('data-node-count'), WAIT).toBe(String(DEMO_NODES.length));
    await expect.poll(() => canvas.getAttribute('data-ready'), WAIT).toBe('true');
    return page;
  }

  /** Waits until every item has a shared position (the first editor's layout was written). */
  async function allPlaced(page: Page): Promise<void> {
    await expect
      .poll(() => page.evaluate(() => window.buurtweb.ui.model.nodes().every((n) => n.position !== undefined)), WAIT)
      .toBe(true);
  }

  const idOf = (page: Page, label: string) =>
    page.evaluate((l) => window.buurtweb.ui.model.nodes().find((n) => n.label === l)!.id, label);
  const sharedPosition = (page: Page, id: string) =>
    page.evaluate((i) => window.buurtweb.ui.model.node(i)?.position, id);
  const drawnPosition = (page: Page, id: string) =>
    page.evaluate((i) => window.buurtweb.cy.getElementById(i).position(), id);
  const drawnPositions = (page: Page) =>
    page.evaluate(() =>
      Object.fromEntries(window.buurtweb.cy.nodes().map((n) => [n.id(), { ...n.position() }] as const)),
    );

  /** Brings an item to the middle of the canvas and returns where it is on the page. */
  async function onScreen(page: Page, id: string): Promise<Point> {
    await page.evaluate((i) => window.buurtweb.ui.focus(i), id);
    await page.waitForTimeout(500); // the focus animation
    return onScreenNoFocus(page, id);
  }

  /** Where an item is on the page now, without moving the view. */
  function onScreenNoFocus(page: Page, id: string): Promise<Point> {
    return page.evaluate((i) => {
      const cy = window.buurtweb.cy;
      const rect = cy.container()!.getBoundingClientRect();
      const p = cy.getElementById(i).renderedPosition();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, id);
  }

  const xy = (p: Point): [number, number] => [p.x, p.y];

  async function drag(page: Page, from: Point, to: Point, modifiers: { shift?: boolean } = {}): Promise<void> {
    if (modifiers.shift) await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    if (modifiers.shift) await page.keyboard.up('Shift');
  }

  it('draws every item of the demo map, arranged once and shared', async () => {
    const map = demoMap();
    const page = await open(map, 'editor', 'Fenna de Vries');
    await allPlaced(page);
    await page.waitForTimeout(300);
    await screenshot(page, 'issue3-demo-canvas');
    await page.getByRole('button', { name: 'Legenda' }).click();
    expect(await page.getByRole('region', { name: 'Legenda' }).getByText('werkt bij').count()).toBe(1);
    await screenshot(page, 'issue3-demo-legend');
    // Someone who opens the map later sees the same arrangement.
    const other = await open(map, 'viewer', 'Kijker');
    const id = await idOf(page, 'Bram Verhoef');
    expect(await drawnPosition(other, id)).toEqual(await drawnPosition(page, id));
  });

  it('dragging an item and letting go shares its new position', async () => {
    const map = demoMap();
    const page = await open(map, 'editor', 'Fenna de Vries');
    await allPlaced(page);
    const id = await idOf(page, 'Bram Verhoef');
    const before = (await sharedPosition(page, id))!;
    const at = await onScreen(page, id);
    const zoom = await page.evaluate(() => window.buurtweb.cy.zoom());
    await drag(page, at, { x: at.x + 120, y: at.y + 90 });
    await expect.poll(() => sharedPosition(page, id), WAIT).not.toEqual(before);
    const after = (await sharedPosition(page, id))!;
    expect(after.x - before.x).toBeCloseTo(120 / zoom, 0);
    expect(after.y - before.y).toBeCloseTo(90 / zoom, 0);
    // Another person sees it there, and one undo step takes it back.
    const other = await open(map, 'viewer', 'Kijker');
    await expect.poll(() => drawnPosition(other, id), WAIT).toEqual(after);
    await page.evaluate(() => window.buurtweb.ui.model.undo());
    await expect.poll(() => drawnPosition(other, id), WAIT).toEqual(before);
  });

  it("another person's new item appears next to its linked neighbour, and nothing else moves", async () => {
    const map = demoMap();
    const a = await open(map, 'editor', 'Fenna de Vries');
    await allPlaced(a);
    const b = await open(map, 'editor', 'Youssef El Idrissi');
    await allPlaced(b);
    const team = await idOf(a, 'Buurtteam Sociaal Kanaleneiland');
    const before = await drawnPositions(a);
    const created = await b.evaluate(
      (other) =>
        window.buurtweb.ui.model.actions.createLinkedNode(
          { kind: 'person', label: 'Nieuwe buurtwerker', fields: { role: 'professional' } },
          { kind: 'works_for', other },
        ),
      team,
    );
    if (!created.ok) throw new Error('create failed');
    const id = created.value.nodeId;
    const canvas = a.getByRole('application', { name: CANVAS });
    await expect.poll(() => canvas.getAttribute('data-node-count'), WAIT).toBe(String(DEMO_NODES.length + 1));
    // Its creator shares the spot at once; both see it beside the team.
    await expect.poll(() => sharedPosition(a, id), WAIT).toBeDefined();
    const p = await drawnPosition(a, id);
    expect(p).toEqual(await sharedPosition(a, id));
    expect(p).toEqual(await drawnPosition(b, id));
    // Near: within a few rings of free spots around it (an item needs ~120 × 60 units).
    const t = before[team]!;
    expect(Math.hypot(p.x - t.x, p.y - t.y)).toBeLessThan(4 * 120);
    const after = await drawnPositions(a);
    for (const [nid, q] of Object.entries(before)) expect(after[nid], nid).toEqual(q);
    await a.evaluate((i) => window.buurtweb.ui.focus(i), id);
    await a.waitForTimeout(500);
    await screenshot(a, 'issue3-new-item-near-neighbour');
  });

  it("selecting on the canvas selects in the model, and others see it in that person's colour", async () => {
    const map = demoMap();
    const a = await open(map, 'editor', 'Fenna de Vries');
    await allPlaced(a);
    const b = await open(map, 'editor', 'Youssef El Idrissi');
    const bram = await idOf(a, 'Bram Verhoef');
    const kevin = await idOf(a, 'Kevin Ramdajal');
    await a.mouse.click(...xy(await onScreen(a, bram)));
    await expect.poll(() => a.evaluate(() => window.buurtweb.ui.model.selection()), WAIT).toEqual([bram]);
    // Shift-click adds to the selection.
    await a.keyboard.down('Shift');
    await a.mouse.click(...xy(await onScreenNoFocus(a, kevin)));
    await a.keyboard.up('Shift');
    await expect
      .poll(() => a.evaluate(() => [...window.buurtweb.ui.model.selection()].sort()), WAIT)
      .toEqual([bram, kevin].sort());
    const colour = await a.evaluate(() => window.buurtweb.ui.model.session.color);
    await expect
      .poll(() => b.evaluate((i) => window.buurtweb.cy.getElementById(i).data('peerColor'), bram), WAIT)
      .toBe(colour);
    expect(await b.evaluate((i) => window.buurtweb.cy.getElementById(i).data('peerColor'), kevin)).toBe(colour);
    // The list view's selection shows on the canvas too.
    await b.evaluate((i) => window.buurtweb.ui.model.setSelection([i]), kevin);
    expect(await b.evaluate((i) => window.buurtweb.cy.getElementById(i).selected(), kevin)).toBe(true);
    await b.evaluate((i) => window.buurtweb.ui.focus(i), bram);
    await b.waitForTimeout(500);
    await screenshot(b, 'issue3-peer-selection');
    // A click on empty canvas (after fitting, its corners are empty) clears the selection.
    await a.getByRole('button', { name: 'Alles in beeld' }).first().click();
    await a.waitForTimeout(400);
    const box = (await a.getByRole('application', { name: CANVAS }).boundingBox())!;
    await a.mouse.click(box.x + 12, box.y + 12);
    await expect.poll(() => a.evaluate(() => window.buurtweb.ui.model.selection()), WAIT).toEqual([]);
    await expect
      .poll(() => b.evaluate((i) => window.buurtweb.cy.getElementById(i).data('peerColor') ?? null, bram), WAIT)
      .toBe(null);
    // Shift-dragging a box on the background selects what is inside it.
    await drag(
      a,
      { x: box.x + 12, y: box.y + 12 },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      { shift: true },
    );
    await expect.poll(() => a.evaluate(() => window.buurtweb.ui.model.selection().length), WAIT).toBeGreaterThan(1);
    expect(await a.evaluate(() => window.buurtweb.cy.nodes(':selected').length)).toBe(
      await a.evaluate(() => window.buurtweb.ui.model.selection().length),
    );
  });

  it('a viewer can select but not move items', async () => {
    const map = demoMap();
    const editor = await open(map, 'editor', 'Fenna de Vries');
    await allPlaced(editor);
    const viewer = await open(map, 'viewer', 'Kijker');
    const id = await idOf(viewer, 'Bram Verhoef');
    const before = await drawnPosition(viewer, id);
    const at = await onScreen(viewer, id);
    await drag(viewer, at, { x: at.x + 120, y: at.y + 90 });
    await viewer.waitForTimeout(300);
    expect(await drawnPosition(viewer, id)).toEqual(before);
    expect(await sharedPosition(editor, id)).toEqual(before);
    expect(await viewer.evaluate(() => window.buurtweb.ui.model.selection())).toEqual([id]);
    expect(await viewer.getByRole('button', { name: 'Koppelen' }).count()).toBe(0);
  });

  it('dragging from one item to another with Shift held, or in link mode, asks to link them', async () => {
    const map = demoMap();
    const page = await open(map, 'editor', 'Fenna de Vries');
    await allPlaced(page);
    const bram = await idOf(page, 'Bram Verhoef');
    const club = await idOf(page, 'SV Kanaalboys');
    const positions = await drawnPositions(page);
    const from = await onScreen(page, bram);
    const to = await onScreenNoFocus(page, club);
    await drag(page, from, to, { shift: true });
    await expect.poll(() => page.evaluate(() => window.buurtweb.ui.linking()), WAIT).toEqual({ from: bram, to: club });
    expect(await drawnPositions(page)).toEqual(positions);
    await page.evaluate(() => window.buurtweb.ui.closeLink());
    await page.keyboard.press('Escape');

    const toggle = page.getByRole('button', { name: 'Koppelen' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(to.x, to.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2 + 30, (from.y + to.y) / 2 + 50, { steps: 6 });
    await screenshot(page, 'issue3-drag-to-link');
    await page.mouse.move(from.x, from.y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => window.buurtweb.ui.linking()), WAIT).toEqual({ from: club, to: bram });
    expect(await drawnPositions(page)).toEqual(positions);
  });

  it('hides what the filters leave out, and shows it again', async () => {
    const map = demoMap();
    const page = await open(map, 'viewer', 'Kijker');
    const hiddenCount = () => page.evaluate(() => window.buurtweb.cy.nodes('.filtered').length);
    const people = DEMO_NODES.filter((n) => n.kind === 'person').length;
    await page.evaluate(() => window.buurtweb.ui.setFilters({ kinds: ['person'] }));
    await expect.poll(hiddenCount, WAIT).toBe(DEMO_NODES.length - people);
    expect(
      await page.evaluate(() => window.buurtweb.cy.nodes(':visible').every((n) => n.data('kind') === 'person')),
    ).toBe(true);
    await page.evaluate(() => window.buurtweb.ui.setFilters({ kinds: [] }));
    await expect.poll(hiddenCount, WAIT).toBe(0);
  });

  it('tidy up arranges everything again and shares it', async () => {
    const map = demoMap();
    const page = await open(map, 'editor', 'Fenna de Vries');
    await allPlaced(page);
    const id = await idOf(page, 'Bram Verhoef');
    const before = await sharedPosition(page, id);
    await page.getByRole('button', { name: 'Opruimen (alles opnieuw schikken)' }).click();
    // It moves everyone's items: it asks first (test/e2e/safe-editing.test.ts tries the rest).
    await page.getByRole('alertdialog', { name: 'Kaart opruimen?' }).getByRole('button', { name: 'Opruimen' }).click();
    await expect.poll(() => sharedPosition(page, id), WAIT).not.toEqual(before);
    await page.waitForTimeout(600);
    expect(await drawnPosition(page, id)).toEqual(await sharedPosition(page, id));
    // Zoom buttons and the keyboard work on the focused canvas.
    const zoom = () => page.evaluate(() => window.buurtweb.cy.zoom());
    const z0 = await zoom();
    await page.getByRole('button', { name: 'Inzoomen' }).click();
    await expect.poll(zoom, WAIT).toBeGreaterThan(z0);
    await page.getByRole('application', { name: CANVAS }).focus();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(zoom, WAIT).toBeLessThan(z0);
  });
});

declare global {
  interface Window {
    buurtweb: { ui: import('@map').MapHandle; cy: import('cytoscape').Core };
  }
}
