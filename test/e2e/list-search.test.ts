/**
 * Finding things (issue 3), as a person does it: the list of items (sorting, the list
 * filter, keyboard use, shared selection), the search box, and the filters. Also prints
 * how the list performs on a map of 5,000 items (figures, never timed assertions).
 */
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_NODES } from '../../server/demo-data.js';
import { createDemoMap } from '../../server/demo.js';
import { createMap } from '../../server/maps.js';
import { type OpContext, NODE_KINDS, createNode, link } from '../../schema/index.js';
import { browserCases, screenshot } from '../support/browser.js';

const TOTAL = DEMO_NODES.length;
const BIG = 5000;

interface BigModel {
  nodes(): { id: string; label: string }[];
  actions: {
    updateNode(id: string, input: { label: string }): unknown;
    placeNodes(p: Record<string, { x: number; y: number }>): unknown;
  };
}

interface Opened {
  page: Page;
  grid: Locator;
}

/** Reads the map state the page exposes for tests (the model, never the Y.Doc). */
function selection(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { buurtweb: { ui: { model: { selection(): string[] } } } }).buurtweb.ui.model.selection(),
  );
}
function idOf(page: Page, label: string): Promise<string | undefined> {
  return page.evaluate(
    (l) =>
      (
        window as unknown as { buurtweb: { ui: { model: { nodes(): { id: string; label: string }[] } } } }
      ).buurtweb.ui.model
        .nodes()
        .find((n) => n.label === l)?.id,
    label,
  );
}
/** The name cell of each data row, in order. */
async function names(grid: Locator): Promise<string[]> {
  return grid.locator('tbody tr.item-row td.col-name .cell-text').allTextContents();
}
function row(grid: Locator, label: string): Locator {
  return grid
    .locator('tbody tr.item-row')
    .filter({ has: grid.page().locator('.col-name .cell-text', { hasText: new RegExp(`^${label}$`) }) });
}

