/**
 * What the filters show (area with sub-areas and places, theme, neighbourhood, kinds),
 * over the real graph store; and the item list's own text filter, sort order and
 * render window.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GraphStore } from '@sync/graph-store';
import { NO_FILTERS, filtersActive, inArea, visibleIds, withinSteps } from '@map/filters/filtering';
import { formatChanged, rowMatches, sortRows, toggleSort } from '@map/list/list-rows';
import { scrollToReveal, visibleRange } from '@map/list/list-window';
import { areaTree, areaWithSubAreas } from '@map/shared/areas';
import { detailOf } from '@map/shared/item-text';
import { foldedWords } from '@map/shared/text-fold';
import {
  type CreateNodeInput,
  type GraphNode,
  type LinkInput,
  type OpContext,
  createNode,
  deleteNode,
  link,
} from '../../schema/index.js';

const ctx: OpContext = { actor: { id: 't', name: 'Tester' }, origin: 'ui' };
/** A resident key figure must carry a recorded consent and a retention date. */
const RESIDENT_CONSENT = { consent: 'yes', consentAt: '2026-01-15', retentionUntil: '2027-01-15' };

/**
 * Utrecht ⊃ Zuidwest ⊃ {Kanaleneiland-Zuid ⊃ Buurthuis (place)}; Overvecht ⊂ Utrecht.
 * Sorteergroep is located at the Buurthuis; Doenja is active in Zuidwest; Hassan works
 * for Doenja and knows Gerda; Sorteergroep addresses the theme Schulden.
 */
function buildMap() {
  const doc = new Y.Doc();
  const id: Record<string, string> = {};
  const node = (key: string, input: Omit<CreateNodeInput, 'id'>) =>
    (id[key] = createNode(doc, { ...input, id: key }, ctx));
  const edge = (kind: LinkInput['kind'], from: string, to: string) => link(doc, { kind, from, to }, ctx);
  node('utrecht', { kind: 'area', label: 'Utrecht', fields: { level: 'city' } });
  node('zuidwest', { kind: 'area', label: 'Zuidwest', fields: { level: 'district' } });
  node('kzuid', { kind: 'area', label: 'Kanaleneiland-Zuid', fields: { level: 'neighbourhood' } });
  node('overvecht', { kind: 'area', label: 'Overvecht', fields: { level: 'district' } });
  node('buurthuis', { kind: 'place', label: 'Buurthuis De Schakel', fields: { address: 'Marshalllaan 1' } });
  node('sorteergroep', { kind: 'initiative', label: 'Sorteergroep', fields: { stage: 'running' } });
  node('doenja', { kind: 'organisation', label: 'Doenja', fields: { orgType: 'social_broker_org' } });
  node('hassan', { kind: 'person', label: 'Hassan', fields: { role: 'resident_key_figure', ...RESIDENT_CONSENT } });
  node('gerda', { kind: 'person', label: 'Gerda', fields: { role: 'volunteer' } });
  node('schulden', { kind: 'theme', label: 'Schulden', fields: { themeType: 'problem' } });
  edge('part_of', 'zuidwest', 'utrecht');
  edge('part_of', 'kzuid', 'zuidwest');
  edge('part_of', 'overvecht', 'utrecht');
  edge('part_of', 'buurthuis', 'kzuid');
  edge('located_at', 'sorteergroep', 'buurthuis');
  edge('active_in', 'doenja', 'zuidwest');
  edge('works_for', 'hassan', 'doenja');
  edge('knows', 'hassan', 'gerda');
  edge('addresses', 'sorteergroep', 'schulden');
  return { doc, store: new GraphStore(doc) };
}

const sorted = (s: Set<string> | null) => (s ? [...s].sort() : s);

