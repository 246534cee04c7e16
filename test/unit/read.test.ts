import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import {
  SCHEMA_VERSION,
  createNode,
  deleteNode,
  docSchemaVersion,
  edgeKey,
  edgesMap,
  initDoc,
  link,
  metaMap,
  moveNodes,
  nodesMap,
  readEdge,
  readGraph,
  readNode,
  setNoteText,
  type GraphNode,
  type OpContext,
  type Problem,
} from '../../schema/index.js';

const ANNA = { id: 'u-anna', name: 'Anna de Vries' };
const BOB = { id: 'u-bob', name: 'Bob Jansen' };
const T0 = 1_767_225_600_000;
const ctx: OpContext = { actor: ANNA, now: () => T0 };

function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  initDoc(doc, 'Kanaleneiland-Zuid');
  return doc;
}

/** A Y.Map holding `entries`, as a foreign tool would write it. */
function ymap(entries: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(entries)) m.set(k, v);
  return m;
}

/** A Y.Map holding `entries`, already in a document (Yjs can't read a map before that). */
function attached(entries: Record<string, unknown>): Y.Map<unknown> {
  const holder = new Y.Doc().getMap<Y.Map<unknown>>('holder');
  holder.set('m', ymap(entries));
  return holder.get('m')!;
}

/** Writes a node map directly (no validation), as a foreign client could. */
function foreignNode(doc: Y.Doc, id: string, entries: Record<string, unknown>): void {
  nodesMap(doc).set(id, ymap(entries));
}

function foreignEdge(doc: Y.Doc, id: string, entries: Record<string, unknown>): void {
  edgesMap(doc).set(id, ymap(entries));
}

/** Raw access to the roots, to store values that are not maps. */
function rawNodes(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('nodes');
}
function rawEdges(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('edges');
}

const PERSON = { kind: 'person', label: 'Anna', role: 'volunteer' };
const ORG = { kind: 'organisation', label: 'School', orgType: 'school' };

function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function codes(problems: Problem[]): string[] {
  return problems.map((p) => `${p.where}:${p.code}${p.detail === undefined ? '' : `:${p.detail}`}`).sort();
}

