/**
 * Browser benchmark: the graph canvas of the built app in Chromium, on maps of 1,000 /
 * 5,000 / 10,000 items with 1.5 links per item (positions given, so opening costs no
 * layout), each figure beside bare Cytoscape doing the same in the same browser:
 * (a) opening to interactive, (b) one remote change applied incrementally against
 * rebuilding the view, (c) laying out 5,000 newly imported items (draft fcose),
 * (d) a zoom step on the open map, and the WebGL renderer against the canvas one.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { type OpContext, readGraph, updateNode } from '../../schema/index.js';
import { createInvite, inviteUrl } from '../../server/auth.js';
import { createMap } from '../../server/maps.js';
import { launchBrowser, requireBuiltClient } from '../support/browser.js';
import { connectClient, synced } from '../support/clients.js';
import { ROOT, type TestServer, startTestServer } from '../support/server.js';
import { fillRandomMap as fill } from './generate.js';
import { type Row, median, table } from './util.js';

const SIZES = [1_000, 5_000, 10_000];
const IMPORTED = 5_000;
const VIEWPORT = { width: 1600, height: 1000 };
/** About the canvas's size in the app at that viewport (list and panel beside it). */
const CANVAS_SIZE = { width: 860, height: 760 };

/**
 * Runs in the page. A plain script, not functions handed to page.evaluate: tsx wraps
 * named inner functions in a `__name` helper that does not exist in the browser.
 */
const PAGE_HELPERS = `
window.__bench = {
  frame(cy) {
    // A frame that never comes (nothing changed) must not hang the run: NaN after 20 s.
    return new Promise((r) => {
      const t = setTimeout(() => { console.warn('no frame'); r(NaN); }, 20000);
      cy.one('render', () => { clearTimeout(t); r(performance.now()); });
    });
  },
  measure(name, nodes) {
    const e = performance.getEntriesByName(name).filter((m) => nodes === undefined || (m.detail && m.detail.nodes === nodes));
    return e.length ? e[e.length - 1].duration : NaN;
  },
  count(name) { return performance.getEntriesByName(name).length; },
  json(only, except) {
    const cy = window.buurtweb.cy;
    const keep = (e) => {
      const id = e.isNode() ? e.id() : e.data('source');
      return (!only || only.has(id)) && (!except || !except.has(id));
    };
    const eles = cy.elements().filter(keep);
    return eles.map((e) => e.isNode()
      ? { group: 'nodes', data: { id: e.id(), label: e.data('label') }, position: { x: e.position('x'), y: e.position('y') } }
      : { group: 'edges', data: { id: e.id(), source: e.data('source'), target: e.data('target') } });
  },
  async bare(webgl, except, settle) {
    const json = this.json(undefined, except && new Set(except));
    const r = document.querySelector('.graph-canvas-cy').getBoundingClientRect();
    if (window.bareCy) { window.bareCy.destroy(); window.bareDiv.remove(); }
    const div = document.createElement('div');
    div.style.cssText = 'position:fixed;z-index:9999;background:#fff;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px';
    document.body.append(div);
    const t0 = performance.now();
    const cy = cytoscape({ container: div, elements: json, layout: { name: 'preset' }, webgl: !!webgl });
    if (settle) await this.settle();
    else await this.frame(cy);
    window.bareCy = cy;
    window.bareDiv = div;
    return performance.now() - t0;
  },
  async bareRename(i) {
    const cy = window.bareCy;
    const node = cy.nodes()[i * 7];
    const t0 = performance.now();
    node.data('label', 'Hernoemd ' + i);
    return (await this.frame(cy)) - t0;
  },
  dropBare() {
    if (window.bareCy) { window.bareCy.destroy(); window.bareDiv.remove(); window.bareCy = null; }
  },
  settle() {
    // Two animation frames: the renderer draws in the first (WebGL emits no 'render' event).
    return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))));
  },
  async rendererFrames(webgl, n) {
    const t0 = performance.now();
    await this.bare(webgl, undefined, true);
    const open = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 4000));
    const cy = window.bareCy;
    const out = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      cy.zoom({ level: cy.zoom() * (i % 2 ? 1 / 1.15 : 1.15), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      out.push((await this.settle()) - t);
    }
    this.dropBare();
    out.sort((a, b) => a - b);
    return [open, out[Math.floor(n / 2)]];
  },
  async zoomFrames(which, n) {
    const cy = which === 'ours' ? window.buurtweb.cy : window.bareCy;
    const out = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      cy.zoom({ level: cy.zoom() * (i % 2 ? 1 / 1.15 : 1.15), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      const drawn = await this.frame(cy);
      out.push(drawn - t0);
    }
    return out;
  },
  async rebuild() {
    const cy = window.buurtweb.cy;
    const json = cy.elements().jsons();
    const t0 = performance.now();
    cy.batch(() => { cy.elements().remove(); cy.add(json); });
    await this.frame(cy);
    return performance.now() - t0;
  },
  async bareImport(ids) {
    const json = this.json(new Set(ids));
    const cy = window.bareCy;
    const t0 = performance.now();
    const added = cy.add(json);
    added.layout({ name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: false }).run();
    await this.frame(cy);
    return performance.now() - t0;
  },
  bareLayoutOnly(ids) {
    const cy = cytoscape({ headless: true, elements: this.json(new Set(ids)), layout: { name: 'preset' } });
    const t0 = performance.now();
    cy.elements().layout({ name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: false }).run();
    const t = performance.now() - t0;
    cy.destroy();
    return t;
  },
};`;