describe('filters', () => {
  let doc: Y.Doc;
  let store: GraphStore;
  beforeEach(() => ({ doc, store } = buildMap()));

  it('shows everything without filters', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(visibleIds(store, NO_FILTERS, [])).toBeNull();
  });

  it('an area includes its sub-areas (part_of), their items and what is located at their places', () => {
    expect(sorted(areaWithSubAreas(store, 'zuidwest'))).toEqual(['kzuid', 'zuidwest']);
    expect(sorted(inArea(store, 'zuidwest'))).toEqual(['buurthuis', 'doenja', 'kzuid', 'sorteergroep', 'zuidwest']);
    expect(sorted(inArea(store, 'utrecht'))).toEqual(
      ['buurthuis', 'doenja', 'kzuid', 'overvecht', 'sorteergroep', 'utrecht', 'zuidwest'].sort(),
    );
    // Not the district a neighbourhood is part of, nor what is active in that district.
    expect(sorted(inArea(store, 'kzuid'))).toEqual(['buurthuis', 'kzuid', 'sorteergroep']);
    expect(sorted(visibleIds(store, { ...NO_FILTERS, areaId: 'kzuid' }, []))).toEqual([
      'buurthuis',
      'kzuid',
      'sorteergroep',
    ]);
  });

  it('survives a part_of cycle', () => {
    link(doc, { kind: 'part_of', from: 'utrecht', to: 'kzuid' }, ctx);
    expect(sorted(areaWithSubAreas(store, 'kzuid'))).toEqual(['kzuid', 'utrecht', 'zuidwest', 'overvecht'].sort());
  });

  it('a theme shows the theme and what is linked to it', () => {
    expect(sorted(visibleIds(store, { ...NO_FILTERS, themeId: 'schulden' }, []))).toEqual(['schulden', 'sorteergroep']);
  });

  it('combines filters as "and"', () => {
    const f = { ...NO_FILTERS, areaId: 'zuidwest', themeId: 'schulden' };
    expect(sorted(visibleIds(store, f, []))).toEqual(['sorteergroep']);
  });

  it('the neighbourhood of the selection: 1 or 2 steps', () => {
    expect(sorted(withinSteps(store, ['hassan'], 1))).toEqual(['doenja', 'gerda', 'hassan']);
    expect(sorted(visibleIds(store, { ...NO_FILTERS, neighbourhood: 1 }, ['hassan']))).toEqual([
      'doenja',
      'gerda',
      'hassan',
    ]);
    expect(sorted(visibleIds(store, { ...NO_FILTERS, neighbourhood: 2 }, ['hassan']))).toEqual([
      'doenja',
      'gerda',
      'hassan',
      'zuidwest',
    ]);
    // Two selected items: the union of their neighbourhoods.
    expect(sorted(visibleIds(store, { ...NO_FILTERS, neighbourhood: 1 }, ['gerda', 'schulden']))).toEqual([
      'gerda',
      'hassan',
      'schulden',
      'sorteergroep',
    ]);
    // Without a selection the neighbourhood filter has nothing to go on: it shows everything.
    expect(visibleIds(store, { ...NO_FILTERS, neighbourhood: 1 }, [])?.size).toBe(store.nodes.size);
  });

  it('kinds: only those kinds, but the selection and the filter anchors stay', () => {
    const persons = visibleIds(store, { ...NO_FILTERS, kinds: ['person'] }, []);
    expect(sorted(persons)).toEqual(['gerda', 'hassan']);
    const withSelection = visibleIds(store, { ...NO_FILTERS, kinds: ['person'] }, ['sorteergroep']);
    expect(sorted(withSelection)).toEqual(['gerda', 'hassan', 'sorteergroep']);
    const inZuidwest = visibleIds(store, { ...NO_FILTERS, kinds: ['organisation'], areaId: 'zuidwest' }, []);
    expect(sorted(inZuidwest)).toEqual(['doenja', 'zuidwest']);
  });

  it('status: only proposals, only stale items, only those highlighted as changed', () => {
    createNode(doc, { kind: 'theme', label: 'Voorstel', id: 'voorstel' }, { ...ctx, status: 'proposed' });
    expect(sorted(visibleIds(store, { ...NO_FILTERS, status: 'proposed' }, []))).toEqual(['voorstel']);
    const stale = new Set(['gerda', 'doenja']);
    expect(sorted(visibleIds(store, { ...NO_FILTERS, status: 'stale' }, [], { stale }))).toEqual(['doenja', 'gerda']);
    // A highlighted item deleted since is not shown; combined with kinds as "and".
    const changed = new Set(['hassan', 'gerda', 'deleted-since']);
    expect(sorted(visibleIds(store, { ...NO_FILTERS, status: 'changed' }, [], { changed }))).toEqual([
      'gerda',
      'hassan',
    ]);
    expect(
      sorted(visibleIds(store, { ...NO_FILTERS, status: 'stale', kinds: ['organisation'] }, [], { stale })),
    ).toEqual(['doenja']);
    expect(filtersActive({ ...NO_FILTERS, status: 'stale' })).toBe(true);
  });

  it('ignores a filter on an item that no longer exists', () => {
    deleteNode(doc, 'schulden', ctx);
    expect(visibleIds(store, { ...NO_FILTERS, themeId: 'schulden' }, [])?.size).toBe(store.nodes.size);
  });

  it('lists areas in hierarchy order, siblings by label', () => {
    const tree = areaTree(store, (a, b) => a.localeCompare(b, 'nl'));
    expect(tree.map((a) => `${a.depth}:${a.label}`)).toEqual([
      '0:Utrecht',
      '1:Overvecht',
      '1:Zuidwest',
      '2:Kanaleneiland-Zuid',
    ]);
    link(doc, { kind: 'part_of', from: 'utrecht', to: 'kzuid' }, ctx);
    // In a cycle every area still appears exactly once.
    expect(
      areaTree(store, (a, b) => a.localeCompare(b))
        .map((a) => a.label)
        .sort(),
    ).toEqual(['Kanaleneiland-Zuid', 'Overvecht', 'Utrecht', 'Zuidwest']);
  });
});