describe('readGraph on documents written by the operations', () => {
  function build(): Y.Doc {
    const doc = newDoc();
    createNode(
      doc,
      {
        kind: 'person',
        label: 'Anna de Vries',
        id: 'anna',
        fields: { role: 'professional', function: 'Buurtwerker', languages: ['nl', 'ar'] },
        position: { x: 10, y: 20 },
      },
      ctx,
    );
    createNode(
      doc,
      {
        kind: 'person',
        label: 'Hassan',
        id: 'hassan',
        fields: { role: 'resident_key_figure', consent: 'yes', consentAt: '2026-01-15', retentionUntil: '2027-01-15' },
      },
      ctx,
    );
    createNode(
      doc,
      { kind: 'person', label: 'Bob', id: 'bob', fields: { role: 'volunteer' } },
      {
        actor: BOB,
        now: () => T0 + 1,
        status: 'proposed',
      },
    );
    createNode(
      doc,
      {
        kind: 'organisation',
        label: 'Buurtteam',
        id: 'team',
        fields: { orgType: 'team_social', phone: '030-1234567', email: 'team@example.nl' },
      },
      ctx,
    );
    createNode(doc, { kind: 'initiative', label: 'Taalcafé', id: 'cafe', fields: { stage: 'running' } }, ctx);
    createNode(doc, { kind: 'place', label: 'Buurthuis', id: 'huis', fields: { rooms: ['zaal'] } }, ctx);
    createNode(doc, { kind: 'area', label: 'Kanaleneiland', id: 'area', fields: { level: 'district' } }, ctx);
    createNode(doc, { kind: 'theme', label: 'Eenzaamheid', id: 'eenzaam', fields: { themeType: 'problem' } }, ctx);
    link(doc, { kind: 'works_for', from: 'anna', to: 'team', fields: { function: 'Teamlid' } }, ctx);
    link(doc, { kind: 'knows', from: 'bob', to: 'anna', fields: { strength: 'strong', canIntroduce: true } }, ctx);
    link(doc, { kind: 'runs', from: 'team', to: 'cafe' }, ctx);
    link(doc, { kind: 'located_at', from: 'cafe', to: 'huis' }, ctx);
    link(doc, { kind: 'part_of', from: 'huis', to: 'area' }, ctx);
    link(doc, { kind: 'addresses', from: 'cafe', to: 'eenzaam' }, ctx);
    link(doc, { kind: 'knows', from: 'hassan', to: 'anna' }, ctx);
    setNoteText(doc, 'anna', 'Werkt op dinsdag', ctx);
    moveNodes(doc, { bob: { x: -5.56, y: 3 } }, ctx);
    return doc;
  }

  it('returns typed nodes and edges with no problems', () => {
    const g = readGraph(build());
    expect(g.problems).toEqual([]);
    expect(g.schemaVersion).toBe(SCHEMA_VERSION);
    expect(g.name).toBe('Kanaleneiland-Zuid');
    expect(g.freshnessMonths).toBe(6);
    expect([...g.nodes.keys()].sort()).toEqual(['anna', 'area', 'bob', 'cafe', 'eenzaam', 'hassan', 'huis', 'team']);
    expect(g.nodes.get('anna')).toEqual({
      id: 'anna',
      kind: 'person',
      label: 'Anna de Vries',
      fields: { role: 'professional', function: 'Buurtwerker', languages: ['nl', 'ar'] },
      position: { x: 10, y: 20 },
      provenance: {
        createdBy: ANNA,
        createdAt: T0,
        updatedBy: ANNA,
        updatedAt: T0,
        verifiedBy: ANNA,
        verifiedAt: T0,
        status: 'confirmed',
      },
    });
    const bob = g.nodes.get('bob')!;
    expect(bob.provenance.status).toBe('proposed');
    expect(bob.provenance.createdBy).toEqual(BOB);
    expect(bob.position).toEqual({ x: -5.6, y: 3 });
    expect(g.nodes.get('team')?.position).toBeUndefined();
    // An organisation's contact details are plain fields of the map document.
    expect(g.nodes.get('team')?.fields).toEqual({
      orgType: 'team_social',
      phone: '030-1234567',
      email: 'team@example.nl',
    });
    expect(g.nodes.get('hassan')).toMatchObject({
      fields: { role: 'resident_key_figure', consent: 'yes', consentAt: '2026-01-15', retentionUntil: '2027-01-15' },
      consentBy: ANNA,
    });
    expect(g.nodes.get('anna')).not.toHaveProperty('consentBy');
    expect(g.edges.size).toBe(7);
    expect(g.edges.get('knows|anna|bob')).toEqual({
      id: 'knows|anna|bob',
      kind: 'knows',
      from: 'anna',
      to: 'bob',
      fields: { strength: 'strong', canIntroduce: true },
      provenance: {
        createdBy: ANNA,
        createdAt: T0,
        updatedBy: ANNA,
        updatedAt: T0,
        verifiedBy: ANNA,
        verifiedAt: T0,
        status: 'confirmed',
      },
    });
    expect(g.edges.get('works_for|anna|team')?.fields).toEqual({ function: 'Teamlid' });
    expect(g.edges.get('runs|team|cafe')?.fields).toEqual({});
  });

  it('does not expose the note or reserved keys as fields', () => {
    const g = readGraph(build());
    for (const n of g.nodes.values()) {
      for (const k of ['note', 'kind', 'label', 'x', 'y', 'status', 'createdAt', 'consentBy'])
        expect(n.fields).not.toHaveProperty(k);
    }
  });

  it('reads the same graph on a doc that received the state as an update', () => {
    const doc = build();
    expect(readGraph(fork(doc))).toEqual(readGraph(doc));
  });
});

