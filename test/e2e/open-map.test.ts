/** A person opens the served app from an invite link: the map, its items and their presence. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteUrl } from '../../server/auth.js';
import { DEMO_MAP_NAME, DEMO_NODES } from '../../server/demo-data.js';
import { createDemoMap } from '../../server/demo.js';
import { launchBrowser, requireBuiltClient, screenshot } from '../support/browser.js';
import { type TestServer, startTestServer } from '../support/server.js';
import { createInvite } from '../../server/auth.js';

describe('opening a map in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    requireBuiltClient();
    server = await startTestServer();
    createDemoMap(server.app.storage);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the demo map from an invite link and shows its items as text', async () => {
    const { token } = createInvite(server.app.storage, 'demo', 'editor', 'Fenna de Vries');
    const page = await (await browser.newContext()).newPage();
    await page.goto(inviteUrl(server.app.url, 'demo', token));
    await expect.poll(() => page.url()).toContain('/map/demo');
    await page.getByRole('heading', { name: DEMO_MAP_NAME }).waitFor();
    const table = page.getByRole('grid', { name: 'Items' });
    await expect.poll(() => table.getByRole('row').count()).toBe(DEMO_NODES.length + 1);
    await expect.poll(() => page.getByRole('status', { name: 'Verbinding' }).textContent()).toContain('Online');
    expect(await page.getByText('Ingelogd als Fenna de Vries (Redacteur)').count()).toBe(1);
    await screenshot(page, 'issue2-demo-map-list');
  });

  it('shows who else is here', async () => {
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await a.goto(inviteUrl(server.app.url, 'demo', createInvite(server.app.storage, 'demo', 'viewer', 'A').token));
    await b.goto(inviteUrl(server.app.url, 'demo', createInvite(server.app.storage, 'demo', 'viewer', 'B').token));
    await expect
      .poll(() => a.getByRole('status', { name: 'Verbinding' }).textContent())
      .toMatch(/^Online · \d+ anderen? hier$/);
  });

  it('a bad invite link gets a clear message, not a blank page', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.app.url}/join/demo#token=vervalst`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('ongeldig of ingetrokken');
    await page.goto(`${server.app.url}/join/demo`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('geen uitnodiging');
    await screenshot(page, 'issue2-bad-invite');
  });

  it('speaks English on request', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.app.url}/?lang=en`);
    await page.getByText('My maps on this device').waitFor();
  });
});
