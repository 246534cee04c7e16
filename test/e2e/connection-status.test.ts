/**
 * The connection state tells the truth at once: a map opened without a network, or with
 * the server down, says "Offline" (and keeps the edits), not "Verbinden…" for as long as
 * the provider retries.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createNode } from '../../schema/index.js';
import { createMap } from '../../server/maps.js';
import { browserCases, connectionStatus as status, screenshot } from '../support/browser.js';

const MAP = { id: 'wijk', name: 'Kanaleneiland-Zuid' };

describe('connection state', () => {
  const e2e = browserCases();

  beforeEach(() => {
    createMap(e2e.server.app.storage, MAP.id, MAP.name, (doc) => {
      createNode(
        doc,
        { kind: 'theme', label: 'Eenzaamheid' },
        { actor: { id: 'import', name: 'Import' }, origin: 'seed' },
      );
    });
  });

  it('says Offline at once after a reload without network, and Online when it is back', async () => {
    const { page, context } = await e2e.openAsPerson(MAP, 'editor', 'Anna');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: MAP.name }).waitFor({ timeout: 15_000 });
    await expect.poll(() => status(page), { timeout: 3_000 }).toContain('Offline');
    await screenshot(page, 'issue12-offline-reload');
    await context.setOffline(false);
    await expect.poll(() => status(page), { timeout: 15_000 }).toContain('Online');
  });

  it('says Offline soon after a reload while the server is down', async () => {
    const { page } = await e2e.openAsPerson(MAP, 'editor', 'Anna');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
    await e2e.stopServer();
    await page.reload();
    await page.getByRole('heading', { name: MAP.name }).waitFor({ timeout: 15_000 });
    await expect.poll(() => status(page), { timeout: 5_000 }).toContain('Offline');
    await e2e.startServerAgain();
    await expect.poll(() => status(page), { timeout: 20_000 }).toContain('Online');
  });
});