describe('readGraph on foreign nodes', () => {
  it('hides a node of unknown or missing kind', () => {
    const doc = newDoc();
    foreignNode(doc, 'r2', { kind: 'robot', label: 'R2' });
    foreignNode(doc, 'nokind', { label: 'No kind' });
    foreignNode(doc, 'numkind', { kind: 7, label: 'Seven' });
    const g = readGraph(doc);
    expect(g.nodes.size).toBe(0);
    expect(codes(g.problems)).toEqual([
      'nodes/nokind:unknownKind:undefined',
      'nodes/numkind:unknownKind:7',
      'nodes/r2:unknownKind:robot',
    ]);
  });

  it('hides a value that is not a Y.Map', () => {
    const doc = newDoc();
    rawNodes(doc).set('plain', { ...PERSON });
    const g = readGraph(doc);
    expect(g.nodes.size).toBe(0);
    expect(g.problems).toEqual([{ where: 'nodes/plain', code: 'notAMap' }]);
  });

  it('hides a node under a key that is not a node id', () => {
    const doc = newDoc();
    for (const id of ['a b', '', 'a|b', 'x'.repeat(65), 'é', '../x']) foreignNode(doc, id, PERSON);
    rawNodes(doc).set('bad id', 5);
    foreignNode(doc, 'x'.repeat(64), PERSON);
    const g = readGraph(doc);
    expect([...g.nodes.keys()]).toEqual(['x'.repeat(64)]);
    const bad = g.problems.filter((p) => p.code === 'badId').map((p) => p.where);
    expect(bad.sort()).toEqual(
      ['nodes/a b', 'nodes/', 'nodes/a|b', `nodes/${'x'.repeat(65)}`, 'nodes/é', 'nodes/../x', 'nodes/bad id'].sort(),
    );
    expect(g.problems).toHaveLength(7);
  });

  it('hides a node with a missing, blank or non-string label', () => {
    const doc = newDoc();
    foreignNode(doc, 'n1', { kind: 'theme' });
    foreignNode(doc, 'n2', { kind: 'theme', label: '   ' });
    foreignNode(doc, 'n3', { kind: 'theme', label: 42 });
    foreignNode(doc, 'n4', { kind: 'theme', label: ['a'] });
    const g = readGraph(doc);
    expect(g.nodes.size).toBe(0);
    expect(codes(g.problems)).toEqual([
      'nodes/n1:badLabel',
      'nodes/n2:badLabel',
      'nodes/n3:badLabel',
      'nodes/n4:badLabel',
    ]);
  });

  it('shows a node missing a required field and reports it', () => {
    const doc = newDoc();
    foreignNode(doc, 'p1', { kind: 'person', label: 'Anna', function: 'Buurtwerker' });
    const g = readGraph(doc);
    expect(g.nodes.get('p1')?.fields).toEqual({ function: 'Buurtwerker' });
    expect(g.problems).toEqual([{ where: 'nodes/p1', code: 'missingField', detail: 'role' }]);
  });

  it('drops an invalid field value, keeps the rest and reports it', () => {
    const doc = newDoc();
    foreignNode(doc, 'p1', {
      ...PERSON,
      languages: ['nl', 3],
      consentAt: '2026-13-01',
      function: ' Buurtwerker ',
      role: 'boss',
    });
    foreignNode(doc, 'o1', { ...ORG, email: 'nope', phone: 301234567, website: 'https://example.org/' });
    const g = readGraph(doc);
    expect(g.nodes.get('p1')?.fields).toEqual({ function: 'Buurtwerker' });
    expect(g.nodes.get('o1')?.fields).toEqual({ orgType: 'school', website: 'https://example.org/' });
    expect(codes(g.problems)).toEqual([
      'nodes/o1:invalidField:email',
      'nodes/o1:invalidField:phone',
      'nodes/p1:invalidField:consentAt',
      'nodes/p1:invalidField:languages',
      'nodes/p1:invalidField:role',
    ]);
  });

  it("never reads a person's contact details from the map document, valid or not, and reports nothing", () => {
    const doc = newDoc();
    foreignNode(doc, 'p1', { ...PERSON, phone: '030-1234567', email: 'anna@example.nl', address: 'Kanaalweg 1' });
    foreignNode(doc, 'p2', { ...PERSON, phone: 301234567, email: 'nope', address: new Y.Text('x') });
    foreignNode(doc, 'o1', { ...ORG, phone: '030-7654321', email: 'info@school.nl', address: 'Schoolstraat 1' });
    foreignNode(doc, 'pl1', { kind: 'place', label: 'Buurthuis', address: 'Marshalllaan 1', phone: '030-1111111' });
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.nodes.get('p1')?.fields).toEqual({ role: 'volunteer' });
    expect(g.nodes.get('p2')?.fields).toEqual({ role: 'volunteer' });
    expect(g.nodes.get('o1')?.fields).toEqual({
      orgType: 'school',
      phone: '030-7654321',
      email: 'info@school.nl',
      address: 'Schoolstraat 1',
    });
    expect(g.nodes.get('pl1')?.fields).toEqual({ address: 'Marshalllaan 1', phone: '030-1111111' });
    const problems: Problem[] = [];
    expect(readNode('p1', attached({ ...PERSON, email: 'x', phone: '030-1234567' }), problems)?.fields).toEqual({
      role: 'volunteer',
    });
    expect(problems).toEqual([]);
  });

  it('reads consentBy as an actor, ignoring a malformed one', () => {
    const doc = newDoc();
    const R = { kind: 'person', label: 'Hassan', role: 'resident_key_figure', consent: 'yes' };
    foreignNode(doc, 'r1', { ...R, consentBy: { id: 'u-bob', name: 'Bob Jansen', extra: 1 } });
    foreignNode(doc, 'r2', { ...R, consentBy: 'Bob' });
    foreignNode(doc, 'r3', { ...R, consentBy: { id: 'u-bob' } });
    foreignNode(doc, 'r4', { ...R, consentBy: new Y.Map() });
    const g = readGraph(doc);
    expect(g.nodes.get('r1')?.consentBy).toEqual(BOB);
    for (const id of ['r2', 'r3', 'r4']) expect(g.nodes.get(id), id).not.toHaveProperty('consentBy');
    for (const n of g.nodes.values()) expect(n.fields).not.toHaveProperty('consentBy');
  });

  it('accepts numbers written as strings and normalises values', () => {
    const doc = newDoc();
    foreignNode(doc, 'a1', {
      kind: 'area',
      label: 'Wijk',
      level: 'district',
      population: '1200',
      lowIncomePct: ' 12,5 ',
      households: 500,
    });
    foreignNode(doc, 'p1', { ...PERSON, skills: [' koken', 'koken ', '', 'fietsen'] });
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.nodes.get('a1')?.fields).toEqual({
      level: 'district',
      population: 1200,
      lowIncomePct: 12.5,
      households: 500,
    });
    expect(g.nodes.get('p1')?.fields.skills).toEqual(['koken', 'fietsen']);
  });

  it('ignores unknown keys and empty values without a problem', () => {
    const doc = newDoc();
    foreignNode(doc, 'p1', { ...PERSON, shoeSize: 42, function: '', phone: null, skills: [], extra: { a: 1 } });
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.nodes.get('p1')?.fields).toEqual({ role: 'volunteer' });
  });

  it('reports an empty value of a required field neither as missing nor as invalid', () => {
    const doc = newDoc();
    foreignNode(doc, 'p1', { ...PERSON, role: '' });
    const g = readGraph(doc);
    expect(g.nodes.get('p1')?.fields).toEqual({});
    expect(g.problems).toEqual([]);
  });

  it('cuts an over-long label to 200 chars', () => {
    const doc = newDoc();
    foreignNode(doc, 't1', { kind: 'theme', label: 'L'.repeat(500) });
    foreignNode(doc, 't2', { kind: 'theme', label: 'M'.repeat(200) });
    const g = readGraph(doc);
    expect(g.nodes.get('t1')?.label).toBe('L'.repeat(200));
    expect(g.nodes.get('t2')?.label).toBe('M'.repeat(200));
    expect(g.problems).toEqual([]);
  });

  it('uses a position only if x and y are both finite numbers', () => {
    const doc = newDoc();
    const T = { kind: 'theme', label: 'T' };
    foreignNode(doc, 'ok', { ...T, x: 1.5, y: -2 });
    foreignNode(doc, 'xonly', { ...T, x: 1 });
    foreignNode(doc, 'nan', { ...T, x: NaN, y: 1 });
    foreignNode(doc, 'inf', { ...T, x: 1, y: Infinity });
    foreignNode(doc, 'str', { ...T, x: '1', y: '2' });
    const g = readGraph(doc);
    expect(g.nodes.get('ok')?.position).toEqual({ x: 1.5, y: -2 });
    for (const id of ['xonly', 'nan', 'inf', 'str']) {
      expect(g.nodes.get(id), id).toBeDefined();
      expect(g.nodes.get(id)?.position, id).toBeUndefined();
    }
    expect(g.problems).toEqual([]);
  });

  it('leaves out provenance of the wrong shape and defaults status to confirmed', () => {
    const doc = newDoc();
    foreignNode(doc, 't1', {
      kind: 'theme',
      label: 'T',
      createdBy: 'anna',
      createdAt: 'yesterday',
      updatedBy: { id: 'u1' },
      updatedAt: Infinity,
      verifiedBy: { id: 'u2', name: 'V', extra: 1 },
      verifiedAt: 5,
      status: 'weird',
    });
    foreignNode(doc, 't2', { kind: 'theme', label: 'T', status: 'proposed', createdBy: ymap({ id: 'x', name: 'y' }) });
    foreignNode(doc, 't3', { kind: 'theme', label: 'T' });
    const g = readGraph(doc);
    expect(g.nodes.get('t1')?.provenance).toEqual({
      verifiedBy: { id: 'u2', name: 'V' },
      verifiedAt: 5,
      status: 'confirmed',
    });
    expect(g.nodes.get('t2')?.provenance).toEqual({ status: 'proposed' });
    expect(g.nodes.get('t3')?.provenance).toEqual({ status: 'confirmed' });
    expect(g.problems).toEqual([]);
  });
});

