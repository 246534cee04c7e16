import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import {
  type OpContext,
  RESIDENT_FIELDS,
  RESIDENT_ROLE,
  contactsMap,
  createNode,
  link,
  nodesMap,
  protectedFields,
  readContact,
  readGraph,
  setContactDetails,
  splitProtected,
} from '../../schema/index.js';
import { fillDemo } from '../../server/demo.js';
import { DEMO_LINKS, DEMO_MAP_NAME, DEMO_NODES } from '../../server/demo-data.js';

const ctx: OpContext = { actor: { id: 'demo', name: 'Demo' }, origin: 'seed' };

/** A valid node id derived from a demo key. */
const idOf = (key: string): string => key.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * Builds a fresh document (and its protected document, for the contact details of
 * persons) from the demo data; createNode/link/setContactDetails throw on anything invalid.
 */
function buildDemoDoc(contacts = new Y.Doc()): Y.Doc {
  const doc = new Y.Doc();
  for (const n of DEMO_NODES) {
    const { open, contact } = splitProtected(n.kind, n.fields ?? {});
    const id = createNode(doc, { kind: n.kind, label: n.label, fields: open, id: idOf(n.key) }, ctx);
    if (Object.keys(contact).length) {
      setContactDetails(contacts, id, n.kind, contact, { ...ctx, personRole: open.role as string | undefined });
    }
  }
  for (const l of DEMO_LINKS) {
    link(doc, { kind: l.kind, from: idOf(l.from), to: idOf(l.to), fields: l.fields ?? {} }, ctx);
  }
  return doc;
}

const persons = DEMO_NODES.filter((n) => n.kind === 'person');
const residents = persons.filter((n) => n.fields?.role === RESIDENT_ROLE);
/** Demo persons with contact details, and those details. */
const personContacts = persons
  .map((n) => [n, splitProtected('person', n.fields ?? {}).contact] as const)
  .filter(([, c]) => Object.keys(c).length > 0);