describe('finding things: list, search and filters', () => {
  // Nothing here uses the app without a server: no service worker (see BrowserCasesOptions).
  const e2e = browserCases({ serviceWorkers: 'block' });
  beforeEach(() => createDemoMap(e2e.server.app.storage));

  async function open(mapId = 'demo', who = 'Fenna de Vries', rows = TOTAL, timeout = 30_000): Promise<Opened> {
    const { page } = await e2e.visit(mapId, 'editor', who);
    const grid = page.getByRole('grid', { name: 'Items' });
    await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout }).toBe(String(rows + 1));
    return { page, grid };
  }

  it('lists every item, sortable by name both ways', async () => {
    const { page, grid } = await open();
    expect(await grid.getByRole('row').count()).toBe(TOTAL + 1);
    const coll = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    const expected = DEMO_NODES.map((n) => n.label).sort(coll.compare);
    const nameHeader = grid.getByRole('columnheader', { name: 'Naam' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await names(grid)).toEqual(expected);
    await screenshot(page, 'issue3-list');

    await nameHeader.getByRole('button').click();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await names(grid))[0]).toBe(expected.at(-1));

    // Another column takes over the sort; the name column no longer claims one.
    const kindHeader = grid.getByRole('columnheader', { name: 'Soort' });
    await kindHeader.getByRole('button').press('Enter');
    expect(await kindHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await nameHeader.getAttribute('aria-sort')).toBeNull();
    expect(await grid.locator('tbody tr.item-row td.col-kind').first().textContent()).toBe('Gebied');
  });

  it('the list filter narrows the rows', async () => {
    const { page, grid } = await open();
    await page.getByRole('textbox', { name: 'Filter lijst' }).fill('speeltuin');
    await expect.poll(() => names(grid)).toEqual(['Speeltuin De Wip', 'Speeltuin Het Hoefijzer']);
    expect(await page.getByRole('status').filter({ hasText: 'items' }).textContent()).toBe(`2 van ${TOTAL} items`);
    // Diacritics and case don't matter; several words must all match.
    await page.getByRole('textbox', { name: 'Filter lijst' }).fill('AYSE kartal');
    await expect.poll(() => names(grid)).toEqual(['Ayşe Kartaloğlu']);
    await page.getByRole('textbox', { name: 'Filter lijst' }).fill('qqqq');
    await expect.poll(() => grid.locator('tbody tr.item-row').count()).toBe(0);
    await page.getByText('Geen items die hierbij passen.').waitFor();
    await page.getByRole('button', { name: 'Lijstfilter wissen' }).click();
    await expect.poll(() => grid.locator('tbody tr.item-row').count()).toBe(TOTAL);
  });

  it('search finds items (also with a typo) and Enter selects one', async () => {
    const { page, grid } = await open();
    const search = page.getByRole('combobox', { name: 'Zoeken' });
    // The page's "/" shortcut lands in the search box.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.type('schuld');
    const results = page.getByRole('listbox', { name: 'Zoekresultaten' });
    await results.getByRole('option', { name: /^Schulden/ }).waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    expect(await results.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'issue3-search-results');
    await page.keyboard.press('Enter');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    const schulden = (await idOf(page, 'Schulden'))!;
    await expect.poll(() => selection(page)).toEqual([schulden]);
    expect(await row(grid, 'Schulden').getAttribute('aria-selected')).toBe('true');

    await search.fill('papierwinkl');
    await results.getByRole('option', { name: /^Sorteergroep Papierwinkel/ }).waitFor();
    await page.keyboard.press('Enter');
    const sorteergroep = (await idOf(page, 'Sorteergroep Papierwinkel'))!;
    await expect.poll(() => selection(page)).toEqual([sorteergroep]);
    expect(await row(grid, 'Sorteergroep Papierwinkel').getAttribute('aria-selected')).toBe('true');
    expect(await row(grid, 'Schulden').getAttribute('aria-selected')).toBe('false');

    // Arrow keys move through the results; Escape closes, a second Escape clears.
    await search.fill('kanaleneiland');
    await results.getByRole('option').nth(1).waitFor();
    await page.keyboard.press('ArrowDown');
    const second = results.getByRole('option').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    await page.keyboard.press('Escape');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await search.inputValue()).toBe('');

    await search.fill('xyzzyq');
    await page.getByText('Niets gevonden voor ‘xyzzyq’.').first().waitFor();
  });

  it('works with the keyboard alone: Tab into the list, arrows, Enter', async () => {
    const { page, grid } = await open();
    await page.getByRole('textbox', { name: 'Filter lijst' }).focus();
    // Past the four column headers, into the grid's single Tab stop.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
    const rowIds = await grid
      .locator('tbody tr.item-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(await focused()).toBe(rowIds[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(rowIds[1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => selection(page)).toEqual([rowIds[1]]);
    expect(await grid.locator(`tr[data-id="${rowIds[1]}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await focused()).toBe(rowIds.at(-1));
    // Space with Ctrl adds to the selection.
    await page.keyboard.press('Control+Space');
    await expect.poll(() => selection(page)).toEqual([rowIds[1], rowIds.at(-1)]);
    await page.keyboard.press('Home');
    expect(await focused()).toBe(rowIds[0]);
    await screenshot(page, 'issue3-keyboard');
    // Clicks select too; Ctrl-click adds.
    await grid.locator(`tr[data-id="${rowIds[3]}"]`).click();
    await expect.poll(() => selection(page)).toEqual([rowIds[3]]);
    await grid.locator(`tr[data-id="${rowIds[4]}"]`).click({ modifiers: ['Control'] });
    await expect.poll(() => selection(page)).toEqual([rowIds[3], rowIds[4]]);
  });

  it('filters by kind, area and the neighbourhood of the selection', async () => {
    const { page, grid } = await open();
    const persons = DEMO_NODES.filter((n) => n.kind === 'person').length;
    const personen = page.getByRole('button', { name: 'Personen' });
    await personen.click();
    expect(await personen.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => grid.locator('tbody tr.item-row').count()).toBe(persons);
    expect(new Set(await grid.locator('tbody td.col-kind').allTextContents())).toEqual(new Set(['Persoon']));
    await screenshot(page, 'issue3-filter-kind');
    await personen.click();
    await expect.poll(() => grid.locator('tbody tr.item-row').count()).toBe(TOTAL);

    // Area: the neighbourhood, its places and what is active in it or located at its places.
    const area = page.getByRole('combobox', { name: 'Gebied' });
    const value = await area.locator('option', { hasText: 'Kanaleneiland-Zuid' }).getAttribute('value');
    await area.selectOption(value!);
    await expect.poll(async () => (await names(grid)).length).toBeLessThan(TOTAL);
    const inArea = await names(grid);
    expect(inArea).toEqual(
      expect.arrayContaining([
        'Kanaleneiland-Zuid',
        'Buurthuis De Schakel',
        'Buurtteam Sociaal Kanaleneiland',
        'Budgetgroep Rond Komen',
      ]),
    );
    expect(inArea).not.toContain('Speeltuin De Wip');
    expect(inArea).not.toContain('Zuidwest');
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => grid.locator('tbody tr.item-row').count()).toBe(TOTAL);
    expect(await area.inputValue()).toBe('');

    // Neighbourhood: off without a selection; then 1 and 2 steps around Hassan.
    const around = page.getByRole('checkbox', { name: 'Alleen de omgeving van de selectie' });
    expect(await around.isDisabled()).toBe(true);
    await row(grid, 'Hassan Amezian').click();
    await around.check();
    await expect.poll(async () => (await names(grid)).length).toBeLessThan(TOTAL);
    const oneStep = await names(grid);
    expect(oneStep).toEqual(
      expect.arrayContaining(['Hassan Amezian', 'Mohamed Ouazzani', 'KeyRing-netwerk Kanaleneiland']),
    );
    expect(oneStep).not.toContain('Schulden');
    await page.getByRole('combobox', { name: 'Aantal stappen' }).selectOption('2');
    await expect.poll(async () => (await names(grid)).length).toBeGreaterThan(oneStep.length);
    // Combined with a kind: only people, but the selected item stays.
    await page.getByRole('button', { name: 'Personen' }).click();
    await expect
      .poll(async () => new Set(await grid.locator('tbody td.col-kind').allTextContents()))
      .toEqual(new Set(['Persoon']));
    await screenshot(page, 'issue3-filters-active');
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => grid.locator('tbody tr.item-row').count()).toBe(TOTAL);
    expect(await around.isChecked()).toBe(false);
  });

  it('shows who else has an item selected', async () => {
    const a = await open('demo', 'Anna');
    const b = await open('demo', 'Bert');
    await row(b.grid, 'Gerda Willemsen').click();
    const dot = row(a.grid, 'Gerda Willemsen').getByText('Geselecteerd door Bert');
    await dot.waitFor({ state: 'attached' });
    await row(a.grid, 'Gerda Willemsen').scrollIntoViewIfNeeded();
    await screenshot(a.page, 'issue3-list-peer-selection');
    expect(
      await row(a.grid, 'Bram Verhoef')
        .getByText(/Geselecteerd door/)
        .count(),
    ).toBe(0);
  });

  it('speaks English on request', async () => {
    const { page, grid } = await open();
    await page.getByRole('banner').getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await expect
      .poll(() => grid.getByRole('columnheader').allTextContents())
      .toEqual(['Name▲', 'Kind', 'Details', 'Changed']);
    await page.getByRole('combobox', { name: 'Search' }).waitFor();
    await page.getByRole('textbox', { name: 'Filter list' }).waitFor();
    await page.getByRole('button', { name: 'People' }).waitFor();
    await page
      .getByRole('combobox', { name: 'Area' })
      .locator('option', { hasText: 'All areas' })
      .waitFor({ state: 'attached' });
    expect(await grid.locator('tbody td.col-kind').first().textContent()).toMatch(
      /^(Person|Organisation|Initiative|Place|Area|Theme)$/,
    );
    await screenshot(page, 'issue3-english');
  });

  it(`stays fast with ${BIG} items (prints figures)`, async () => {
    createMap(e2e.server.app.storage, 'big', 'Groot', (doc: Y.Doc) => {
      const ctx: OpContext = { actor: { id: 'gen', name: 'Generator' }, origin: 'seed' };
      const required = {
        person: { role: 'volunteer' },
        organisation: { orgType: 'school' },
        initiative: { stage: 'idea' },
        place: {},
        area: { level: 'neighbourhood' },
        theme: {},
      };
      const ids: string[] = [];
      for (let i = 0; i < BIG; i++) {
        const kind = NODE_KINDS[i % NODE_KINDS.length]!;
        ids.push(createNode(doc, { kind, label: `Item ${String(i).padStart(4, '0')}`, fields: required[kind] }, ctx));
      }
      for (let i = 0; i + 6 < BIG; i += 6) link(doc, { kind: 'knows', from: ids[i]!, to: ids[i + 6]! }, ctx);
    });
    const t0 = Date.now();
    // The whole page opens, canvas included: that is most of this figure.
    const { page, grid } = await open('big', 'Fenna', BIG, 100_000);
    const openMs = Date.now() - t0;
    const rendered = await grid.locator('tbody tr.item-row').count();
    expect(rendered).toBeLessThan(200);

    const figures = await page.evaluate(async (total) => {
      const ui = (
        window as unknown as {
          buurtweb: {
            ui: {
              model: {
                nodes(): { id: string }[];
                actions: { updateNode(id: string, input: { label: string }): unknown };
              };
            };
          };
        }
      ).buurtweb.ui;
      const filter = document.querySelector<HTMLInputElement>('.list-filter')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const time = async (fn: () => void) => {
        await frame();
        const t = performance.now();
        fn();
        void document.body.offsetHeight; // include style and layout
        return performance.now() - t;
      };
      const type = (v: string) => {
        filter.value = v;
        filter.dispatchEvent(new Event('input', { bubbles: true }));
      };
      type('zzzz');
      const renderAll = await time(() => type(''));
      const id = ui.model.nodes()[2500]!.id;
      const change: number[] = [];
      for (let i = 0; i < 5; i++)
        change.push(await time(() => ui.model.actions.updateNode(id, { label: `Item 2500 v${i}` })));
      const sortClick = await time(() => document.querySelector<HTMLButtonElement>('th.col-kind button')!.click());
      const scroller = document.querySelector<HTMLElement>('.list-scroll')!;
      const scroll = await time(() => {
        scroller.scrollTop = scroller.scrollHeight / 2;
        scroller.dispatchEvent(new Event('scroll'));
      });
      const filterMs = await time(() => type('item 12'));
      type('');
      return {
        total,
        renderAll,
        change: Math.min(...change),
        changeMax: Math.max(...change),
        sortClick,
        scroll,
        filterMs,
      };
    }, BIG);
    console.log(
      `list with ${BIG} items: map open ${openMs} ms; render all rows ${figures.renderAll.toFixed(1)} ms; ` +
        `one change ${figures.change.toFixed(1)}–${figures.changeMax.toFixed(1)} ms; sort ${figures.sortClick.toFixed(1)} ms; ` +
        `scroll to middle ${figures.scroll.toFixed(1)} ms; list filter ${figures.filterMs.toFixed(1)} ms; rows in DOM ${rendered}`,
    );
    // After scrolling, the rows in view are there, numbered for assistive technology.
    await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('.list-scroll')!;
      s.scrollTop = s.scrollHeight / 2;
    });
    await expect.poll(() => grid.locator('tbody tr.item-row').first().getAttribute('aria-rowindex')).not.toBe('2');
    await screenshot(page, 'issue3-list-5000');
    // The keyboard reaches rows that were not rendered: End goes to the last of 5,000.
    await grid.locator('tbody tr.item-row').nth(5).click();
    await page.keyboard.press('End');
    const focusedIndex = () => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));
    await expect.poll(focusedIndex).toBe(String(BIG + 1));
    await page.keyboard.press('Home');
    await expect.poll(focusedIndex).toBe('2');
    await page.keyboard.press('PageDown');
    expect(Number(await focusedIndex())).toBeGreaterThan(5);
    // The focus stays on its row while the items change (here: everyone's automatic layout).
    const before = await focusedIndex();
    await page.evaluate(() => {
      const { model } = (window as unknown as { buurtweb: { ui: { model: BigModel } } }).buurtweb.ui;
      const positions: Record<string, { x: number; y: number }> = {};
      model.nodes().forEach((n, i) => (positions[n.id] = { x: i, y: i }));
      model.actions.placeNodes(positions);
    });
    expect(await focusedIndex()).toBe(before);
  }, 150_000);
});