describe('readGraph on foreign edges', () => {
  function withNodes(): Y.Doc {
    const doc = newDoc();
    foreignNode(doc, 'p1', PERSON);
    foreignNode(doc, 'p2', { ...PERSON, label: 'Bob' });
    foreignNode(doc, 'o1', ORG);
    return doc;
  }

  it('shows a valid foreign edge under any id', () => {
    const doc = withNodes();
    foreignEdge(doc, 'my edge #1', { kind: 'works_for', from: 'p1', to: 'o1', function: ' Teamlid ' });
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.edges.get('my edge #1')).toEqual({
      id: 'my edge #1',
      kind: 'works_for',
      from: 'p1',
      to: 'o1',
      fields: { function: 'Teamlid' },
      provenance: { status: 'confirmed' },
    });
  });

  it('hides an edge whose endpoint is missing, hidden, not a string, or the same node', () => {
    const doc = withNodes();
    foreignNode(doc, 'hidden', { kind: 'person', label: '' });
    foreignEdge(doc, 'e1', { kind: 'knows', from: 'p1', to: 'ghost' });
    foreignEdge(doc, 'e2', { kind: 'knows', from: 'p1', to: 'hidden' });
    foreignEdge(doc, 'e3', { kind: 'knows', from: 1, to: 'p2' });
    foreignEdge(doc, 'e4', { kind: 'knows', to: 'p2' });
    foreignEdge(doc, 'e5', { kind: 'knows', from: 'p1', to: 'p1' });
    const g = readGraph(doc);
    expect(g.edges.size).toBe(0);
    expect(codes(g.problems)).toEqual([
      'edges/e1:danglingEdge',
      'edges/e2:danglingEdge',
      'edges/e3:danglingEdge',
      'edges/e4:danglingEdge',
      'edges/e5:danglingEdge',
      'nodes/hidden:badLabel',
    ]);
  });

  it('hides an edge whose kind may not connect its endpoints', () => {
    const doc = withNodes();
    foreignEdge(doc, 'e1', { kind: 'works_for', from: 'o1', to: 'p1' });
    foreignEdge(doc, 'e2', { kind: 'knows', from: 'p1', to: 'o1' });
    const g = readGraph(doc);
    expect(g.edges.size).toBe(0);
    expect(codes(g.problems)).toEqual(['edges/e1:kindNotAllowed', 'edges/e2:kindNotAllowed']);
  });

  it('hides edges of unknown kind and values that are not maps', () => {
    const doc = withNodes();
    foreignEdge(doc, 'e1', { kind: 'loves', from: 'p1', to: 'p2' });
    rawEdges(doc).set('e2', { kind: 'knows', from: 'p1', to: 'p2' });
    const g = readGraph(doc);
    expect(g.edges.size).toBe(0);
    expect(codes(g.problems)).toEqual(['edges/e1:unknownKind:loves', 'edges/e2:notAMap']);
  });

  it('drops invalid edge field values and keeps the edge', () => {
    const doc = withNodes();
    foreignEdge(doc, 'e1', { kind: 'knows', from: 'p1', to: 'p2', strength: 'enorm', canIntroduce: true });
    const g = readGraph(doc);
    expect(g.edges.get('e1')?.fields).toEqual({ canIntroduce: true });
    expect(g.problems).toEqual([{ where: 'edges/e1', code: 'invalidField', detail: 'strength' }]);
  });

  it('shows a symmetric edge stored in reverse order as stored', () => {
    const doc = withNodes();
    foreignEdge(doc, 'e1', { kind: 'knows', from: 'p2', to: 'p1' });
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.edges.get('e1')).toMatchObject({ from: 'p2', to: 'p1' });
  });

  it('shows duplicate links once, with the smallest id, identically on two docs', () => {
    const a = withNodes();
    const b = fork(a);
    foreignEdge(a, 'zz-from-a', { kind: 'works_for', from: 'p1', to: 'o1', function: 'A' });
    foreignEdge(b, 'aa-from-b', { kind: 'works_for', from: 'p1', to: 'o1', function: 'B' });
    expect(readGraph(a).problems).toEqual([]);
    sync(a, b);
    const ga = readGraph(a);
    expect(ga).toEqual(readGraph(b));
    expect([...ga.edges.keys()]).toEqual(['aa-from-b']);
    expect(ga.edges.get('aa-from-b')?.fields).toEqual({ function: 'B' });
    expect(ga.problems).toEqual([{ where: 'edges/zz-from-a', code: 'duplicateEdge', detail: 'aa-from-b' }]);
  });

  it('prefers the smallest id even over the deterministic id of link()', () => {
    const doc = withNodes();
    const id = link(doc, { kind: 'works_for', from: 'p1', to: 'o1' }, ctx);
    foreignEdge(doc, '0-foreign', { kind: 'works_for', from: 'p1', to: 'o1' });
    const g = readGraph(doc);
    expect([...g.edges.keys()]).toEqual(['0-foreign']);
    expect(g.problems).toEqual([{ where: `edges/${id}`, code: 'duplicateEdge', detail: '0-foreign' }]);
  });

  it('counts symmetric links in reverse direction as duplicates, directed ones not', () => {
    const doc = withNodes();
    foreignNode(doc, 'o2', { ...ORG, label: 'Org 2' });
    foreignEdge(doc, 'k2', { kind: 'knows', from: 'p2', to: 'p1' });
    foreignEdge(doc, 'k1', { kind: 'knows', from: 'p1', to: 'p2' });
    foreignEdge(doc, 'c1', { kind: 'collaborates_with', from: 'o2', to: 'o1' });
    foreignEdge(doc, 'c2', { kind: 'collaborates_with', from: 'o1', to: 'o2' });
    foreignEdge(doc, 's1', { kind: 'supports', from: 'o1', to: 'o2' });
    foreignEdge(doc, 's2', { kind: 'supports', from: 'o2', to: 'o1' });
    const g = readGraph(doc);
    expect([...g.edges.keys()].sort()).toEqual(['c1', 'k1', 's1', 's2']);
    expect(codes(g.problems)).toEqual(['edges/c2:duplicateEdge:c1', 'edges/k2:duplicateEdge:k1']);
  });

  it('does not count different kinds between the same nodes as duplicates', () => {
    const doc = withNodes();
    foreignEdge(doc, 'e1', { kind: 'works_for', from: 'p1', to: 'o1' });
    foreignEdge(doc, 'e2', { kind: 'member_of', from: 'p1', to: 'o1' });
    const g = readGraph(doc);
    expect(g.edges.size).toBe(2);
    expect(g.problems).toEqual([]);
  });

  it('a hidden duplicate does not hide the edge it duplicates', () => {
    const doc = withNodes();
    foreignEdge(doc, 'a-dangling', { kind: 'works_for', from: 'p1', to: 'ghost' });
    foreignEdge(doc, 'b-valid', { kind: 'works_for', from: 'p1', to: 'o1' });
    const g = readGraph(doc);
    expect([...g.edges.keys()]).toEqual(['b-valid']);
    expect(g.problems).toEqual([{ where: 'edges/a-dangling', code: 'danglingEdge' }]);
  });
});

