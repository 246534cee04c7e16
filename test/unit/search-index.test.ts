/**
 * The search index behind the search box: Dutch-friendly matching (diacritics, hyphens,
 * typos, prefixes, enum labels) over the demo map, and incremental upkeep from the
 * graph store's change events.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GraphStore } from '@sync/graph-store';
import { SearchIndex, indexedItem } from '@map/search/search-index';
import { fold, foldedWords, words } from '@map/shared/text-fold';
import {
  type GraphNode,
  type OpContext,
  createNode,
  deleteNode,
  nodesMap,
  setContactDetails,
  updateNode,
} from '../../schema/index.js';
import { fillDemo } from '../../server/demo.js';

const ctx: OpContext = { actor: { id: 'tester', name: 'Tester' }, origin: 'ui' };

describe('text folding', () => {
  it('lowercases and drops diacritics, also letters Unicode does not decompose', () => {
    expect(fold('É ë ç ş ğ ı İ')).toBe('e e c s g i i');
    expect(fold('Ayşe Kartaloğlu')).toBe('ayse kartaloglu');
    expect(fold('Søren Łukasz Straße')).toBe('soren lukasz strasse');
  });

  it('splits on hyphens and punctuation, keeping accented letters whole', () => {
    expect(words('Kanaleneiland-Zuid')).toEqual(['Kanaleneiland', 'Zuid']);
    expect(words('Jeugd & Gezin (Zuidwest)')).toEqual(['Jeugd', 'Gezin', 'Zuidwest']);
    expect(words('café Noël')).toEqual(['café', 'Noël']);
    expect(foldedWords('  Café-Noël ')).toEqual(['cafe', 'noel']);
  });
});

describe('SearchIndex', () => {
  let doc: Y.Doc;
  let store: GraphStore;
  let index: SearchIndex;
  const labels = (q: string) => index.search(q).map((h) => store.nodes.get(h.id)!.label);

  beforeEach(() => {
    doc = new Y.Doc();
    fillDemo(doc);
    store = new GraphStore(doc);
    index = new SearchIndex();
    index.addAll(store.nodes.values());
    store.subscribe((change) => index.apply(change));
  });

  it('indexes every item', () => {
    expect(index.size).toBe(store.nodes.size);
  });

  it('finds names whatever their diacritics, typed with or without', () => {
    expect(labels('ayse')).toContain('Ayşe Kartaloğlu');
    expect(labels('Ayşe')).toContain('Ayşe Kartaloğlu');
    expect(labels('kartaloglu')).toContain('Ayşe Kartaloğlu');
    expect(labels('yusuf aktasli')).toEqual(['Yusuf Aktaşlı']);
    expect(labels('doganay')).toContain('Emre Doğanay');
  });

  it('finds parts of hyphenated names', () => {
    expect(labels('zuid')).toContain('Kanaleneiland-Zuid');
    expect(labels('kanaleneiland zuid')[0]).toBe('Kanaleneiland-Zuid');
  });

  it('forgives typos', () => {
    expect(labels('eenzaamhied')[0]).toBe('Eenzaamheid');
    expect(labels('papierwinkl')[0]).toBe('Sorteergroep Papierwinkel');
  });

  it('matches the start of a word', () => {
    expect(labels('schuld')).toContain('Schulden');
    expect(labels('eenz')).toContain('Eenzaamheid');
    expect(labels('sorteer')).toContain('Sorteergroep Papierwinkel');
  });

  it('finds items by the label of an enum value, in Dutch and English', () => {
    const volunteers = [...store.nodes.values()].filter((n) => n.fields.role === 'volunteer').map((n) => n.label);
    expect(volunteers.length).toBeGreaterThan(1);
    const found = index.search('vrijwilliger', 100).map((h) => store.nodes.get(h.id)!.label);
    for (const v of volunteers) expect(found).toContain(v);
    const foundEn = index.search('volunteer', 100).map((h) => store.nodes.get(h.id)!.label);
    for (const v of volunteers) expect(foundEn).toContain(v);
    expect(labels('ervaringsdeskundige').length).toBeGreaterThan(0);
  });

  it('finds text fields: function, languages, skills, address', () => {
    expect(labels('turks')).toContain('Ayşe Kartaloğlu');
    expect(labels('budgetcoaching')).toContain('Joost van Leersum');
    expect(labels('buurtondernemer')).toContain('Fatima Benhaddou');
  });

  it('narrows with every word of the query', () => {
    const both = labels('buurtteam jeugd');
    expect(both).toContain('Buurtteam Jeugd & Gezin Kanaleneiland');
    expect(both).not.toContain('Buurtteam Sociaal Kanaleneiland');
  });

  it('never indexes protected fields (contact details of persons)', () => {
    const id = createNode(doc, { kind: 'person', label: 'Piet Test', fields: { role: 'volunteer' } }, ctx);
    // Where they belong: the protected document, which the index never sees.
    const contacts = new Y.Doc();
    setContactDetails(
      contacts,
      id,
      'person',
      { email: 'geheimadres@example.org', address: 'Geheimstraat 12', phone: '030-1234567' },
      ctx,
    );
    expect(labels('geheimadres')).toEqual([]);
    expect(labels('geheimstraat')).toEqual([]);
    expect(labels('piet test')).toEqual(['Piet Test']);
    // A foreign copy in the map document (an older client's) is not read, so not indexed.
    nodesMap(doc).get(id)!.set('address', 'Verstopstraat 3');
    updateNode(doc, id, { fields: { skills: ['koken'] } }, ctx);
    expect(labels('koken')).toContain('Piet Test');
    expect(labels('verstopstraat')).toEqual([]);
    // And not even when a node handed to the index carries one (the home address is a text field).
    const node: GraphNode = {
      id: 'p1',
      kind: 'person',
      label: 'Anna',
      fields: { role: 'volunteer', function: 'Buurtwerker', address: 'Geheimstraat 12', email: 'a@example.org' },
      provenance: { status: 'confirmed' },
    };
    expect(indexedItem(node).text).toBe('Buurtwerker');
    // An organisation's or place's address is no secret: it is indexed.
    createNode(doc, { kind: 'place', label: 'Buurthuis Test', fields: { address: 'Openbarestraat 1' } }, ctx);
    expect(labels('openbarestraat')).toEqual(['Buurthuis Test']);
  });

  it('returns at most the limit, best first', () => {
    expect(index.search('a', 10).length).toBeLessThanOrEqual(10);
    expect(index.search('', 10)).toEqual([]);
    expect(index.search('   ', 10)).toEqual([]);
  });

  it('follows additions, changes and removals without a rebuild', () => {
    const id = createNode(
      doc,
      { kind: 'initiative', label: 'Moestuin De Groene Vinger', fields: { stage: 'idea' } },
      ctx,
    );
    expect(labels('moestuin')).toEqual(['Moestuin De Groene Vinger']);
    expect(index.size).toBe(store.nodes.size);

    updateNode(doc, id, { label: 'Buurttuin Het Zaadje', fields: { schedule: 'Zaterdagochtend' } }, ctx);
    expect(labels('moestuin')).toEqual([]);
    expect(labels('zaadje')).toEqual(['Buurttuin Het Zaadje']);
    expect(labels('zaterdagochtend')).toEqual(['Buurttuin Het Zaadje']);

    updateNode(doc, id, { fields: { stage: 'running' } }, ctx);
    expect(labels('zaadje loopt')).toEqual(['Buurttuin Het Zaadje']);

    deleteNode(doc, id, ctx);
    expect(labels('zaadje')).toEqual([]);
    expect(index.size).toBe(store.nodes.size);
  });

  it('has a hook for note text', () => {
    const id = [...store.nodes.values()].find((n) => n.label === 'Gerda Willemsen')!.id;
    expect(labels('breiclub')).toEqual([]);
    index.setNoteText(id, 'Organiseert elke week een breiclub.');
    expect(labels('breiclub')).toEqual(['Gerda Willemsen']);
    // The note survives a change of the item's fields.
    updateNode(doc, id, { label: 'Gerda Willemsen-Bos' }, ctx);
    expect(labels('breiclub')).toEqual(['Gerda Willemsen-Bos']);
    index.setNoteText(id, '');
    expect(labels('breiclub')).toEqual([]);
  });
});