/** Progress on stderr: the whole run takes minutes. */
const progress = (what: string) => console.error(`[browser bench ${new Date().toISOString().slice(11, 19)}] ${what}`);

const script = (p: string) => path.join(ROOT, 'node_modules', p);

async function addBareCytoscape(page: Page, withFcose = false): Promise<void> {
  await page.addScriptTag({ path: script('cytoscape/dist/cytoscape.min.js') });
  if (withFcose) {
    await page.addScriptTag({ path: script('layout-base/layout-base.js') });
    await page.addScriptTag({ path: script('cose-base/cose-base.js') });
    await page.addScriptTag({ path: script('cytoscape-fcose/cytoscape-fcose.js') });
  }
  await page.addScriptTag({ content: PAGE_HELPERS });
}

async function waitDrawn(page: Page, nodes: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector<HTMLElement>('.graph-canvas-cy');
      return el?.dataset.nodeCount === String(n) && el.dataset.ready === 'true';
    },
    nodes,
    { polling: 'raf', timeout: 300_000 },
  );
}

interface SizeResult {
  open: Row[];
  change: Row[];
  changeBare: Row[];
  zoom: Row[];
}

/** Opening the whole app, from navigation to the canvas having drawn the map. */
async function openApp(browser: Browser, server: TestServer, mapId: string, items: number) {
  const { token } = createInvite(server.app.storage, mapId, 'editor', 'Bench');
  // The app's CSP forbids inline scripts; the benchmark injects bare Cytoscape and its helpers.
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(inviteUrl(server.app.url, mapId, token));
  await waitDrawn(page, items);
  const whole = performance.now() - t0;
  await addBareCytoscape(page, true);
  return { page, token, whole };
}

/** The baseline of opening: a page holding only bare Cytoscape, given the same elements. */
async function openBare(browser: Browser, elements: unknown[], size: { width: number; height: number }) {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  const t0 = performance.now();
  await page.setContent(
    `<div id="cy" style="position:absolute;left:0;top:0;width:${size.width}px;height:${size.height}px"></div>`,
  );
  await page.addScriptTag({ path: script('cytoscape/dist/cytoscape.min.js') });
  await page.addScriptTag({
    content: `window.__drawn = new Promise((resolve) => {
      window.__start = (els) => { const t0 = performance.now(); const cy = cytoscape({ container: document.getElementById('cy'), elements: els, layout: { name: 'preset' } }); cy.one('render', () => resolve(performance.now() - t0)); };
    });`,
  });
  await page.evaluate((els) => (window as unknown as { __start(e: unknown): void }).__start(els), elements);
  const inPage = (await page.evaluate('window.__drawn')) as number;
  const ms = performance.now() - t0;
  progress(`bare page: ${ms.toFixed(0)} ms in all, of which build → first frame ${inPage.toFixed(0)} ms`);
  await page.context().close();
  return ms;
}

/** The elements of a map as bare Cytoscape takes them (ids, labels, positions). */
function elementsOf(doc: Y.Doc): unknown[] {
  const g = readGraph(doc);
  return [
    ...[...g.nodes.values()].map((n) => ({ group: 'nodes', data: { id: n.id, label: n.label }, position: n.position })),
    ...[...g.edges.values()].map((e) => ({ group: 'edges', data: { id: e.id, source: e.from, target: e.to } })),
  ];
}