describe('readGraph after concurrent delete-node and add-edge', () => {
  it('hides the surviving edge on both docs and reports it', () => {
    const a = newDoc();
    createNode(a, { kind: 'person', label: 'Anna', id: 'p1', fields: { role: 'volunteer' } }, ctx);
    createNode(a, { kind: 'person', label: 'Bob', id: 'p2', fields: { role: 'volunteer' } }, ctx);
    const b = fork(a);
    deleteNode(a, 'p1', ctx);
    const id = link(b, { kind: 'knows', from: 'p2', to: 'p1' }, ctx);
    sync(a, b);
    for (const d of [a, b]) {
      expect(edgesMap(d).has(id)).toBe(true);
      expect(nodesMap(d).has('p1')).toBe(false);
      const g = readGraph(d);
      expect([...g.nodes.keys()]).toEqual(['p2']);
      expect(g.edges.size).toBe(0);
      expect(g.problems).toEqual([{ where: `edges/${id}`, code: 'danglingEdge' }]);
    }
    expect(readGraph(a)).toEqual(readGraph(b));
  });
});

describe('readGraph: meta', () => {
  it("reports a newer schema as 'newerSchema' and still reads the doc", () => {
    const doc = newDoc();
    createNode(doc, { kind: 'theme', label: 'T', id: 't1' }, ctx);
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1);
    const g = readGraph(doc);
    expect(g.schemaVersion).toBe(SCHEMA_VERSION + 1);
    expect(g.problems).toEqual([{ where: 'meta', code: 'newerSchema', detail: String(SCHEMA_VERSION + 1) }]);
    expect(g.nodes.get('t1')?.label).toBe('T');
  });

  it('reads a missing or non-integer version as 0 and a non-string name as empty', () => {
    const doc = new Y.Doc();
    expect(readGraph(doc)).toEqual({
      schemaVersion: 0,
      name: '',
      freshnessMonths: 6,
      nodes: new Map(),
      edges: new Map(),
      problems: [],
    });
    for (const v of ['1', 1.5, null, true]) {
      metaMap(doc).set('schemaVersion', v);
      expect(readGraph(doc).schemaVersion, String(v)).toBe(0);
      expect(readGraph(doc).problems).toEqual([]);
    }
    metaMap(doc).set('name', 42);
    expect(readGraph(doc).name).toBe('');
    metaMap(doc).set('name', 'Wijk');
    expect(readGraph(doc).name).toBe('Wijk');
  });

  // Regression: readGraph and docSchemaVersion must agree on a negative version (0).
  it('reads a negative version as 0, like docSchemaVersion', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', -1);
    expect(docSchemaVersion(doc)).toBe(0);
    expect(readGraph(doc).schemaVersion).toBe(docSchemaVersion(doc));
  });
});

