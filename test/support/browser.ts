/** Test support: Debian's Chromium driven by playwright-core (see scripts/ensure-browser.mjs). */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import type { Role } from '../../schema/index.js';
import { createInvite, inviteUrl } from '../../server/auth.js';
import type { Storage } from '../../server/storage.js';
import { ROOT } from './server.js';

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
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.html'))) {
    throw new Error('The client is not built: npm test builds it (vite build) before running the suite.');
  }
}

/** The connection status text of the map page ("Online · …"). */
export function connectionStatus(page: Page): Promise<string | null> {
  return page.getByRole('status', { name: 'Verbinding' }).textContent();
}

/**
 * A person in a browser context of their own: invited to `mapId` with `role`, they open
 * the invite link and wait until the map (headed `mapName`) is online. The context is
 * added to `contexts` for the test to close.
 */
export async function openAsPerson(
  browser: Browser,
  contexts: BrowserContext[],
  server: { app: { storage: Storage; url: string } },
  map: { id: string; name: string },
  role: Role,
  name: string,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const { token } = createInvite(server.app.storage, map.id, role, name);
  await page.goto(inviteUrl(server.app.url, map.id, token));
  await page.getByRole('heading', { name: map.name }).waitFor();
  await expect.poll(() => connectionStatus(page), { timeout: 10_000 }).toContain('Online');
  return { page, context };
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