/** Cytoscape keeps building texture caches for a while after a big change: let it finish. */
const IDLE_MS = 4000;

async function benchSize(browser: Browser, server: TestServer, items: number): Promise<SizeResult & { page: Page }> {
  const mapId = `bench-${items}`;
  progress(`${items} items: creating the map`);
  let elements: unknown[] = [];
  createMap(server.app.storage, mapId, `Bench ${items}`, (doc) => {
    fill(doc, items, true, items, 'Item');
    elements = elementsOf(doc);
  });
  const label = items.toLocaleString('en');
  // The baseline page first, so the app's background work (list, search index) can't slow it.
  const bareWhole = await openBare(browser, elements, CANVAS_SIZE);
  const { page, token, whole } = await openApp(browser, server, mapId, items);
  progress(`${items} items: opened in ${whole.toFixed(0)} ms (bare page: ${bareWhole.toFixed(0)} ms)`);
  const canvas = (await page.evaluate(`window.__bench.measure('buurtweb:canvas', ${items})`)) as number;
  const apply = (await page.evaluate(`window.__bench.measure('buurtweb:apply', ${items})`)) as number;
  progress(`${items} items: canvas ${canvas.toFixed(0)} ms, of which applying the change ${apply.toFixed(0)} ms`);
  const oursCold = (await page.evaluate("window.__bench.zoomFrames('ours', 5)")) as number[];
  await page.waitForTimeout(IDLE_MS);
  const oursWarm = (await page.evaluate("window.__bench.zoomFrames('ours', 11)")) as number[];

  progress(`${items} items: remote changes`);
  // (b) One remote change: another person renames an item.
  const client = connectClient(server.wsUrl, mapId, token);
  await synced(client);
  const ctx: OpContext = { actor: { id: 'remote', name: 'Remote' }, origin: 'ui' };
  const ids = [...client.doc.getMap('nodes').keys()];
  const incremental: number[] = [];
  for (let i = 0; i < 7; i++) {
    const before = (await page.evaluate("window.__bench.count('buurtweb:canvas')")) as number;
    updateNode(client.doc, ids[i * 7]!, { label: `Hernoemd ${i}` }, ctx);
    await page.waitForFunction(
      (n) => (window as unknown as { __bench: { count(s: string): number } }).__bench.count('buurtweb:canvas') > n,
      before,
      { timeout: 60_000 },
    );
    incremental.push((await page.evaluate("window.__bench.measure('buurtweb:canvas')")) as number);
    await page.waitForTimeout(300);
  }
  client.destroy();
  const rebuild: number[] = [];
  for (let i = 0; i < 3; i++) rebuild.push((await page.evaluate('window.__bench.rebuild()')) as number);
  await page.waitForTimeout(IDLE_MS);

  progress(`${items} items: bare Cytoscape in the same page`);
  const bareCanvas = (await page.evaluate('window.__bench.bare(false)')) as number;
  const bareCold = (await page.evaluate("window.__bench.zoomFrames('bare', 5)")) as number[];
  await page.waitForTimeout(IDLE_MS);
  const bareWarm = (await page.evaluate("window.__bench.zoomFrames('bare', 11)")) as number[];
  const bareRename: number[] = [];
  for (let i = 0; i < 7; i++) {
    bareRename.push((await page.evaluate(`window.__bench.bareRename(${i})`)) as number);
    await page.waitForTimeout(300);
  }
  await page.evaluate('window.__bench.dropBare()');

  return {
    page,
    open: [
      { what: `${label} items: open the app → canvas drawn, ms`, ours: whole, baseline: bareWhole },
      { what: `${label} items: canvas build → first frame, ms`, ours: canvas, baseline: bareCanvas },
    ],
    change: [
      {
        what: `${label} items: one remote rename → drawn, ms (median of 7 vs 3)`,
        ours: median(incremental),
        baseline: median(rebuild),
      },
    ],
    changeBare: [
      {
        what: `${label} items: one rename → drawn, ms (median of 7)`,
        ours: median(incremental),
        baseline: median(bareRename),
      },
    ],
    zoom: [
      {
        what: `${label} items: zoom step just after opening → frame, ms (median of 5)`,
        ours: median(oursCold),
        baseline: median(bareCold),
      },
      {
        what: `${label} items: zoom step once idle → frame, ms (median of 11)`,
        ours: median(oursWarm),
        baseline: median(bareWarm),
      },
    ],
  };
}