describe('item list rows', () => {
  const node = (id: string, label: string, extra: Partial<GraphNode> = {}): GraphNode => ({
    id,
    kind: 'person',
    label,
    fields: { role: 'professional' },
    provenance: { status: 'confirmed' },
    ...extra,
  });
  const a = node('a', 'Émile', {
    provenance: { status: 'confirmed', updatedAt: 3, updatedBy: { id: 'x', name: 'Fenna' } },
  });
  const b = node('b', 'anouk', { kind: 'theme', fields: {}, provenance: { status: 'confirmed', updatedAt: 1 } });
  const c = node('c', 'Bram 10', { kind: 'organisation', fields: { orgType: 'school' } });
  const d = node('d', 'Bram 9', { kind: 'place', fields: { address: 'Kanaalweg 3' } });
  const labels = (ns: GraphNode[]) => ns.map((n) => n.label);

  it('sorts names as people read them: case, accents and numbers', () => {
    expect(labels(sortRows([a, b, c, d], { key: 'name', dir: 'ascending' }, 'nl'))).toEqual([
      'anouk',
      'Bram 9',
      'Bram 10',
      'Émile',
    ]);
    expect(labels(sortRows([a, b, c, d], { key: 'name', dir: 'descending' }, 'nl'))).toEqual([
      'Émile',
      'Bram 10',
      'Bram 9',
      'anouk',
    ]);
  });

  it('sorts by kind label, details (empty last) and last change (unknown last)', () => {
    expect(labels(sortRows([a, b, c, d], { key: 'kind', dir: 'ascending' }, 'nl'))).toEqual([
      'Bram 10', // Organisatie
      'Émile', // Persoon
      'Bram 9', // Plek
      'anouk', // Thema
    ]);
    expect(labels(sortRows([a, b, c, d], { key: 'details', dir: 'ascending' }, 'nl'))).toEqual([
      'Bram 9', // Kanaalweg 3
      'Émile', // Professional
      'Bram 10', // School
      'anouk', // none
    ]);
    expect(labels(sortRows([a, b, c, d], { key: 'details', dir: 'descending' }, 'nl')).at(-1)).toBe('anouk');
    expect(labels(sortRows([a, b, c, d], { key: 'changed', dir: 'descending' }, 'nl'))).toEqual([
      'Émile',
      'anouk',
      'Bram 9',
      'Bram 10',
    ]);
  });

  it('toggles the direction on the same column; a new column starts ascending (dates: newest first)', () => {
    expect(toggleSort({ key: 'name', dir: 'ascending' }, 'name')).toEqual({ key: 'name', dir: 'descending' });
    expect(toggleSort({ key: 'name', dir: 'descending' }, 'kind')).toEqual({ key: 'kind', dir: 'ascending' });
    expect(toggleSort({ key: 'name', dir: 'ascending' }, 'changed')).toEqual({ key: 'changed', dir: 'descending' });
  });

  it('shows an enum label or an address as details', () => {
    expect(detailOf(a, 'nl')).toBe('Professional');
    expect(detailOf(c, 'en')).toBe('School');
    expect(detailOf(d, 'nl')).toBe('Kanaalweg 3');
    expect(detailOf(b, 'nl')).toBe('');
  });

  it('the list filter matches folded words in name, kind, details and editor', () => {
    const match = (n: GraphNode, q: string, lang: 'nl' | 'en' = 'nl') => rowMatches(n, foldedWords(q), lang);
    expect(match(a, 'emile')).toBe(true);
    expect(match(a, 'persoon')).toBe(true);
    expect(match(a, 'person', 'en')).toBe(true);
    expect(match(a, 'fenna prof')).toBe(true);
    expect(match(a, 'fenna school')).toBe(false);
    expect(match(d, 'kanaal')).toBe(true);
    expect(match(b, '')).toBe(true);
  });

  it('formats the last change briefly', () => {
    const now = new Date(2026, 10, 29, 15, 0).getTime();
    expect(formatChanged(new Date(2026, 10, 29, 9, 30).getTime(), 'nl', now)).toBe('vandaag');
    expect(formatChanged(new Date(2026, 10, 28, 23, 59).getTime(), 'en', now)).toBe('yesterday');
    expect(formatChanged(new Date(2026, 2, 3).getTime(), 'nl', now)).toMatch(/^3 mrt\.?$/);
    expect(formatChanged(new Date(2024, 2, 3).getTime(), 'en', now)).toBe('3 Mar 2024');
    expect(formatChanged(undefined, 'nl', now)).toBe('');
  });
});

describe('list render window', () => {
  const v = { scrollTop: 0, height: 440, headerHeight: 40, rowHeight: 40 };

  it('renders short lists whole', () => {
    expect(visibleRange(150, v)).toEqual({ start: 0, end: 150 });
    expect(visibleRange(151, v).end).toBeLessThan(151);
  });

  it('renders the rows in view plus the overscan', () => {
    expect(visibleRange(5000, v, 20)).toEqual({ start: 0, end: 30 });
    expect(visibleRange(5000, { ...v, scrollTop: 40_000 }, 20)).toEqual({ start: 979, end: 1030 });
    expect(visibleRange(5000, { ...v, scrollTop: 10_000_000 }, 20).end).toBe(5000);
  });

  it('scrolls a row into view below the sticky header', () => {
    expect(scrollToReveal(3, v)).toBeNull();
    expect(scrollToReveal(20, v)).toBe(40 + 21 * 40 - 440);
    expect(scrollToReveal(2, { ...v, scrollTop: 400 })).toBe(80);
    expect(scrollToReveal(100, v, true)).toBe(4000 - 180);
  });
});