describe('demo data', () => {
  it('has a map name', () => {
    expect(DEMO_MAP_NAME).toBe('Kanaleneiland-Zuid');
  });

  it('has unique keys that stay unique as node ids', () => {
    const keys = DEMO_NODES.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys.map(idOf)).size).toBe(keys.length);
  });

  it('builds a valid document through the typed operations', () => {
    const graph = readGraph(buildDemoDoc());
    expect(graph.problems).toEqual([]);
    expect(graph.nodes.size).toBe(DEMO_NODES.length);
    expect(graph.nodes.size).toBeGreaterThanOrEqual(55);
    expect(graph.nodes.size).toBeLessThanOrEqual(75);
    expect(graph.edges.size).toBe(DEMO_LINKS.length);
    const perNode = graph.edges.size / graph.nodes.size;
    expect(perNode).toBeGreaterThanOrEqual(1.3);
    expect(perNode).toBeLessThanOrEqual(1.8);
  });

  it('links every node at least once', () => {
    const graph = readGraph(buildDemoDoc());
    const linked = new Set<string>();
    for (const e of graph.edges.values()) {
      linked.add(e.from);
      linked.add(e.to);
    }
    const unlinked = [...graph.nodes.keys()].filter((id) => !linked.has(id));
    expect(unlinked).toEqual([]);
  });

  it('keeps the contact details of persons out of the map document, in the protected one', () => {
    const contacts = new Y.Doc();
    const doc = buildDemoDoc(contacts);
    expect(personContacts.length).toBeGreaterThan(5);
    for (const [n, c] of personContacts) {
      const node = nodesMap(doc).get(idOf(n.key))!;
      for (const key of protectedFields('person')) expect(node.has(key), `${n.key}.${key}`).toBe(false);
      expect(readContact(contacts, idOf(n.key), 'person'), n.key).toEqual(c);
    }
    expect(contactsMap(contacts).size).toBe(personContacts.length);
  });

  it('records residents minimally: consent and retention, no function, e-mail or address', () => {
    expect(residents.length).toBeGreaterThanOrEqual(2);
    const contacts = new Y.Doc();
    const graph = readGraph(buildDemoDoc(contacts));
    for (const r of residents) {
      const f = r.fields ?? {};
      for (const key of Object.keys(f)) expect(RESIDENT_FIELDS, `${r.key}.${key}`).toContain(key);
      expect(f.consent, r.key).toMatch(/^(yes|no)$/);
      expect(f.consentAt, r.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.retentionUntil, r.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const node = graph.nodes.get(idOf(r.key))!;
      expect(node.fields.function, r.key).toBeUndefined();
      expect(node.consentBy, r.key).toEqual(ctx.actor);
      expect(Object.keys(readContact(contacts, idOf(r.key), 'person')).filter((k) => k !== 'phone')).toEqual([]);
    }
    for (const p of persons.filter((n) => n.fields?.role !== RESIDENT_ROLE)) {
      expect(p.fields?.consent, p.key).toBeUndefined();
      expect(graph.nodes.get(idOf(p.key))!.consentBy, p.key).toBeUndefined();
    }
  });

  it('fillDemo writes contact details to the protected doc when given, and leaves them out otherwise', () => {
    const doc = new Y.Doc();
    const contacts = new Y.Doc();
    const ids = fillDemo(doc, contacts);
    expect(ids.size).toBe(DEMO_NODES.length);
    const graph = readGraph(doc);
    expect(graph.problems).toEqual([]);
    expect(graph.nodes.size).toBe(DEMO_NODES.length);
    expect(graph.edges.size).toBe(DEMO_LINKS.length);
    for (const [n, c] of personContacts) {
      const id = ids.get(n.key)!;
      expect(readContact(contacts, id, 'person'), n.key).toEqual(c);
      for (const key of protectedFields('person')) expect(nodesMap(doc).get(id)!.has(key), n.key).toBe(false);
    }
    expect(contactsMap(contacts).size).toBe(personContacts.length);
    // Organisations keep their phone and e-mail in the map document.
    const org = DEMO_NODES.find((n) => n.kind === 'organisation' && n.fields?.phone !== undefined)!;
    expect(graph.nodes.get(ids.get(org.key)!)!.fields.phone).toBe(org.fields!.phone);
    expect(contactsMap(contacts).has(ids.get(org.key)!)).toBe(false);

    const bare = new Y.Doc();
    fillDemo(bare);
    expect(readGraph(bare).problems).toEqual([]);
    expect(readGraph(bare).nodes.size).toBe(DEMO_NODES.length);
    for (const node of nodesMap(bare).values()) {
      if (node.get('kind') !== 'person') continue;
      for (const key of protectedFields('person')) expect(node.has(key)).toBe(false);
    }
  });

  it('uses only fictional contact details', () => {
    for (const n of DEMO_NODES) {
      const f = n.fields ?? {};
      if (f.phone !== undefined) expect(f.phone, n.key).toMatch(/^0\d{1,2}-0000/);
      if (f.email !== undefined) expect(f.email, n.key).toMatch(/@([^@]+\.)?example\.(org|nl)$/);
      if (f.website !== undefined) expect(f.website, n.key).toMatch(/^https:\/\/example\.org\//);
    }
  });

  it('gives about a third of the nodes a short plain-text note', () => {
    const notes = DEMO_NODES.flatMap((n) => (n.note === undefined ? [] : [n.note]));
    expect(notes.length).toBeGreaterThanOrEqual(Math.floor(DEMO_NODES.length / 4));
    expect(notes.length).toBeLessThanOrEqual(Math.ceil(DEMO_NODES.length / 2));
    for (const note of notes) {
      expect(note.trim()).not.toBe('');
      expect(note).not.toMatch(/[<>]/);
      expect(note.length).toBeLessThanOrEqual(300);
    }
  });

  it('covers every node kind and the required link kinds', () => {
    const nodeKinds = new Set(DEMO_NODES.map((n) => n.kind));
    expect([...nodeKinds].sort()).toEqual(['area', 'initiative', 'organisation', 'person', 'place', 'theme']);
    const linkKinds = new Set(DEMO_LINKS.map((l) => l.kind));
    for (const k of [
      'works_for',
      'member_of',
      'knows',
      'contact_for',
      'runs',
      'supports',
      'located_at',
      'active_in',
      'part_of',
      'addresses',
      'signals',
      'refers_to',
      'collaborates_with',
    ] as const) {
      expect(linkKinds.has(k), k).toBe(true);
    }
  });
});
