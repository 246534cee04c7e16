/** Test support: Debian's Chromium driven by playwright-core (see scripts/ensure-browser.mjs). */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Role } from '../../schema/index.js';
import { startApp } from '../../server/app.js';
import { createInvite, inviteUrl } from '../../server/auth.js';
import type { TestClient } from './clients.js';
import { type Person as PersonClient, join as joinAsClient } from './people.js';
import { ROOT, type TestServer, ensureMap, startTestServer } from './server.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(p)) throw new Error(`No Chromium at ${p}: run node scripts/ensure-browser.mjs`);
  return p;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

/** Saves a screenshot beside the test output, to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function requireBuiltClient(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist-e2e', 'index.html'))) {
    throw new Error('The test build is missing: npm test builds it (vite build --mode e2e) before the suite.');
  }
}

/** The connection status text of the map page ("Online · …"). */
export function connectionStatus(page: Page): Promise<string | null> {
  return page.getByRole('status', { name: 'Verbinding' }).textContent();
}

export interface Person {
  page: Page;
  context: BrowserContext;
}

export interface OpenOptions {
  /** Open with this invite's token (e.g. a stock client's, to be the same person) instead of a new one. */
  token?: string;
  viewport?: { width: number; height: number };
}

/**
 * What each browser test file shares, set up so that no case depends on another: one
 * Chromium for the file, and for each case a server of its own (its own data directory,
 * so nothing a case writes is there for the next), its own browser contexts and stock
 * clients. All of a case's are closed after it, whether it passed or not.
 */
export interface BrowserCases {
  readonly browser: Browser;
  /** This case's server. */
  readonly server: TestServer;
  /** A browser context of its own (closed after the case) with one page. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Opens the invite link of `name` (invited to `mapId` with `role`) in a new context, without waiting. */
  visit(mapId: string, role: Role, name: string, opts?: OpenOptions): Promise<Person>;
  /** As `visit`, then waits until the map (headed `map.name`) is online. */
  openAsPerson(map: { id: string; name: string }, role: Role, name: string, opts?: OpenOptions): Promise<Person>;
  /** A stock y-websocket client joined as `name` (see people.ts), destroyed after the case. */
  join(mapId: string, role: Role, name: string): Promise<PersonClient>;
  /** Stops this case's server; its data directory stays for `startServerAgain`. */
  stopServer(): Promise<void>;
  /** Starts this case's server again on the same port and data directory. */
  startServerAgain(): Promise<void>;
}

const VIEWPORT = { width: 1400, height: 900 };

export interface BrowserCasesOptions {
  /**
   * 'block' keeps the app's service worker out of this file's contexts. It only keeps the
   * app shell for use without a server, and installing it (fetching every asset again) is
   * about a sixth of what opening a map costs: files that don't test the app without a
   * server block it. Default 'allow', as in a real browser.
   */
  serviceWorkers?: 'allow' | 'block';
}

/** Registers the hooks of `BrowserCases` in the calling `describe`. */
export function browserCases(options: BrowserCasesOptions = {}): BrowserCases {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  const contexts: BrowserContext[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    requireBuiltClient();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    for (const c of clients.splice(0)) c.destroy();
    const dataDir = server?.cfg.dataDir;
    await server?.close();
    server = undefined;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const cases: BrowserCases = {
    get browser() {
      if (!browser) throw new Error('no browser: used outside a case');
      return browser;
    },
    get server() {
      if (!server) throw new Error('no server: used outside a case');
      return server;
    },
    async newPage(viewport = VIEWPORT) {
      const context = await cases.browser.newContext({ viewport, serviceWorkers: options.serviceWorkers ?? 'allow' });
      contexts.push(context);
      return context.newPage();
    },
    async visit(mapId, role, name, opts = {}) {
      const page = await cases.newPage(opts.viewport);
      const token = opts.token ?? createInvite(cases.server.app.storage, mapId, role, name).token;
      await page.goto(inviteUrl(cases.server.app.url, mapId, token));
      return { page, context: page.context() };
    },
    async openAsPerson(map, role, name, opts) {
      const person = await cases.visit(map.id, role, name, opts);
      await person.page.getByRole('heading', { name: map.name }).waitFor();
      await expect.poll(() => connectionStatus(person.page), { timeout: 10_000 }).toContain('Online');
      return person;
    },
    join(mapId, role, name) {
      return joinAsClient(cases.server, clients, mapId, role, name);
    },
    async stopServer() {
      await cases.server.close();
    },
    async startServerAgain() {
      const old = cases.server;
      const app = await startApp({ ...old.cfg, port: old.app.port });
      server = {
        ...old,
        app,
        invite(mapId, role, name = `${role} tester`) {
          ensureMap(app.storage, mapId);
          return createInvite(app.storage, mapId, role, name).token;
        },
        close: () => app.close(),
      };
    },
  };
  return cases;
}

/** The list's row of an item (its name matched as a pattern). */
export function itemRow(page: Page, label: string) {
  return page.getByRole('grid', { name: 'Items' }).getByRole('row', { name: new RegExp(label) });
}

/** The item panel beside the canvas. */
export function itemPanel(page: Page) {
  return page.getByRole('complementary', { name: 'Item' });
}

/** Selects an item by clicking its row's first cell. */
export function selectRow(page: Page, label: string): Promise<void> {
  return itemRow(page, label).getByRole('gridcell').first().click();
}
