/**
 * Issue 4: notes on every item, written together — two people typing into one note at
 * once, an @-mention by keyboard that follows the item's label and leads to it, the
 * "mentioned in" backlink, note text in search, and a hostile paste that stays inert.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteNode, noteOf, noteText as storedNoteText, updateNode } from '../../schema/index.js';
import { DEMO_MAP_NAME } from '../../server/demo-data.js';
import { DEMO_MAP_ID, fillDemo } from '../../server/demo.js';
import { createMap, loadDoc } from '../../server/maps.js';
import { browserCases, screenshot } from '../support/browser.js';

/** What the hostile paste would set, had it run. */
type TestWindow = { pwned?: number };
const ITEM = 'Huiskamer De Koffiepot';

describe('notes written together', () => {
  // Nothing here uses the app without a server: no service worker (see BrowserCasesOptions).
  const e2e = browserCases({ serviceWorkers: 'block' });

  /** The demo map on this case's server; `extra` may add to it (given the demo's key → id table). */
  function demoMap(extra?: (doc: Y.Doc, ids: Map<string, string>) => void): Map<string, string> {
    let ids = new Map<string, string>();
    createMap(e2e.server.app.storage, DEMO_MAP_ID, DEMO_MAP_NAME, (doc, contacts) => {
      ids = fillDemo(doc, contacts);
      extra?.(doc, ids);
    });
    return ids;
  }

  async function open(name: string): Promise<Page> {
    const { page } = await e2e.visit(DEMO_MAP_ID, 'editor', name);
    await page.getByRole('heading', { name: DEMO_MAP_NAME }).waitFor();
    await page.getByRole('gridcell', { name: ITEM }).waitFor();
    return page;
  }
  const select = (p: Page, label: string) =>
    p
      .getByRole('grid', { name: 'Items' })
      .getByRole('row', { name: new RegExp(`^${label}`) })
      .first()
      .getByRole('gridcell')
      .first()
      .click();
  const panel = (p: Page) => p.getByRole('complementary', { name: 'Item' });
  const note = (p: Page) =>
    panel(p)
      .getByRole('textbox', { name: /Notitie/ })
      .locator('.ProseMirror');
  /** The note's text without collaborators' caret labels (widgets, not content). */
  const noteText = (p: Page) =>
    note(p).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
      document.body.append(copy);
      const text = copy.innerText;
      copy.remove();
      // Layout hacks around widgets (trailing breaks) are not content: compare words.
      return text.replace(/\s+/g, ' ').trim();
    });
  /** Selects the item and puts the caret at the end of its note. */
  async function toNoteEnd(p: Page): Promise<void> {
    await select(p, ITEM);
    await note(p).click();
    await p.keyboard.press('Control+End');
  }

  it('two people typing into the same note at the same time both end with the merged text', async () => {
    demoMap();
    const a = await open('Anna');
    const b = await open('Bram');
    await select(b, ITEM);
    await toNoteEnd(a);
    await a.keyboard.press('Enter');
    await note(b).click();
    await b.keyboard.press('Control+Home');
    await Promise.all([
      a.keyboard.type('Anna: de huiskamer is verhuisd naar de bibliotheek.', { delay: 15 }),
      b.keyboard.type('Bram: vraag naar Gerda. ', { delay: 15 }),
    ]);
    for (const p of [a, b]) {
      await expect
        .poll(() => noteText(p), { timeout: 10_000 })
        .toContain('Anna: de huiskamer is verhuisd naar de bibliotheek.');
      await expect.poll(() => noteText(p), { timeout: 10_000 }).toContain('Bram: vraag naar Gerda.');
    }
    expect(await noteText(a)).toBe(await noteText(b));
    // Each sees the other's caret with their name.
    await expect.poll(() => panel(a).locator('.collaboration-carets__label', { hasText: 'Bram' }).count()).toBe(1);
    await screenshot(a, 'issue4-note-together');
  });

  it('inserts a mention by keyboard, follows it, and shows the backlink', async () => {
    demoMap();
    const a = await open('Anna');
    const b = await open('Bram');
    await select(b, ITEM);
    await toNoteEnd(a);
    await a.keyboard.type(' Zie ook @schuld');
    const list = a.getByRole('listbox', { name: 'Items om te noemen' });
    await list.getByRole('option', { name: /^Schulden/ }).waitFor();
    await screenshot(a, 'issue4-mention-list');
    await a.keyboard.press('Enter');
    await expect.poll(() => note(a).locator('.mention').first().textContent()).toBe('@Schulden');
    await expect.poll(() => note(b).locator('.mention').first().textContent()).toBe('@Schulden');

    // In a note being edited a mention is text: Ctrl+click (or its "Open" button) follows it.
    await note(a)
      .locator('.mention')
      .first()
      .click({ modifiers: ['Control'] });
    await panel(a).getByRole('heading', { name: 'Schulden', level: 2 }).waitFor();
    const backlinks = panel(a).getByRole('region', { name: 'Genoemd in' });
    await backlinks.getByRole('button', { name: 'Huiskamer De Koffiepot' }).waitFor();
    await screenshot(a, 'issue4-backlink');
    await backlinks.getByRole('button', { name: 'Huiskamer De Koffiepot' }).click();
    await panel(a).getByRole('heading', { name: 'Huiskamer De Koffiepot', level: 2 }).waitFor();
  });

  it('finds items by the text of their notes', async () => {
    demoMap();
    const a = await open('Anna');
    await toNoteEnd(a);
    await a.keyboard.type(' De huiskamer is verhuisd naar de bibliotheek.');
    const search = a.getByRole('combobox', { name: 'Zoeken' });
    await search.fill('bibliotheek verhuisd');
    await a
      .getByRole('listbox', { name: 'Zoekresultaten' })
      .getByRole('option', { name: /^Huiskamer De Koffiepot/ })
      .waitFor();
    await search.press('Escape');
    await search.press('Escape');
  });

  it('a mention shows the current label, and "removed" once the item is deleted', async () => {
    const ids = demoMap((doc, ids) => {
      const p = new Y.XmlElement('paragraph');
      const m = new Y.XmlElement('mention');
      m.setAttribute('id', ids.get('th-schulden')!);
      m.setAttribute('label', 'Schulden');
      p.insert(0, [new Y.XmlText('Zie ook '), m]);
      noteOf(doc, ids.get('ini-huiskamer')!)!.insert(0, [p]);
    });
    const schulden = ids.get('th-schulden')!;
    const a = await open('Anna');
    await select(a, ITEM);
    await expect.poll(() => note(a).locator('.mention').first().textContent()).toBe('@Schulden');
    // Someone else renames the mentioned item, then deletes it.
    const bram = await e2e.join(DEMO_MAP_ID, 'editor', 'Bram');
    updateNode(bram.doc, schulden, { label: 'Schulden en geldzorgen' }, bram.ctx);
    await expect.poll(() => note(a).locator('.mention').first().textContent()).toBe('@Schulden en geldzorgen');
    deleteNode(bram.doc, schulden, bram.ctx);
    await expect.poll(() => note(a).locator('.mention').first().textContent()).toBe('@verwijderd item');
    expect(await note(a).locator('.mention-removed').count()).toBe(1);
  });

  it('keeps a pasted <script>/onerror payload inert', async () => {
    demoMap();
    const a = await open('Anna');
    const b = await open('Bram');
    await select(b, ITEM);
    await toNoteEnd(a);
    await a.evaluate(() => {
      const target = document.querySelector('.note-content')!;
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<p>Geplakt uit Word <b>vet</b><img src="x" onerror="window.pwned=1"><script>window.pwned=2</script></p>' +
          '<p><a href="javascript:window.pwned=3">klik</a><iframe src="javascript:window.pwned=4"></iframe></p>',
      );
      data.setData('text/plain', 'Geplakt uit Word vet klik');
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => noteText(a)).toContain('Geplakt uit Word');
    await new Promise((r) => setTimeout(r, 300));
    for (const p of [a, b]) {
      expect(await p.evaluate(() => (window as unknown as TestWindow).pwned)).toBeUndefined();
      // (ProseMirror's own separator image aside, which has no src.)
      expect(await note(p).locator('img[src], script, iframe').count()).toBe(0);
      expect(await note(p).locator('a[href^="javascript"]').count()).toBe(0);
    }
    expect(await note(a).locator('strong').count()).toBeGreaterThan(0); // allowed formatting is kept
    await screenshot(a, 'issue4-paste-cleaned');
  });

  it('notes survive a server restart, and deleting an item deletes its note', async () => {
    const id = demoMap().get('ini-huiskamer')!;
    const a = await open('Anna');
    await toNoteEnd(a);
    await a.keyboard.type(' Anna: de huiskamer is verhuisd naar de bibliotheek.');
    // Stored by the server (not only on Anna's device) before it stops.
    const stored = () => {
      const doc = loadDoc(e2e.server.app.storage, DEMO_MAP_ID);
      const note = noteOf(doc, id);
      const text = note && storedNoteText(note);
      doc.destroy();
      return text;
    };
    await expect.poll(stored).toContain('Anna: de huiskamer is verhuisd naar de bibliotheek.');
    await e2e.stopServer();
    await e2e.startServerAgain();
    // Another device gets the note from the restarted server, then deletes the item.
    const c = await e2e.join(DEMO_MAP_ID, 'editor', 'Controle');
    expect(storedNoteText(noteOf(c.doc, id)!)).toContain('Anna: de huiskamer is verhuisd naar de bibliotheek.');
    deleteNode(c.doc, id, c.ctx);
    await expect.poll(stored, { timeout: 5000 }).toBe(undefined);
  });
});