describe('readGraph never throws on garbage', () => {
  it('reports every non-map value in nodes and edges', () => {
    const doc = new Y.Doc();
    const nodes = rawNodes(doc);
    nodes.set('num', 42);
    nodes.set('str', 'person');
    nodes.set('arr', ['person', 'Anna']);
    nodes.set('nul', null);
    nodes.set('bool', false);
    nodes.set('obj', { kind: 'person', label: 'Anna', role: 'volunteer' });
    nodes.set('text', new Y.Text('Anna'));
    nodes.set('yarr', Y.Array.from([1, 2]));
    nodes.set('xml', new Y.XmlFragment());
    nodes.set('bin', new Uint8Array([1, 2, 3]));
    const edges = rawEdges(doc);
    edges.set('num', 1);
    edges.set('text', new Y.Text('knows'));
    edges.set('obj', { kind: 'knows', from: 'a', to: 'b' });
    metaMap(doc).set('schemaVersion', new Y.Map());
    metaMap(doc).set('name', new Y.Text('x'));
    let g: ReturnType<typeof readGraph> | undefined;
    expect(() => (g = readGraph(doc))).not.toThrow();
    expect(g!.nodes.size).toBe(0);
    expect(g!.edges.size).toBe(0);
    expect(g!.schemaVersion).toBe(0);
    expect(g!.name).toBe('');
    expect(codes(g!.problems)).toEqual([
      'edges/num:notAMap',
      'edges/obj:notAMap',
      'edges/text:notAMap',
      'nodes/arr:notAMap',
      'nodes/bin:notAMap',
      'nodes/bool:notAMap',
      'nodes/nul:notAMap',
      'nodes/num:notAMap',
      'nodes/obj:notAMap',
      'nodes/str:notAMap',
      'nodes/text:notAMap',
      'nodes/xml:notAMap',
      'nodes/yarr:notAMap',
    ]);
  });

  it('survives Y types and odd values inside node and edge maps', () => {
    const doc = new Y.Doc();
    foreignNode(doc, 'n1', { kind: new Y.Map(), label: 'x' });
    foreignNode(doc, 'n2', { kind: 'person', label: new Y.Text('Anna') });
    foreignNode(doc, 'n3', {
      kind: 'person',
      label: 'Anna',
      role: new Y.Map(),
      function: new Y.Text('Buurtwerker'),
      email: new Y.Text('a@b.nl'),
      languages: Y.Array.from(['nl']),
      skills: { 0: 'a' },
      x: new Y.Map(),
      y: [1],
      createdBy: null,
      createdAt: new Y.Array(),
      status: new Y.Map(),
    });
    foreignNode(doc, 'a1', { kind: 'area', label: 'A', level: 'city', population: { n: 1 }, figuresYear: [2020] });
    foreignEdge(doc, 'e1', { kind: 'knows', from: new Y.Text('n3'), to: ['n3'] });
    foreignEdge(doc, 'e2', { kind: ['knows'], from: 'n3', to: 'a1' });
    foreignEdge(doc, 'e3', { kind: 'active_in', from: 'n3', to: 'a1', extra: new Y.XmlFragment() });
    let g: ReturnType<typeof readGraph> | undefined;
    expect(() => (g = readGraph(doc))).not.toThrow();
    expect([...g!.nodes.keys()].sort()).toEqual(['a1', 'n3']);
    expect(g!.nodes.get('n3')).toEqual({
      id: 'n3',
      kind: 'person',
      label: 'Anna',
      fields: {},
      provenance: { status: 'confirmed' },
    });
    expect(g!.nodes.get('a1')?.fields).toEqual({ level: 'city' });
    expect([...g!.edges.keys()]).toEqual(['e3']);
    expect(codes(g!.problems)).toEqual([
      'edges/e1:danglingEdge',
      'edges/e2:unknownKind:object',
      'nodes/a1:invalidField:figuresYear',
      'nodes/a1:invalidField:population',
      'nodes/n1:unknownKind:object',
      'nodes/n2:badLabel',
      'nodes/n3:invalidField:function',
      'nodes/n3:invalidField:languages',
      'nodes/n3:invalidField:role',
      'nodes/n3:invalidField:skills',
    ]);
  });

  it('survives roots written as other Yjs types by a foreign client', () => {
    const foreign = new Y.Doc();
    foreign.getArray('nodes').push([1, 2, 3]);
    foreign.getArray('edges').push(['knows']);
    foreign.getText('meta').insert(0, 'hello');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(foreign));
    expect(readGraph(doc)).toEqual({
      schemaVersion: 0,
      name: '',
      freshnessMonths: 6,
      nodes: new Map(),
      edges: new Map(),
      problems: [],
    });
  });

  // Regression: a kind value whose string conversion throws ({ toString: 1 }, from a
  // foreign client) once made readGraph throw, so one item broke the whole map.
  it('reports an unconvertible kind value instead of throwing', () => {
    const foreign = new Y.Doc();
    foreignNode(foreign, 'n1', { kind: { toString: 1 }, label: 'x' });
    foreignNode(foreign, 'n2', { ...PERSON });
    foreignEdge(foreign, 'e1', { kind: { toString: 1, valueOf: 1 }, from: 'n2', to: 'n2' });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(foreign));
    let g: ReturnType<typeof readGraph> | undefined;
    expect(() => (g = readGraph(doc))).not.toThrow();
    expect([...g!.nodes.keys()]).toEqual(['n2']);
    expect(g!.problems.map((p) => `${p.where}:${p.code}`).sort()).toEqual([
      'edges/e1:unknownKind',
      'nodes/n1:unknownKind',
    ]);
  });
});

