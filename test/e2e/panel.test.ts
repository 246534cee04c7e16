/**
 * Editing the map through the item panel and its dialogs, as a person would: create with
 * validation, edit and undo, create-and-link in one go, link with only fitting kinds,
 * remove a link, delete with confirmation; and what a viewer does not get.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { MapHandle } from '@map';
import { type OpContext, type Role, createNode, deleteNode, link, setContactDetails } from '../../schema/index.js';
import { DEMO_MAP_NAME } from '../../server/demo-data.js';
import { DEMO_MAP_ID, fillDemo } from '../../server/demo.js';
import { createMap } from '../../server/maps.js';
import { browserCases, screenshot } from '../support/browser.js';

type TestWindow = { buurtweb: { ui: MapHandle }; actionCalls?: [string, unknown[]][] };

/** What a case's map holds beside the demo (made as an earlier visit of Fenna's would have). */
interface Seed {
  /** Noor Haddou, a volunteer. */
  noor?: boolean;
  /** Noor knows Fatima Benhaddou (very well, can introduce). */
  noorKnowsFatima?: boolean;
  /** Buurtkeuken Kanaleneiland, where Noor works as a cook. */
  buurtkeuken?: boolean;
}

function seed(doc: Y.Doc, contacts: Y.Doc, ids: Map<string, string>, what: Seed): void {
  if (!what.noor && !what.noorKnowsFatima && !what.buurtkeuken) return;
  const ctx: OpContext = { actor: { id: 'fenna', name: 'Fenna de Vries' }, origin: 'seed' };
  const noor = createNode(
    doc,
    { kind: 'person', label: 'Noor Haddou', fields: { role: 'volunteer', skills: ['Koken', 'Luisteren'] } },
    ctx,
  );
  setContactDetails(contacts, noor, 'person', { email: 'noor@example.org' }, { ...ctx, personRole: 'volunteer' });
  if (what.noorKnowsFatima) {
    const fields = { strength: 'strong', canIntroduce: true };
    link(doc, { kind: 'knows', from: noor, to: ids.get('p-fatima')!, fields }, ctx);
  }
  if (what.buurtkeuken) {
    const keuken = createNode(
      doc,
      { kind: 'organisation', label: 'Buurtkeuken Kanaleneiland', fields: { orgType: 'other' } },
      ctx,
    );
    link(doc, { kind: 'works_for', from: noor, to: keuken, fields: { function: 'Kok' } }, ctx);
  }
}