/** (c) 5,000 unplaced items arrive at once in an open 1,000-item map. */
async function benchImport(
  page: Page,
  server: TestServer,
  mapId: string,
  token: string,
  before: number,
): Promise<Row[]> {
  const client = connectClient(server.wsUrl, mapId, token);
  await synced(client);
  progress('importing 5,000 unplaced items');
  const ids = fill(client.doc, IMPORTED, false, 7, 'Import');
  await waitDrawn(page, before + IMPORTED);
  const whole = (await page.evaluate(`window.__bench.measure('buurtweb:canvas', ${before + IMPORTED})`)) as number;
  const placement = (await page.evaluate(`window.__bench.measure('buurtweb:placement', ${IMPORTED})`)) as number;
  // Editors share the spots after a grace period (the items are someone else's).
  await page.waitForFunction(
    () => (window as unknown as { __bench: { count(s: string): number } }).__bench.count('buurtweb:share') > 0,
    undefined,
    { timeout: 60_000 },
  );
  const share = (await page.evaluate("window.__bench.measure('buurtweb:share')")) as number;
  const list = JSON.stringify(ids);
  const bareLayout = (await page.evaluate(`window.__bench.bareLayoutOnly(${list})`)) as number;
  // A bare instance holding the map as it was before the import, then the same import.
  await page.evaluate(`window.__bench.bare(false, ${list})`);
  const bareWhole = (await page.evaluate(`window.__bench.bareImport(${list})`)) as number;
  await page.evaluate('window.__bench.dropBare()');
  client.destroy();
  return [
    { what: 'lay out 5,000 imported items (draft fcose), ms', ours: placement, baseline: bareLayout },
    { what: 'import arrives → added, laid out and drawn, ms', ours: whole, baseline: bareWhole },
    { what: 'share their 5,000 positions (placeNodes), ms', ours: share, baseline: NaN },
  ];
}

/**
 * WebGL against the canvas renderer, both bare, at 5,000 items. Headless Chromium has
 * no GPU here (--disable-gpu): WebGL runs in SwiftShader, on the CPU. Frames are timed
 * as two animation frames for both, since the WebGL renderer emits no 'render' event.
 */
async function benchRenderer(page: Page): Promise<Row[]> {
  const [canvasOpen, canvasZoom] = (await page.evaluate('window.__bench.rendererFrames(false, 11)')) as number[];
  const [glOpen, glZoom] = (await page.evaluate('window.__bench.rendererFrames(true, 11)')) as number[];
  return [
    { what: '5,000 items: build → drawn, ms', ours: canvasOpen!, baseline: glOpen! },
    { what: '5,000 items: zoom step once idle → drawn, ms (median of 11)', ours: canvasZoom!, baseline: glZoom! },
  ];
}

export async function browserBench(): Promise<string> {
  requireBuiltClient();
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const open: Row[] = [];
    const change: Row[] = [];
    const changeBare: Row[] = [];
    const zoom: Row[] = [];
    let imported: Row[] = [];
    let renderer: Row[] = [];
    for (const items of SIZES) {
      const r = await benchSize(browser, server, items);
      open.push(...r.open);
      change.push(...r.change);
      changeBare.push(...r.changeBare);
      zoom.push(...r.zoom);
      if (items === 1_000) {
        const token = createInvite(server.app.storage, 'bench-1000', 'editor', 'Importer').token;
        imported = await benchImport(r.page, server, 'bench-1000', token, items);
      }
      if (items === 5_000) renderer = await benchRenderer(r.page);
      await r.page.context().close();
    }
    return [
      table('Canvas: opening a map (positions given)', 'bare Cytoscape, default style', open),
      table('Canvas: one remote change', 'rebuilding the view (remove all, add all)', change),
      table(
        'Canvas: one remote change, against Cytoscape alone',
        'bare Cytoscape, ele.data() in the page (no sync, no store)',
        changeBare,
      ),
      table('Canvas: 5,000 unplaced items imported into a 1,000-item map', 'bare Cytoscape + fcose draft', imported),
      table('Canvas: staying usable', 'bare Cytoscape, default style', zoom),
      table('Renderer: canvas (ours) against WebGL, bare Cytoscape', 'WebGL renderer', renderer),
    ].join('\n');
  } finally {
    await browser.close();
    await server.close();
  }
}