describe('readNode, readEdge and edgeKey', () => {
  it('readNode reads one node and reports into the given list', () => {
    const problems: Problem[] = [];
    const n = readNode('p1', attached({ ...PERSON, function: 7 }), problems);
    expect(n).toMatchObject({ id: 'p1', kind: 'person', label: 'Anna', fields: { role: 'volunteer' } });
    expect(problems).toEqual([{ where: 'nodes/p1', code: 'invalidField', detail: 'function' }]);
    expect(readNode('p 1', attached(PERSON), problems)).toBeUndefined();
    expect(readNode('p2', 'nope', problems)).toBeUndefined();
    expect(problems.slice(1)).toEqual([
      { where: 'nodes/p 1', code: 'badId' },
      { where: 'nodes/p2', code: 'notAMap' },
    ]);
  });

  it('readEdge checks endpoints against the given nodes', () => {
    const problems: Problem[] = [];
    const nodes = new Map<string, GraphNode>();
    for (const [id, entries] of [
      ['p1', PERSON],
      ['o1', ORG],
    ] as const) {
      nodes.set(id, readNode(id, attached(entries), problems)!);
    }
    const e = readEdge('e1', attached({ kind: 'works_for', from: 'p1', to: 'o1' }), nodes, problems);
    expect(e).toMatchObject({ id: 'e1', kind: 'works_for', from: 'p1', to: 'o1', fields: {} });
    expect(readEdge('e2', attached({ kind: 'works_for', from: 'p1', to: 'o2' }), nodes, problems)).toBeUndefined();
    expect(readEdge('e3', attached({ kind: 'works_for', from: 'o1', to: 'p1' }), nodes, problems)).toBeUndefined();
    expect(problems).toEqual([
      { where: 'edges/e2', code: 'danglingEdge' },
      { where: 'edges/e3', code: 'kindNotAllowed' },
    ]);
  });

  it('edgeKey ignores the id and the order of symmetric ends', () => {
    expect(edgeKey({ kind: 'knows', from: 'b', to: 'a' })).toBe(edgeKey({ kind: 'knows', from: 'a', to: 'b' }));
    expect(edgeKey({ kind: 'supports', from: 'b', to: 'a' })).not.toBe(
      edgeKey({ kind: 'supports', from: 'a', to: 'b' }),
    );
    expect(edgeKey({ kind: 'works_for', from: 'a', to: 'b' })).not.toBe(
      edgeKey({ kind: 'member_of', from: 'a', to: 'b' }),
    );
  });
});
