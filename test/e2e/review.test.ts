/**
 * Issue 5 in three browsers: an intern (contributor) proposes, a professional (editor)
 * confirms or rejects; stale items in the list, the panel and the review queue, made
 * fresh with "Klopt nog" (button and K); freshness per area; the activity feed with the
 * right names and "what changed since…"; the owner's freshness period; and a tampered
 * contributor's device that the server refuses, brought back to the server's state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { MapHandle } from '@map';
import type { MapActions } from '@sync/actions';
import {
  type OpContext,
  type Role,
  addMonths,
  confirmProposal,
  createLinkedNode,
  createNode,
  link,
  nodesMap,
  rejectProposal,
  verifyNode,
} from '../../schema/index.js';
import { createMap } from '../../server/maps.js';
import { waitFor } from '../support/clients.js';
import type { Person } from '../support/people.js';
import {
  browserCases,
  screenshot,
  connectionStatus as status,
  itemPanel as panel,
  itemRow as row,
} from '../support/browser.js';

type Cy = {
  getElementById(id: string): { data(k: string): unknown; hasClass(c: string): boolean; grabbable(): boolean };
};
type TestWindow = { buurtweb: { ui: MapHandle; cy: Cy; forge: MapActions } };
const MAP = 'wijk';
const MAP_NAME = 'Kanaleneiland-Zuid';
const POLL = { timeout: 10_000 };

describe('keeping the map current', () => {
  // Nothing here uses the app without a server: no service worker (see BrowserCasesOptions).
  const e2e = browserCases({ serviceWorkers: 'block' });

  /** `token`: as the person of a stock client (`e2e.join`), the same person on another device. */
  async function person(role: Role, name: string, token?: string): Promise<Page> {
    const { page } = await e2e.openAsPerson({ id: MAP, name: MAP_NAME }, role, name, { token });
    await row(page, 'Fatima Benali').waitFor();
    return page;
  }
  const INTERN = 'Sanne (stagiair)';
  const EDITOR = 'Esther (buurtteam)';

  /** The id of the item labelled `label` in a stock client's copy. */
  function idIn(doc: Y.Doc, label: string): string {
    for (const [id, n] of nodesMap(doc)) if (n.get('label') === label) return id;
    throw new Error(`no ${label}`);
  }
  /** Sanne's proposals, made on another device: Mohamed (working for the team) and Geldzorgen. */
  function propose(sanne: Person): { mohamed: string; link: string; geldzorgen: string } {
    const team = idIn(sanne.doc, 'Buurtteam Kanaleneiland');
    const { nodeId, edgeId } = createLinkedNode(
      sanne.doc,
      { kind: 'person', label: 'Mohamed El Amrani', fields: { role: 'professional' } },
      { kind: 'works_for', other: team },
      sanne.ctx,
    );
    const geldzorgen = createNode(sanne.doc, { kind: 'theme', label: 'Geldzorgen' }, sanne.ctx);
    return { mohamed: nodeId, link: edgeId, geldzorgen };
  }

  const review = (p: Page) => p.getByRole('region', { name: 'Actueel houden' });
  /** The review panel takes the list's place: close it to use the list. */
  const showList = async (p: Page) => {
    if (await review(p).isVisible()) await p.getByRole('button', { name: 'Paneel sluiten' }).click();
  };
  const select = async (p: Page, label: string) => {
    await showList(p);
    await row(p, label).getByRole('gridcell').first().click();
  };
  const idOf = (p: Page, label: string) =>
    p.evaluate(
      (l) => (window as unknown as TestWindow).buurtweb.ui.model.nodes().find((n) => n.label === l)?.id ?? '',
      label,
    );
  const canvasNode = (p: Page, label: string) =>
    p.evaluate((l) => {
      const w = window as unknown as TestWindow;
      const id = w.buurtweb.ui.model.nodes().find((n) => n.label === l)?.id ?? '';
      const n = w.buurtweb.cy.getElementById(id);
      return {
        proposed: n.data('proposed') === true,
        stale: n.hasClass('stale'),
        changed: n.hasClass('changed-since'),
        grabbable: n.grabbable(),
      };
    }, label);
  const badges = async (p: Page, label: string) => {
    await showList(p);
    await row(p, label).waitFor();
    return (await row(p, label).locator('.list-badge').allTextContents()).sort().join(',');
  };
  const openReview = async (p: Page, tab: 'Verouderd' | 'Voorstellen' | 'Activiteit') => {
    if (!(await review(p).isVisible())) await p.getByRole('button', { name: /^Actueel houden/ }).click();
    await review(p).getByRole('tab', { name: tab }).click();
  };
  const queue = (p: Page) => review(p).getByRole('list', { name: 'Verouderde items, oudste eerst' });
  const queueLabels = async (p: Page) =>
    (
      await queue(p)
        .getByRole('button', { name: /^Toon / })
        .allTextContents()
    ).map((s) => s.trim());

  /**
   * This case's map, as imported long ago: stale and fresh items in two areas. With
   * `mohamed`, also a colleague of the team who was added (and so is fresh) just now.
   */
  function createWijk({ mohamed = false } = {}): void {
    const now = Date.now();
    const ago = (months: number) => addMonths(now, -months);
    createMap(e2e.server.app.storage, MAP, MAP_NAME, (doc) => {
      const at = (months: number): OpContext => ({
        actor: { id: 'import', name: 'Gemeente (import)' },
        origin: 'seed',
        now: () => ago(months),
      });
      const area = (label: string) => createNode(doc, { kind: 'area', label, fields: { level: 'district' } }, at(1));
      const kanaleneiland = area('Kanaleneiland');
      const zuilen = area('Zuilen');
      const team = createNode(
        doc,
        { kind: 'organisation', label: 'Buurtteam Kanaleneiland', fields: { orgType: 'team_social' } },
        at(10),
      );
      const welzaam = createNode(
        doc,
        { kind: 'organisation', label: 'Welzaam', fields: { orgType: 'social_broker_org' } },
        at(20),
      );
      const fatima = createNode(
        doc,
        { kind: 'person', label: 'Fatima Benali', fields: { role: 'professional' } },
        at(8),
      );
      const joris = createNode(doc, { kind: 'person', label: 'Joris de Wit', fields: { role: 'professional' } }, at(2));
      createNode(doc, { kind: 'theme', label: 'Eenzaamheid' }, at(1));
      link(doc, { kind: 'active_in', from: team, to: kanaleneiland }, at(10));
      link(doc, { kind: 'active_in', from: welzaam, to: zuilen }, at(20));
      link(doc, { kind: 'works_for', from: fatima, to: team }, at(8));
      link(doc, { kind: 'works_for', from: joris, to: welzaam }, at(2));
      if (mohamed) {
        const person = { kind: 'person', label: 'Mohamed El Amrani', fields: { role: 'professional' } } as const;
        createLinkedNode(doc, person, { kind: 'works_for', other: team }, at(0));
      }
    });
  }

  it('an intern proposes an item and a link: shown as proposals, and confirmed items stay out of reach', async () => {
    createWijk();
    const intern = await person('contributor', INTERN);
    await intern.getByText('Wat je toevoegt wordt een voorstel tot een redacteur het bevestigt.').waitFor();

    // A new colleague of the team, linked to it in the same step.
    await select(intern, 'Buurtteam Kanaleneiland');
    await intern.getByRole('button', { name: 'Nieuw: Persoon' }).click();
    const dialog = intern.getByRole('dialog', { name: 'Nieuw: Persoon' });
    await dialog.getByLabel('Naam').fill('Mohamed El Amrani');
    await dialog.getByLabel('Rol').selectOption({ label: 'Professional' });
    await dialog.getByRole('radio', { name: 'Mohamed El Amrani werkt bij Buurtteam Kanaleneiland' }).check();
    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => badges(intern, 'Mohamed El Amrani'), POLL).toBe('Voorstel');
    await expect.poll(async () => (await canvasNode(intern, 'Mohamed El Amrani')).proposed, POLL).toBe(true);
    // Their own open proposal: they may still change it (and drag it).
    await panel(intern).getByRole('heading', { name: 'Mohamed El Amrani' }).waitFor();
    await panel(intern).getByText('Je voorstel wacht op bevestiging door een redacteur.', { exact: false }).waitFor();
    expect(await panel(intern).getByRole('button', { name: 'Bewerken', exact: true }).count()).toBe(1);
    expect((await canvasNode(intern, 'Mohamed El Amrani')).grabbable).toBe(true);
    await screenshot(intern, 'issue5-intern-proposal');

    // A confirmed item: no editing, no deleting, no "Klopt nog", a read-only note, not draggable.
    await select(intern, 'Fatima Benali');
    await panel(intern).getByRole('heading', { name: 'Fatima Benali' }).waitFor();
    await panel(intern).getByText('als bijdrager kun je het niet wijzigen', { exact: false }).waitFor();
    for (const name of ['Bewerken', 'Verwijderen', 'Klopt nog']) {
      expect(await panel(intern).getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(
      await panel(intern)
        .getByRole('textbox', { name: /Notitie/ })
        .getAttribute('aria-readonly'),
    ).toBe('true');
    expect((await canvasNode(intern, 'Fatima Benali')).grabbable).toBe(false);
    // The Delete key does not even ask.
    await panel(intern).getByRole('heading', { name: 'Fatima Benali' }).click();
    await intern.keyboard.press('Delete');
    await new Promise((r) => setTimeout(r, 300));
    expect(await intern.getByRole('alertdialog').count()).toBe(0);
    await screenshot(intern, 'issue5-intern-confirmed-item');

    // A second proposal, to be rejected.
    await intern.getByRole('button', { name: 'Nieuw: Thema' }).click();
    const theme = intern.getByRole('dialog', { name: 'Nieuw: Thema' });
    await theme.getByLabel('Naam').fill('Geldzorgen');
    await theme.getByRole('button', { name: 'Aanmaken' }).click();
    await theme.waitFor({ state: 'detached' });
    await expect.poll(() => badges(intern, 'Geldzorgen'), POLL).toBe('Voorstel');
  });

  it('an editor confirms the proposals from the queue and the panel, and rejects the other', async () => {
    createWijk();
    const sanne = await e2e.join(MAP, 'contributor', INTERN);
    propose(sanne);
    const intern = await person('contributor', INTERN, sanne.token);
    const editor = await person('editor', EDITOR);
    await expect.poll(() => badges(editor, 'Mohamed El Amrani'), POLL).toBe('Voorstel');
    await openReview(editor, 'Voorstellen');
    const items = review(editor).getByRole('list', { name: 'Items' });
    await items.getByText('voorgesteld door Sanne (stagiair)').first().waitFor();
    expect(await items.getByRole('listitem').count()).toBe(2);
    const links = review(editor).getByRole('list', { name: 'Koppelingen' });
    await links.getByText('Mohamed El Amrani werkt bij Buurtteam Kanaleneiland').waitFor();
    await screenshot(editor, 'issue5-editor-proposals');

    // Notices last a few seconds: listen before acting.
    const confirmedNotice = intern
      .getByText('Je voorstel ‘Mohamed El Amrani’ is bevestigd door Esther (buurtteam).')
      .waitFor();
    await items.getByRole('button', { name: 'Bevestigen: Mohamed El Amrani' }).click();
    await expect.poll(() => items.getByRole('listitem').count(), POLL).toBe(1);
    await expect.poll(() => badges(editor, 'Mohamed El Amrani'), POLL).toBe('');
    await expect.poll(() => badges(intern, 'Mohamed El Amrani'), POLL).toBe('');
    await expect.poll(async () => (await canvasNode(intern, 'Mohamed El Amrani')).proposed, POLL).toBe(false);
    expect((await canvasNode(editor, 'Mohamed El Amrani')).proposed).toBe(false);
    await confirmedNotice;

    // The link, from the item panel.
    await select(editor, 'Mohamed El Amrani');
    await panel(editor)
      .getByRole('button', { name: 'Koppeling bevestigen: Mohamed El Amrani werkt bij Buurtteam Kanaleneiland' })
      .click();
    await expect.poll(() => panel(editor).getByText('Voorstel', { exact: true }).count(), POLL).toBe(0);

    // Now confirmed, the intern's own item is out of their reach too.
    await select(intern, 'Mohamed El Amrani');
    await panel(intern).getByRole('heading', { name: 'Mohamed El Amrani' }).waitFor();
    await expect.poll(() => panel(intern).getByRole('button', { name: 'Bewerken', exact: true }).count(), POLL).toBe(0);

    // Rejecting asks first, then removes the proposal everywhere.
    await openReview(editor, 'Voorstellen');
    expect(await links.count()).toBe(0);
    await items.getByRole('button', { name: 'Afwijzen: Geldzorgen' }).click();
    const ask = editor.getByRole('alertdialog', { name: 'Voorstel afwijzen' });
    await ask.getByText('Het voorstel Geldzorgen afwijzen?', { exact: false }).waitFor();
    const rejectedNotice = intern.getByText('Je voorstel ‘Geldzorgen’ is afgewezen.').waitFor();
    await ask.getByRole('button', { name: 'Afwijzen' }).click();
    await review(editor).getByText('Er zijn geen open voorstellen.').waitFor();
    await showList(editor);
    await expect.poll(() => row(editor, 'Geldzorgen').count(), POLL).toBe(0);
    await expect.poll(() => row(intern, 'Geldzorgen').count(), POLL).toBe(0);
    await rejectedNotice;
    await openReview(intern, 'Voorstellen');
    await review(intern).getByRole('list', { name: 'Net afgehandeld' }).getByText('Geldzorgen').waitFor();
    await review(intern)
      .getByRole('list', { name: 'Mijn voorstellen' })
      .getByText('Bevestigd door Esther (buurtteam)', { exact: false })
      .first()
      .waitFor();
    await screenshot(intern, 'issue5-intern-my-proposals');
    await showList(intern);
  });

  it('shows stale items in the list, panel, canvas and review queue; Klopt nog (button and K) makes them fresh', async () => {
    createWijk({ mohamed: true });
    const editor = await person('editor', EDITOR);
    const intern = await person('contributor', INTERN);
    expect(await badges(editor, 'Fatima Benali')).toBe('Verouderd');
    expect(await badges(editor, 'Joris de Wit')).toBe('');
    expect((await canvasNode(editor, 'Fatima Benali')).stale).toBe(true);
    expect((await canvasNode(editor, 'Joris de Wit')).stale).toBe(false);
    await openReview(editor, 'Verouderd');
    await review(editor).getByText('3 verouderde items').waitFor();
    expect(await queueLabels(editor)).toEqual(['Welzaam', 'Buurtteam Kanaleneiland', 'Fatima Benali']);
    const scores = review(editor).getByRole('table');
    const score = (area: string) => scores.getByRole('row', { name: new RegExp(`^${area}`) }).textContent();
    // Kanaleneiland: the area, Mohamed (just confirmed) fresh; the team and Fatima stale.
    expect(await score('Kanaleneiland')).toContain('50%');
    expect(await score('Kanaleneiland')).toContain('2 van 4');
    expect(await score('Zuilen')).toContain('67%');

    // Filtered by area, then by organisation.
    await review(editor).getByLabel('Gebied', { exact: true }).selectOption({ label: 'Kanaleneiland' });
    await expect.poll(() => queueLabels(editor), POLL).toEqual(['Buurtteam Kanaleneiland', 'Fatima Benali']);
    await review(editor).getByLabel('Gebied', { exact: true }).selectOption({ label: 'Alle gebieden' });
    await review(editor).getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Welzaam' });
    await expect.poll(() => queueLabels(editor), POLL).toEqual(['Welzaam']);
    await review(editor).getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Alle organisaties' });
    await screenshot(editor, 'issue5-editor-stale-queue');
    await editor.getByRole('button', { name: 'Legenda' }).click();
    const legend = editor.getByRole('region', { name: 'Legenda' });
    await legend.getByText('Verouderd: niet bevestigd binnen de termijn', { exact: false }).waitFor();
    await screenshot(editor, 'issue5-legend');
    await editor.getByRole('button', { name: 'Legenda' }).click();

    // The panel says since when, and "Klopt nog" confirms it.
    await select(editor, 'Fatima Benali');
    const freshness = panel(editor).getByRole('region', { name: 'Actualiteit' });
    await freshness.getByText(/^Verouderd sinds /).waitFor();
    await screenshot(editor, 'issue5-editor-stale-panel');
    await freshness.getByRole('button', { name: 'Klopt nog' }).click();
    await freshness.getByText(/^Actueel tot /).waitFor();
    await expect.poll(() => badges(editor, 'Fatima Benali'), POLL).toBe('');
    await expect.poll(() => badges(intern, 'Fatima Benali'), POLL).toBe('');
    await expect.poll(async () => (await canvasNode(intern, 'Fatima Benali')).stale, POLL).toBe(false);
    await panel(editor).getByText('Laatst bevestigd door Esther (buurtteam)', { exact: false }).waitFor();

    // The keyboard: select from the queue, press K.
    await openReview(editor, 'Verouderd');
    await queue(editor).getByRole('button', { name: 'Toon Buurtteam Kanaleneiland' }).click();
    await panel(editor).getByRole('heading', { name: 'Buurtteam Kanaleneiland' }).waitFor();
    await editor.keyboard.press('k');
    await expect.poll(() => queueLabels(editor), POLL).toEqual(['Welzaam']);
    expect(await score('Kanaleneiland')).toContain('100%');
    // The queue's own button.
    expect(await queue(editor).getByRole('button', { name: 'Klopt nog: Welzaam' }).count()).toBe(1);
    await expect.poll(() => badges(intern, 'Buurtteam Kanaleneiland'), POLL).toBe('');
  });

  it('lists the activity with the right names, filters it, and highlights what changed since a date', async () => {
    createWijk();
    // Esther opens the map, then the day's work arrives from other devices: Sanne proposes;
    // Esther confirms, rejects and confirms as still right (as the cases above do by hand).
    const esther = await e2e.join(MAP, 'editor', EDITOR);
    const editor = await person('editor', EDITOR, esther.token);
    const sanne = await e2e.join(MAP, 'contributor', INTERN);
    const proposed = propose(sanne);
    await waitFor(() => nodesMap(esther.doc).has(proposed.geldzorgen), 'the proposals');
    confirmProposal(esther.doc, { node: proposed.mohamed }, esther.ctx);
    confirmProposal(esther.doc, { edge: proposed.link }, esther.ctx);
    rejectProposal(esther.doc, { node: proposed.geldzorgen }, esther.ctx);
    verifyNode(esther.doc, idIn(esther.doc, 'Fatima Benali'), esther.ctx);
    verifyNode(esther.doc, idIn(esther.doc, 'Buurtteam Kanaleneiland'), esther.ctx);
    await expect.poll(() => row(editor, 'Geldzorgen').count(), POLL).toBe(0);
    await expect.poll(() => badges(editor, 'Buurtteam Kanaleneiland'), POLL).toBe('');

    await openReview(editor, 'Activiteit');
    const feed = review(editor).getByRole('list', { name: 'Activiteit' });
    await feed
      .getByRole('listitem')
      .filter({ hasText: /Sanne \(stagiair\) stelde voor: Mohamed El Amrani$/ })
      .waitFor();
    await feed
      .getByRole('listitem')
      .filter({ hasText: /Esther \(buurtteam\) bevestigde het voorstel Mohamed El Amrani$/ })
      .waitFor();
    await feed
      .getByRole('listitem')
      .filter({
        hasText: 'Esther (buurtteam) bevestigde het voorstel Mohamed El Amrani werkt bij Buurtteam Kanaleneiland',
      })
      .waitFor();
    await feed
      .getByRole('listitem')
      .filter({ hasText: 'Esther (buurtteam) bevestigde dat dit klopt: Fatima Benali' })
      .waitFor();
    await feed.getByRole('listitem').filter({ hasText: 'Esther (buurtteam) verwijderde Geldzorgen' }).waitFor();

    await review(editor).getByLabel('Persoon', { exact: true }).selectOption({ label: 'Sanne (stagiair)' });
    await expect
      .poll(async () => (await feed.getByRole('listitem').allTextContents()).every((t) => t.includes('Sanne')), POLL)
      .toBe(true);
    await review(editor).getByLabel('Persoon', { exact: true }).selectOption({ label: 'Iedereen' });
    await review(editor).getByRole('searchbox', { name: 'Item' }).fill('fatima');
    await expect.poll(() => feed.getByRole('listitem').count(), POLL).toBe(1);
    await review(editor).getByRole('searchbox', { name: 'Item' }).fill('');
    await review(editor).getByLabel('Gebied', { exact: true }).selectOption({ label: 'Zuilen' });
    await review(editor).getByText('Geen activiteit die hierbij past.').waitFor();
    await review(editor).getByLabel('Gebied', { exact: true }).selectOption({ label: 'Alle gebieden' });

    // Since yesterday: everything the people here changed, nothing the import left alone.
    const yesterday = new Date(Date.now() - 86_400_000);
    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    await review(editor).getByLabel('Datum').fill(day);
    await review(editor).getByRole('button', { name: 'Markeren' }).click();
    await review(editor)
      .getByText(/^3 items gewijzigd sinds/)
      .waitFor();
    await screenshot(editor, 'issue5-editor-activity');
    for (const label of ['Mohamed El Amrani', 'Fatima Benali', 'Buurtteam Kanaleneiland']) {
      await expect.poll(() => badges(editor, label), POLL).toContain('Gewijzigd');
    }
    expect(await badges(editor, 'Welzaam')).not.toContain('Gewijzigd');
    expect((await canvasNode(editor, 'Fatima Benali')).changed).toBe(true);
    expect((await canvasNode(editor, 'Welzaam')).changed).toBe(false);
    await screenshot(editor, 'issue5-editor-since-highlight');
    await editor.getByRole('button', { name: /^Markering sinds .* wissen$/ }).click();
    await expect.poll(() => badges(editor, 'Fatima Benali'), POLL).toBe('');
    expect((await canvasNode(editor, 'Fatima Benali')).changed).toBe(false);

    // Since the previous visit: a reload makes the first opening the previous visit.
    await editor.reload();
    await row(editor, 'Fatima Benali').waitFor();
    await openReview(editor, 'Activiteit');
    await review(editor)
      .getByRole('button', { name: /^Sinds mijn vorige bezoek/ })
      .click();
    await expect.poll(() => badges(editor, 'Mohamed El Amrani'), POLL).toContain('Gewijzigd');
    expect(await badges(editor, 'Joris de Wit')).not.toContain('Gewijzigd');
  });

  it('the owner sets the freshness period and stale states follow; an editor has no settings', async () => {
    createWijk();
    const editor = await person('editor', EDITOR);
    const intern = await person('contributor', INTERN);
    expect(await editor.getByRole('button', { name: 'Instellingen' }).count()).toBe(0);
    const owner = await person('owner', 'Olga (eigenaar)');
    expect(await badges(owner, 'Welzaam')).toBe('Verouderd');
    await owner.getByRole('button', { name: 'Instellingen' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Instellingen van de kaart' });
    const months = dialog.getByLabel('Versheidstermijn (maanden)');
    expect(await months.inputValue()).toBe('6');
    await months.fill('0');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Kies een geheel aantal maanden van 1 tot en met 60.').waitFor();
    await screenshot(owner, 'issue5-owner-settings');
    await months.fill('24');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Welzaam was confirmed 20 months ago: current again for everyone.
    await expect.poll(() => badges(owner, 'Welzaam'), POLL).toBe('');
    await expect.poll(() => badges(editor, 'Welzaam'), POLL).toBe('');
    await expect.poll(() => badges(intern, 'Welzaam'), POLL).toBe('');
    await openReview(editor, 'Verouderd');
    await review(editor).getByText('Niets verouderd hier', { exact: false }).waitFor();
    expect(
      await review(editor)
        .getByRole('row', { name: /^Zuilen/ })
        .textContent(),
    ).toContain('100%');
    await review(editor).getByText('langer dan 24 maanden', { exact: false }).waitFor();
  });

  it('a tampered contributor device is refused, explains why, and comes back to the server’s state', async () => {
    createWijk();
    const intern = await person('contributor', INTERN);
    const editor = await person('editor', EDITOR);
    await showList(intern);
    const fatima = await idOf(intern, 'Fatima Benali');
    const forged = await intern.evaluate(
      (id) => (window as unknown as TestWindow).buurtweb.forge.updateNode(id, { label: 'VERVALST' }).ok,
      fatima,
    );
    expect(forged).toBe(true);
    const alert = intern.getByRole('alert').filter({ hasText: 'Je kaart is opnieuw geladen' });
    await alert.waitFor();
    await alert.getByText('als bijdrager kun je', { exact: false }).waitFor();
    await row(intern, 'Fatima Benali').waitFor();
    await expect.poll(() => status(intern), POLL).toContain('Online');
    expect(await row(intern, 'VERVALST').count()).toBe(0);
    expect(await row(editor, 'VERVALST').count()).toBe(0);
    const stored = Buffer.concat(e2e.server.app.storage.loadUpdates(MAP).map((u) => Buffer.from(u.data)));
    expect(stored.includes(Buffer.from('VERVALST'))).toBe(false);
    await screenshot(intern, 'issue5-intern-start-again');
    await alert.getByRole('button', { name: 'Begrepen' }).click();
    await alert.waitFor({ state: 'detached' });

    // The local copy was replaced: a reload opens the server's state, not the forgery.
    await intern.reload();
    await row(intern, 'Fatima Benali').waitFor();
    await expect.poll(() => status(intern), POLL).toContain('Online');
    expect(await row(intern, 'VERVALST').count()).toBe(0);
    // And the device works normally again: a new proposal arrives at the editor.
    await intern.getByRole('button', { name: 'Nieuw: Thema' }).click();
    const theme = intern.getByRole('dialog', { name: 'Nieuw: Thema' });
    await theme.getByLabel('Naam').fill('Na de herstart');
    await theme.getByRole('button', { name: 'Aanmaken' }).click();
    await expect.poll(() => badges(editor, 'Na de herstart'), POLL).toBe('Voorstel');
  });
});
