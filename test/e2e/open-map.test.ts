/** A person opens the served app from an invite link: the map, its items and their presence. */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_MAP_NAME, DEMO_NODES } from '../../server/demo-data.js';
import { createDemoMap } from '../../server/demo.js';
import { browserCases, connectionStatus, screenshot } from '../support/browser.js';

describe('opening a map in the browser', () => {
  const e2e = browserCases();
  beforeEach(() => createDemoMap(e2e.server.app.storage));

  it('opens the demo map from an invite link and shows its items as text', async () => {
    const { page } = await e2e.visit('demo', 'editor', 'Fenna de Vries');
    await expect.poll(() => page.url()).toContain('/map/demo');
    await page.getByRole('heading', { name: DEMO_MAP_NAME }).waitFor();
    const table = page.getByRole('grid', { name: 'Items' });
    await expect.poll(() => table.getByRole('row').count()).toBe(DEMO_NODES.length + 1);
    await expect.poll(() => connectionStatus(page)).toContain('Online');
    expect(await page.getByText('Ingelogd als Fenna de Vries (Redacteur)').count()).toBe(1);
    await screenshot(page, 'issue2-demo-map-list');
  });

  it('shows who else is here', async () => {
    const a = await e2e.visit('demo', 'viewer', 'A');
    await e2e.visit('demo', 'viewer', 'B');
    // Nobody else is on this case's map: exactly the one other person.
    await expect.poll(() => connectionStatus(a.page)).toBe('Online · 1 ander hier');
  });

  it('a bad invite link gets a clear message, not a blank page', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.server.app.url}/join/demo#token=vervalst`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('ongeldig of ingetrokken');
    await page.goto(`${e2e.server.app.url}/join/demo`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('geen uitnodiging');
    await screenshot(page, 'issue2-bad-invite');
  });

  it('speaks English on request', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.server.app.url}/?lang=en`);
    await page.getByText('My maps on this device').waitFor();
  });
});