describe('editing the map in the item panel', () => {
  // Nothing here uses the app without a server: no service worker (see BrowserCasesOptions).
  const e2e = browserCases({ serviceWorkers: 'block' });

  /** The demo map (with `what` beside it) on this case's server. */
  function demoMap(what: Seed = {}): void {
    createMap(e2e.server.app.storage, DEMO_MAP_ID, DEMO_MAP_NAME, (doc, contacts) =>
      seed(doc, contacts, fillDemo(doc, contacts), what),
    );
  }

  async function open(role: Role, name: string): Promise<Page> {
    const { page: p } = await e2e.visit(DEMO_MAP_ID, role, name);
    await p.getByRole('heading', { name: DEMO_MAP_NAME }).waitFor();
    await p.waitForFunction(() => (window as unknown as TestWindow).buurtweb?.ui.model.nodes().length > 50);
    return p;
  }
  /**
   * Fenna, an editor, whose content writes are recorded (see recordActions). As the map's
   * first editor her device arranges it: wait until everything is placed, as it was for
   * her on any later visit (the arranging re-renders open lists such as a dialog's).
   */
  async function openFenna(what: Seed = {}): Promise<Page> {
    demoMap(what);
    const page = await open('editor', 'Fenna de Vries');
    await page.waitForFunction(() =>
      (window as unknown as TestWindow).buurtweb.ui.model.nodes().every((n) => n.position !== undefined),
    );
    await recordActions(page);
    return page;
  }

  const idOf = (p: Page, label: string) =>
    p.evaluate(
      (l) => (window as unknown as TestWindow).buurtweb.ui.model.nodes().find((n) => n.label === l)?.id,
      label,
    );
  const select = async (p: Page, label: string) => {
    const id = await idOf(p, label);
    expect(id).toBeTruthy();
    await p.evaluate((i) => (window as unknown as TestWindow).buurtweb.ui.focus(i), id!);
    return id!;
  };
  /** Selects the item and waits until the panel shows it. */
  const show = async (p: Page, label: string) => {
    const id = await select(p, label);
    await expect.poll(() => panelHeading(p)).toBe(label);
    return id;
  };
  const fieldOf = (p: Page, id: string, key: string) =>
    p.evaluate(([i, k]) => (window as unknown as TestWindow).buurtweb.ui.model.node(i!)?.fields[k!], [id, key]);
  /** Records every content write the page makes from now on (layout writes of the canvas aside). */
  const recordActions = (p: Page) =>
    p.evaluate(() => {
      const w = window as unknown as TestWindow;
      w.actionCalls = [];
      const actions = w.buurtweb.ui.model.actions as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const name of Object.keys(actions).filter((n) => n !== 'placeNodes' && n !== 'moveNodes')) {
        const original = actions[name]!;
        actions[name] = (...args: unknown[]) => {
          w.actionCalls!.push([name, JSON.parse(JSON.stringify(args)) as unknown[]]);
          return original(...args);
        };
      }
    });
  const actionCalls = (p: Page) =>
    p.evaluate(() => (window as unknown as TestWindow).actionCalls!.splice(0)) as Promise<[string, unknown[]][]>;
  const panelOf = (p: Page) => p.getByRole('complementary', { name: 'Item' });
  const panelHeading = (p: Page) => panelOf(p).getByRole('heading', { level: 2 }).textContent();

  it('shows a hint when nothing is selected', async () => {
    const page = await openFenna();
    await expect.poll(() => panelHeading(page)).toBe('Niets geselecteerd');
  });

  it('creates a person through the toolbar form, refusing an empty name and a bad e-mail first', async () => {
    const page = await openFenna();
    await page.getByRole('button', { name: 'Nieuw: Persoon' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw: Persoon' });
    await dialog.waitFor();
    // The name has focus: one can start typing right away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(await dialog.getByLabel('Naam').getAttribute('id'));

    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    await expect.poll(() => dialog.getByText('Dit veld is verplicht.').count()).toBe(2); // Naam and Rol
    const name = dialog.getByLabel('Naam');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const errorId = await name.getAttribute('aria-describedby');
    expect(await page.locator(`#${errorId}`).textContent()).toBe('Dit veld is verplicht.');
    await screenshot(page, 'issue3-create-form-errors');

    await name.fill('Noor Haddou');
    await dialog.getByLabel('Rol').selectOption({ label: 'Vrijwilliger' });
    await dialog.getByLabel('E-mail').fill('noor@');
    await dialog.getByLabel('E-mail').press('Enter'); // Enter submits
    await expect.poll(() => dialog.getByText('Geen geldig e-mailadres.').count()).toBe(1);
    expect(await dialog.getByText('Dit veld is verplicht.').count()).toBe(0);
    expect(await dialog.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await actionCalls(page)).toEqual([]); // nothing written while the form is refused

    await dialog.getByLabel('E-mail').fill('noor@example.org');
    await dialog.getByLabel('Talenten en vaardigheden').fill('Koken, Luisteren, ');
    await dialog.getByLabel('Naam').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const calls = await actionCalls(page);
    expect(calls.map((c) => c[0])).toEqual(['createNode']);
    expect(calls[0]![1][0]).toMatchObject({
      kind: 'person',
      label: 'Noor Haddou',
      fields: { role: 'volunteer', email: 'noor@example.org', skills: ['Koken', 'Luisteren'] },
    });
    const panel = panelOf(page);
    await expect.poll(() => panelHeading(page)).toBe('Noor Haddou');
    const id = (await idOf(page, 'Noor Haddou'))!;
    expect(await page.evaluate(() => (window as unknown as TestWindow).buurtweb.ui.model.selection())).toEqual([id]);
    expect(await panel.getByText('Vrijwilliger').count()).toBe(1);
    expect(await panel.getByRole('link', { name: 'noor@example.org' }).getAttribute('href')).toBe(
      'mailto:noor@example.org',
    );
    expect(await panel.getByRole('listitem').filter({ hasText: 'Luisteren' }).count()).toBe(1);
    expect(await panel.getByText(/^Toegevoegd door Fenna de Vries op /).count()).toBe(1);
    // Focus went to the new item in the panel, not back to the toolbar.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Noor Haddou');
  });

  it('edits a field with one write of only that field; Ctrl+Z undoes it, Ctrl+Shift+Z redoes it', async () => {
    const page = await openFenna({ noor: true });
    const panel = panelOf(page);
    const id = await show(page, 'Noor Haddou');
    await panel.getByRole('button', { name: 'Bewerken' }).click();
    const form = panel.getByRole('form', { name: 'Noor Haddou bewerken' });
    await form.getByLabel('Functie').fill('Kok bij het sociaal restaurant');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });

    expect(await actionCalls(page)).toEqual([
      ['updateNode', [id, { fields: { function: 'Kok bij het sociaal restaurant' } }]],
    ]);
    await expect.poll(() => panel.getByText('Kok bij het sociaal restaurant').count()).toBe(1);
    expect(await fieldOf(page, id, 'function')).toBe('Kok bij het sociaal restaurant');
    await screenshot(page, 'issue3-panel-item');

    // Focus is back on "Bewerken" (not in a text field), so the shortcuts apply.
    await page.keyboard.press('Control+z');
    await expect.poll(() => fieldOf(page, id, 'function')).toBeUndefined();
    await expect.poll(() => panel.getByText('Kok bij het sociaal restaurant').count()).toBe(0);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => fieldOf(page, id, 'function')).toBe('Kok bij het sociaal restaurant');
    await expect.poll(() => panel.getByText('Kok bij het sociaal restaurant').count()).toBe(1);
  });

  it('shows per-field errors in the edit form and cancels without writing', async () => {
    const page = await openFenna({ noor: true });
    const panel = panelOf(page);
    await show(page, 'Noor Haddou');
    await panel.getByRole('button', { name: 'Bewerken' }).click();
    const form = panel.getByRole('form', { name: 'Noor Haddou bewerken' });
    await form.getByLabel('Naam').fill('');
    await form.getByLabel('Telefoon').fill('abc');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => form.getByText('Dit veld is verplicht.').count()).toBe(1);
    expect(await form.getByText('Geen geldig telefoonnummer.').count()).toBe(1);
    // Escape cancels the edit (and only the edit: the item stays selected).
    await form.getByLabel('Telefoon').press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await actionCalls(page)).toEqual([]);
    expect(await panelHeading(page)).toBe('Noor Haddou');
  });

  it('creates an organisation linked to the selected person in one operation', async () => {
    const page = await openFenna({ noor: true });
    const personId = await show(page, 'Noor Haddou');
    await page.getByRole('button', { name: 'Nieuw: Organisatie' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw: Organisatie' });
    await dialog.getByLabel('Naam').fill('Buurtkeuken Kanaleneiland');
    await dialog.getByLabel('Soort organisatie').selectOption({ label: 'Anders' });
    const linkGroup = dialog.getByRole('group', { name: 'Koppelen aan Noor Haddou' });
    expect(await linkGroup.getByRole('radio', { name: 'Niet koppelen' }).isChecked()).toBe(true);
    // Both directions are offered, each as the sentence it makes.
    expect(
      await linkGroup.getByRole('radio', { name: 'Buurtkeuken Kanaleneiland ondersteunt Noor Haddou' }).count(),
    ).toBe(1);
    await linkGroup.getByRole('radio', { name: 'Noor Haddou werkt bij Buurtkeuken Kanaleneiland' }).check();
    await linkGroup.getByLabel('Functie').fill('Kok');
    await screenshot(page, 'issue3-create-linked');
    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    await dialog.waitFor({ state: 'detached' });

    const calls = await actionCalls(page);
    expect(calls.map((c) => c[0])).toEqual(['createLinkedNode']);
    expect(calls[0]![1][1]).toEqual({
      kind: 'works_for',
      other: personId,
      direction: 'to',
      fields: { function: 'Kok' },
    });
    await expect.poll(() => panelHeading(page)).toBe('Buurtkeuken Kanaleneiland');
    const panel = panelOf(page);
    expect(await panel.getByRole('heading', { name: 'heeft als medewerker' }).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Noor Haddou', exact: true }).count()).toBe(1);
    expect(await panel.getByText('Kok', { exact: true }).count()).toBe(1);

    // The other item is one click away, and the link reads from its side there.
    await panel.getByRole('button', { name: 'Noor Haddou', exact: true }).click();
    await expect.poll(() => panelHeading(page)).toBe('Noor Haddou');
    expect(await panel.getByRole('heading', { name: 'werkt bij' }).count()).toBe(1);
  });

  it('links two items with the link dialog, offering only the kinds that fit', async () => {
    const page = await openFenna({ noor: true });
    const panel = panelOf(page);
    await show(page, 'Noor Haddou');
    await panel.getByRole('button', { name: 'Koppelen aan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Noor Haddou koppelen aan…' });
    await dialog.waitFor();
    const target = dialog.getByRole('combobox', { name: 'Koppelen aan' });
    await target.fill('schuld');
    await page.getByRole('option', { name: /Schulden/ }).click();
    const kinds = dialog.getByRole('group', { name: 'Soort koppeling' });
    await expect.poll(() => kinds.getByRole('radio').count()).toBe(2);
    expect(await kinds.getByRole('radio', { name: 'Noor Haddou signaleert Schulden' }).count()).toBe(1);
    expect(await kinds.getByRole('radio', { name: 'Noor Haddou is contactpersoon voor Schulden' }).count()).toBe(1);
    expect(await kinds.getByRole('radio', { name: /werkt bij/ }).count()).toBe(0);

    // Another target: the kinds follow.
    await target.fill('fatima');
    await page.getByRole('option', { name: /Fatima Benhaddou/ }).click();
    await kinds.getByRole('radio', { name: 'Noor Haddou kent Fatima Benhaddou' }).check();
    await kinds.getByLabel('Hoe goed').selectOption({ label: 'Heel goed' });
    await kinds.getByLabel('Kan voorstellen').check();
    await screenshot(page, 'issue3-link-dialog');
    await dialog.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const noor = (await idOf(page, 'Noor Haddou'))!;
    const fatima = (await idOf(page, 'Fatima Benhaddou'))!;
    expect(await actionCalls(page)).toEqual([
      ['link', [{ kind: 'knows', from: noor, to: fatima, fields: { strength: 'strong', canIntroduce: true } }]],
    ]);
    // Kobalte takes aria-hidden off the page a frame after the dialog is gone: wait for it.
    await panel.getByRole('heading', { name: 'kent', exact: true }).waitFor();
    expect(await panel.getByRole('heading', { name: 'kent', exact: true }).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Fatima Benhaddou', exact: true }).count()).toBe(1);
    expect(await panel.getByText('Heel goed').count()).toBe(1);
  });

  it('shows the refusal of a duplicate link in the dialog (opened with L)', async () => {
    const page = await openFenna({ noorKnowsFatima: true });
    await show(page, 'Noor Haddou');
    await page.getByRole('heading', { name: 'Noor Haddou' }).click(); // focus out of any field
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Noor Haddou koppelen aan…' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Koppelen aan' }).fill('Fatima');
    await page.getByRole('option', { name: /Fatima Benhaddou/ }).click();
    await dialog.getByRole('radio', { name: 'Noor Haddou kent Fatima Benhaddou' }).check();
    await dialog.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Deze koppeling bestaat al.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Escape closed the dialog only; the selection stays.
    expect(await panelHeading(page)).toBe('Noor Haddou');
    await actionCalls(page);
  });

  it('edits the fields of a link', async () => {
    const page = await openFenna({ noorKnowsFatima: true });
    const panel = panelOf(page);
    await show(page, 'Noor Haddou');
    await panel.getByRole('button', { name: 'Koppeling bewerken: Fatima Benhaddou' }).click();
    const form = panel.getByRole('form', { name: 'Koppeling met Fatima Benhaddou' });
    await form.getByLabel('Hoe goed').selectOption({ label: 'Goed' });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    const calls = await actionCalls(page);
    expect(calls.map((c) => c[0])).toEqual(['updateEdge']);
    expect(calls[0]![1][1]).toEqual({ strength: 'medium' });
    await expect.poll(() => panel.getByText('Goed', { exact: true }).count()).toBe(1);
  });

  it('removes a link without asking, with a notice', async () => {
    const page = await openFenna({ noorKnowsFatima: true });
    const panel = panelOf(page);
    await show(page, 'Noor Haddou');
    await panel.getByRole('button', { name: 'Koppeling verwijderen: Fatima Benhaddou' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Fatima Benhaddou', exact: true }).count()).toBe(0);
    expect((await actionCalls(page)).map((c) => c[0])).toEqual(['unlink']);
    await expect
      .poll(() => page.getByText(/^Koppeling verwijderd: Noor Haddou kent Fatima Benhaddou\. Ongedaan/).count())
      .toBe(1);
  });

  it('deletes an item only after confirmation, from the button or the Delete key', async () => {
    const page = await openFenna({ buurtkeuken: true });
    const id = await show(page, 'Buurtkeuken Kanaleneiland');
    await page.getByRole('heading', { name: 'Buurtkeuken Kanaleneiland' }).click();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('alertdialog', { name: 'Item verwijderen' });
    await confirm.waitFor();
    await screenshot(page, 'issue3-delete-confirm');
    expect(await confirm.getByText('Buurtkeuken Kanaleneiland en de bijbehorende koppeling verwijderen?').count()).toBe(
      1,
    );
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await idOf(page, 'Buurtkeuken Kanaleneiland')).toBe(id);

    await panelOf(page).getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await confirm.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await actionCalls(page)).toEqual([['deleteNode', [id]]]);
    expect(await idOf(page, 'Buurtkeuken Kanaleneiland')).toBeUndefined();
    await expect.poll(() => panelHeading(page)).toBe('Niets geselecteerd');
    await expect.poll(() => page.getByText(/^Buurtkeuken Kanaleneiland is verwijderd/).count()).toBe(1);
  });

  it('shows that the selected item no longer exists when someone else deletes it', async () => {
    const page = await openFenna({ noor: true });
    const id = await show(page, 'Noor Haddou');
    // Sam, on another device, deletes Noor.
    const sam = await e2e.join(DEMO_MAP_ID, 'editor', 'Sam');
    deleteNode(sam.doc, id, sam.ctx);
    await expect.poll(() => panelHeading(page)).toBe('Dit item bestaat niet meer');
  });

  it('a viewer reads the panel but gets no editing controls', async () => {
    demoMap();
    const viewer = await open('viewer', 'Kijker');
    await select(viewer, 'Fatima Benhaddou');
    await expect.poll(() => panelHeading(viewer)).toBe('Fatima Benhaddou');
    const panel = panelOf(viewer);
    expect(await panel.getByText('Buurtondernemer buurtteam sociaal').count()).toBe(1);
    expect(await panel.getByRole('heading', { name: 'werkt bij' }).count()).toBe(1);
    // Contact details of persons are not on a viewer's device at all (issue 6).
    expect(await panel.getByText('06-0000 0001').count()).toBe(0);
    expect(await panel.getByText(/alleen zichtbaar voor eigenaren en redacteuren/).count()).toBe(1);
    for (const name of [
      'Bewerken',
      'Verwijderen',
      'Vergeet deze persoon',
      'Koppelen aan…',
      /^Koppeling (verwijderen|bewerken)/,
    ]) {
      expect(await viewer.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await viewer.getByRole('button', { name: /^Nieuw: / }).count()).toBe(0);
    await viewer.getByRole('heading', { name: 'Fatima Benhaddou' }).click();
    await viewer.keyboard.press('Delete');
    await viewer.keyboard.press('n');
    expect(await viewer.getByRole('alertdialog').count()).toBe(0);
    expect(await viewer.getByRole('dialog').count()).toBe(0);
    await screenshot(viewer, 'issue3-panel-viewer');
  });
});
