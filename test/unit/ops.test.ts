import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import {
  EDGE_KINDS,
  NODE_ID_RE,
  OpError,
  SCHEMA_VERSION,
  createNode,
  createLinkedNode,
  deleteNode,
  edgeAllowed,
  edgeIdFor,
  edgeKindsBetween,
  edgesMap,
  initDoc,
  link,
  metaMap,
  moveNodes,
  newNodeId,
  nodesMap,
  readGraph,
  setMapName,
  setNoteText,
  unlink,
  updateEdge,
  updateNode,
  verifyNode,
  type EdgeKind,
  type NodeKind,
  type OpContext,
  type OpErrorCode,
} from '../../schema/index.js';

const ANNA = { id: 'u-anna', name: 'Anna de Vries' };
const BOB = { id: 'u-bob', name: 'Bob Jansen' };
const T0 = 1_767_225_600_000; // 2026-01-01
const T1 = T0 + 60_000;

function ctxOf(actor = ANNA, now = T0, extra: Partial<OpContext> = {}): OpContext {
  return { actor, now: () => now, ...extra };
}
const ctx = ctxOf();

function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  initDoc(doc, 'Test');
  return doc;
}

/** Records the origin of every transaction on `doc` from now on. */
function track(doc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
  return origins;
}

/** The keys changed on a Y.Map, per transaction, from now on. */
function watchKeys(map: Y.Map<unknown>): string[][] {
  const seen: string[][] = [];
  map.observe((ev) => seen.push([...ev.keysChanged].sort()));
  return seen;
}

/** The OpError `fn` throws; fails if it throws nothing or something else. */
function opError(fn: () => unknown): OpError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OpError) return e;
    throw e;
  }
  throw new Error('expected an OpError');
}

/** Asserts `fn` throws OpError `code`, writes nothing and makes no transaction. */
function expectRefused(doc: Y.Doc, code: OpErrorCode, fn: () => unknown): OpError {
  const before = Y.encodeStateAsUpdate(doc);
  const origins = track(doc);
  const err = opError(fn);
  expect(err.code).toBe(code);
  expect(origins).toEqual([]);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  return err;
}

function node(doc: Y.Doc, id: string): Y.Map<unknown> {
  const n = nodesMap(doc).get(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

function edge(doc: Y.Doc, id: string): Y.Map<unknown> {
  const e = edgesMap(doc).get(id);
  if (!e) throw new Error(`no edge ${id}`);
  return e;
}

function person(doc: Y.Doc, id: string, c: OpContext = ctx, fields: Record<string, unknown> = {}): string {
  return createNode(doc, { kind: 'person', label: `Person ${id}`, fields: { role: 'volunteer', ...fields }, id }, c);
}

function org(doc: Y.Doc, id: string, c: OpContext = ctx): string {
  return createNode(doc, { kind: 'organisation', label: `Org ${id}`, fields: { orgType: 'school' }, id }, c);
}

function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** A second doc holding the same state as `doc`. */
function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('newNodeId', () => {
  it('makes unique 21-char ids of the node id shape', () => {
    const ids = Array.from({ length: 2000 }, () => newNodeId());
    for (const id of ids) {
      expect(id).toHaveLength(21);
      expect(id).toMatch(NODE_ID_RE);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('createNode', () => {
  it('creates a node with a generated id, its fields and provenance stamped from ctx', () => {
    const doc = newDoc();
    const id = createNode(
      doc,
      { kind: 'person', label: '  Anna de Vries ', fields: { role: 'professional', function: ' Buurtwerker ' } },
      ctx,
    );
    expect(id).toMatch(NODE_ID_RE);
    expect(id).toHaveLength(21);
    const n = node(doc, id);
    expect(n.get('kind')).toBe('person');
    expect(n.get('label')).toBe('Anna de Vries');
    expect(n.get('role')).toBe('professional');
    expect(n.get('function')).toBe('Buurtwerker');
    for (const k of ['createdBy', 'updatedBy', 'verifiedBy']) expect(n.get(k), k).toEqual(ANNA);
    for (const k of ['createdAt', 'updatedAt', 'verifiedAt']) expect(n.get(k), k).toBe(T0);
    expect(n.get('status')).toBe('confirmed');
    expect(n.has('x')).toBe(false);
    expect(n.has('y')).toBe(false);
  });

  it('stores only id and name of the actor, as a plain object', () => {
    const doc = newDoc();
    const actor = { id: 'u-c', name: 'C', token: 'secret' };
    const id = person(doc, 'p1', ctxOf(actor));
    const createdBy = node(doc, id).get('createdBy');
    expect(createdBy).toEqual({ id: 'u-c', name: 'C' });
    expect(createdBy).not.toBeInstanceOf(Y.Map);
  });

  it("stamps status 'proposed' when ctx.status is proposed", () => {
    const doc = newDoc();
    const id = person(doc, 'p1', ctxOf(BOB, T1, { status: 'proposed' }));
    expect(node(doc, id).get('status')).toBe('proposed');
    expect(node(doc, id).get('createdBy')).toEqual(BOB);
    expect(node(doc, id).get('createdAt')).toBe(T1);
  });

  it('uses Date.now when no clock is injected', () => {
    const doc = newDoc();
    const before = Date.now();
    const id = createNode(doc, { kind: 'theme', label: 'Eenzaamheid' }, { actor: ANNA });
    const at = node(doc, id).get('createdAt') as number;
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('creates an empty Y.XmlFragment note', () => {
    const doc = newDoc();
    const id = person(doc, 'p1');
    const note = node(doc, id).get('note');
    expect(note).toBeInstanceOf(Y.XmlFragment);
    expect((note as Y.XmlFragment).length).toBe(0);
  });

  it('stores normalised field values and leaves out empty ones', () => {
    const doc = newDoc();
    const id = createNode(
      doc,
      {
        kind: 'area',
        label: 'Kanaleneiland',
        fields: {
          level: 'district',
          population: '15000',
          lowIncomePct: '12,5',
          households: '',
          figuresYear: undefined,
        },
      },
      ctx,
    );
    const n = node(doc, id);
    expect(n.get('population')).toBe(15000);
    expect(n.get('lowIncomePct')).toBe(12.5);
    expect(n.has('households')).toBe(false);
    expect(n.has('figuresYear')).toBe(false);
    const p = createNode(
      doc,
      { kind: 'person', label: 'P', fields: { role: 'intern', languages: [' nl', 'ar', 'nl ', ''], skills: [] } },
      ctx,
    );
    expect(node(doc, p).get('languages')).toEqual(['nl', 'ar']);
    expect(node(doc, p).has('skills')).toBe(false);
  });

  it('uses a given id and stores a rounded position', () => {
    const doc = newDoc();
    const id = createNode(
      doc,
      { kind: 'theme', label: 'Armoede', id: 'theme_armoede-1', position: { x: 10.26, y: -3.44 } },
      ctx,
    );
    expect(id).toBe('theme_armoede-1');
    expect(node(doc, id).get('x')).toBe(10.3);
    expect(node(doc, id).get('y')).toBe(-3.4);
  });

  it("is exactly one transaction, with origin 'ui' by default", () => {
    const doc = newDoc();
    const origins = track(doc);
    person(doc, 'p1');
    expect(origins).toEqual(['ui']);
  });

  it('uses the given origin', () => {
    const doc = newDoc();
    const origins = track(doc);
    person(doc, 'p1', ctxOf(ANNA, T0, { origin: 'import' }));
    expect(origins).toEqual(['import']);
  });

  it('refuses an unknown kind and leaves the doc untouched', () => {
    const doc = newDoc();
    person(doc, 'p1');
    const kind: string = 'robot';
    expectRefused(doc, 'invalid', () => createNode(doc, { kind: kind as NodeKind, label: 'R2' }, ctx));
  });

  it('refuses an empty, blank, non-string or over-long label', () => {
    const doc = newDoc();
    for (const label of ['', '   ', 'x'.repeat(201)]) {
      const err = expectRefused(doc, 'invalid', () =>
        createNode(doc, { kind: 'theme', label, fields: { themeType: 'problem' } }, ctx),
      );
      expect(Object.keys(err.fields)).toEqual(['label']);
    }
    const err = expectRefused(doc, 'invalid', () =>
      createNode(doc, { kind: 'theme', label: undefined as unknown as string }, ctx),
    );
    expect(err.fields.label).toEqual({ code: 'required' });
    expect(() => createNode(doc, { kind: 'theme', label: 'x'.repeat(200) }, ctx)).not.toThrow();
  });

  it('refuses a missing required field with a per-field error', () => {
    const doc = newDoc();
    const err = expectRefused(doc, 'invalid', () =>
      createNode(doc, { kind: 'person', label: 'Anna', fields: { function: 'x' } }, ctx),
    );
    expect(err.fields).toEqual({ role: { code: 'required' } });
    for (const role of ['', '  ', undefined]) {
      const e = expectRefused(doc, 'invalid', () =>
        createNode(doc, { kind: 'person', label: 'A', fields: { role } }, ctx),
      );
      expect(e.fields).toEqual({ role: { code: 'required' } });
    }
    expectRefused(doc, 'invalid', () => createNode(doc, { kind: 'organisation', label: 'Org' }, ctx));
    expectRefused(doc, 'invalid', () => createNode(doc, { kind: 'initiative', label: 'Ini' }, ctx));
    expectRefused(doc, 'invalid', () => createNode(doc, { kind: 'area', label: 'Area' }, ctx));
  });

  it('refuses invalid and unknown fields, reporting every one of them', () => {
    const doc = newDoc();
    const err = expectRefused(doc, 'invalid', () =>
      createNode(
        doc,
        {
          kind: 'person',
          label: 'Anna',
          fields: { role: 'boss', function: 'x'.repeat(121), shoeSize: 42, languages: 'nl' },
        },
        ctx,
      ),
    );
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('OpError');
    expect(err.fields).toEqual({
      role: { code: 'unknownOption' },
      function: { code: 'tooLong', params: { max: 120 } },
      shoeSize: { code: 'unknownOption' },
      languages: { code: 'wrongType' },
    });
    // An organisation's phone and e-mail are plain fields, validated as such.
    const orgErr = expectRefused(doc, 'invalid', () =>
      createNode(
        doc,
        {
          kind: 'organisation',
          label: 'School',
          fields: { orgType: 'school', email: 'nope', phone: '12', website: 'ftp://x.nl', shoeSize: 42 },
        },
        ctx,
      ),
    );
    expect(orgErr.fields).toEqual({
      email: { code: 'invalidEmail' },
      phone: { code: 'invalidPhone' },
      website: { code: 'invalidUrl' },
      shoeSize: { code: 'unknownOption' },
    });
  });

  it("refuses a person's contact details (they go in the protected document), writing nothing", () => {
    const doc = newDoc();
    const contact = { phone: '030-1234567', email: 'anna@example.nl', address: 'Kanaalweg 1' };
    const err = expectRefused(doc, 'invalid', () =>
      createNode(doc, { kind: 'person', label: 'Anna', fields: { role: 'volunteer', ...contact } }, ctx),
    );
    expect(err.fields).toEqual({
      phone: { code: 'protectedField' },
      email: { code: 'protectedField' },
      address: { code: 'protectedField' },
    });
    // Each one on its own, and also an empty value: the key itself does not belong here.
    const cases: [string, unknown][] = [...Object.entries(contact), ['phone', ''], ['email', undefined]];
    for (const [key, value] of cases) {
      const e = expectRefused(doc, 'invalid', () =>
        createNode(doc, { kind: 'person', label: 'Anna', fields: { role: 'volunteer', [key]: value } }, ctx),
      );
      expect(e.fields, key).toEqual({ [key]: { code: 'protectedField' } });
    }
    expect(nodesMap(doc).size).toBe(0);
  });

  it('stores the contact details of organisations, places and initiatives in the map document as before', () => {
    const doc = newDoc();
    const o = createNode(
      doc,
      {
        kind: 'organisation',
        label: 'School',
        fields: { orgType: 'school', phone: ' 030-1234567 ', email: 'info@school.nl', address: 'Schoolstraat 1' },
      },
      ctx,
    );
    const pl = createNode(
      doc,
      { kind: 'place', label: 'Buurthuis', fields: { address: 'Marshalllaan 1', phone: '030-7654321' } },
      ctx,
    );
    const i = createNode(
      doc,
      {
        kind: 'initiative',
        label: 'Sorteergroep',
        fields: { stage: 'running', phone: '06-12345678', email: 'i@x.nl' },
      },
      ctx,
    );
    expect(node(doc, o).get('phone')).toBe('030-1234567');
    expect(node(doc, o).get('email')).toBe('info@school.nl');
    expect(node(doc, o).get('address')).toBe('Schoolstraat 1');
    expect(node(doc, pl).get('address')).toBe('Marshalllaan 1');
    expect(node(doc, i).get('email')).toBe('i@x.nl');
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.nodes.get(o)?.fields).toEqual({
      orgType: 'school',
      phone: '030-1234567',
      email: 'info@school.nl',
      address: 'Schoolstraat 1',
    });
    expect(updateNode(doc, o, { fields: { phone: '030-0000000', email: '' } }, ctxOf(ANNA, T1))).toBe(true);
    expect(node(doc, o).get('phone')).toBe('030-0000000');
    expect(node(doc, o).has('email')).toBe(false);
  });

  it('refuses reserved keys passed as fields', () => {
    const doc = newDoc();
    for (const key of ['kind', 'label', 'status', 'createdBy', 'note', 'x']) {
      const err = expectRefused(doc, 'invalid', () =>
        createNode(doc, { kind: 'theme', label: 'T', fields: { [key]: 'proposed' } }, ctx),
      );
      expect(err.fields[key]).toEqual({ code: 'unknownOption' });
    }
  });

  it('refuses a non-finite position', () => {
    const doc = newDoc();
    for (const position of [
      { x: NaN, y: 0 },
      { x: 0, y: Infinity },
      { x: -Infinity, y: 1 },
    ]) {
      expectRefused(doc, 'invalid', () => createNode(doc, { kind: 'theme', label: 'T', position }, ctx));
    }
  });

  it('refuses a malformed id and an existing id', () => {
    const doc = newDoc();
    person(doc, 'p1');
    for (const id of ['', 'a b', 'a|b', 'x'.repeat(65), 'é']) {
      expectRefused(doc, 'invalid', () => createNode(doc, { kind: 'theme', label: 'T', id }, ctx));
    }
    expectRefused(doc, 'duplicate', () => person(doc, 'p1'));
    expect(node(doc, 'p1').get('label')).toBe('Person p1');
  });
});

describe('updateNode', () => {
  it('writes only the changed keys plus updatedBy/updatedAt, in one transaction', () => {
    const doc = newDoc();
    person(doc, 'p1', ctx, { function: 'Buurtwerker', languages: ['nl'] });
    const keys = watchKeys(node(doc, 'p1'));
    const origins = track(doc);
    const changed = updateNode(
      doc,
      'p1',
      { label: 'Person p1', fields: { function: 'Buurtwerker', languages: ['nl', 'ar'], role: 'volunteer' } },
      ctxOf(BOB, T1),
    );
    expect(changed).toBe(true);
    expect(origins).toEqual(['ui']);
    expect(keys).toEqual([['languages', 'updatedAt', 'updatedBy']]);
    const n = node(doc, 'p1');
    expect(n.get('languages')).toEqual(['nl', 'ar']);
    expect(n.get('updatedBy')).toEqual(BOB);
    expect(n.get('updatedAt')).toBe(T1);
    expect(n.get('createdBy')).toEqual(ANNA);
    expect(n.get('createdAt')).toBe(T0);
    expect(n.get('verifiedBy')).toEqual(ANNA);
    expect(n.get('verifiedAt')).toBe(T0);
  });

  it('changes the label (trimmed) and uses the given origin', () => {
    const doc = newDoc();
    person(doc, 'p1');
    const keys = watchKeys(node(doc, 'p1'));
    const origins = track(doc);
    expect(updateNode(doc, 'p1', { label: '  Anna  ' }, ctxOf(ANNA, T1, { origin: 'import' }))).toBe(true);
    expect(origins).toEqual(['import']);
    expect(keys).toEqual([['label', 'updatedAt', 'updatedBy']]);
    expect(node(doc, 'p1').get('label')).toBe('Anna');
  });

  it('normalises values before comparing and writing', () => {
    const doc = newDoc();
    person(doc, 'p1', ctx, { languages: ['nl', 'ar'] });
    const keys = watchKeys(node(doc, 'p1'));
    expect(updateNode(doc, 'p1', { fields: { languages: [' nl', 'ar', 'nl'] } }, ctxOf(ANNA, T1))).toBe(false);
    expect(updateNode(doc, 'p1', { fields: { languages: ['ar', 'nl'] } }, ctxOf(ANNA, T1))).toBe(true);
    expect(node(doc, 'p1').get('languages')).toEqual(['ar', 'nl']);
    expect(keys).toEqual([['languages', 'updatedAt', 'updatedBy']]);
  });

  it("removes a value given undefined, '' or an empty array", () => {
    const doc = newDoc();
    person(doc, 'p1', ctx, { function: 'F', languages: ['nl'], skills: ['koken'] });
    const keys = watchKeys(node(doc, 'p1'));
    expect(
      updateNode(doc, 'p1', { fields: { function: '   ', languages: undefined, skills: [] } }, ctxOf(ANNA, T1)),
    ).toBe(true);
    const n = node(doc, 'p1');
    for (const k of ['function', 'languages', 'skills']) expect(n.has(k), k).toBe(false);
    expect(keys).toEqual([['function', 'languages', 'skills', 'updatedAt', 'updatedBy']]);
    expect(n.get('role')).toBe('volunteer');
    // The same for a place's address and phone (plain fields there).
    const pl = createNode(
      doc,
      {
        kind: 'place',
        label: 'Buurthuis',
        fields: { address: 'Marshalllaan 1', phone: '030-1234567', openingHours: 'ma-vr', rooms: ['zaal'] },
      },
      ctx,
    );
    const placeKeys = watchKeys(node(doc, pl));
    expect(
      updateNode(
        doc,
        pl,
        { fields: { address: undefined, phone: '', openingHours: '   ', rooms: [] } },
        ctxOf(ANNA, T1),
      ),
    ).toBe(true);
    for (const k of ['address', 'phone', 'openingHours', 'rooms']) expect(node(doc, pl).has(k), k).toBe(false);
    expect(placeKeys).toEqual([['address', 'openingHours', 'phone', 'rooms', 'updatedAt', 'updatedBy']]);
  });

  it('refuses removing a required field', () => {
    const doc = newDoc();
    person(doc, 'p1');
    for (const role of [undefined, '', '  ']) {
      const err = expectRefused(doc, 'invalid', () => updateNode(doc, 'p1', { fields: { role } }, ctxOf(ANNA, T1)));
      expect(err.fields).toEqual({ role: { code: 'required' } });
    }
    expect(node(doc, 'p1').get('role')).toBe('volunteer');
  });

  it('refuses invalid values, unknown keys and a blank label, writing nothing', () => {
    const doc = newDoc();
    person(doc, 'p1');
    const err = expectRefused(doc, 'invalid', () =>
      updateNode(doc, 'p1', { label: 'Ok', fields: { function: 'ok', languages: 'nl', orgType: 'school' } }, ctx),
    );
    expect(err.fields).toEqual({ languages: { code: 'wrongType' }, orgType: { code: 'unknownOption' } });
    const o = org(doc, 'o1');
    const orgErr = expectRefused(doc, 'invalid', () =>
      updateNode(doc, o, { fields: { email: 'nope', phone: 'x', role: 'volunteer' } }, ctx),
    );
    expect(orgErr.fields).toEqual({
      email: { code: 'invalidEmail' },
      phone: { code: 'invalidPhone' },
      role: { code: 'unknownOption' },
    });
    expectRefused(doc, 'invalid', () => updateNode(doc, 'p1', { label: '  ' }, ctx));
    expectRefused(doc, 'invalid', () => updateNode(doc, 'p1', { label: 'y'.repeat(201) }, ctx));
    expect(node(doc, 'p1').get('label')).toBe('Person p1');
    expect(node(doc, 'p1').has('function')).toBe(false);
  });

  it("refuses a person's contact details, even to remove them, writing nothing", () => {
    const doc = newDoc();
    person(doc, 'p1', ctx, { function: 'F' });
    const err = expectRefused(doc, 'invalid', () =>
      updateNode(
        doc,
        'p1',
        { label: 'Anna', fields: { function: 'G', phone: '030-1234567', email: 'a@b.nl', address: 'Kanaalweg 1' } },
        ctxOf(ANNA, T1),
      ),
    );
    expect(err.fields).toEqual({
      phone: { code: 'protectedField' },
      email: { code: 'protectedField' },
      address: { code: 'protectedField' },
    });
    for (const value of [undefined, '']) {
      const e = expectRefused(doc, 'invalid', () => updateNode(doc, 'p1', { fields: { phone: value } }, ctx));
      expect(e.fields).toEqual({ phone: { code: 'protectedField' } });
    }
    expect(node(doc, 'p1').get('function')).toBe('F');
    expect(node(doc, 'p1').get('label')).toBe('Person p1');
  });

  it("ignores a foreign copy of a person's contact details when validating and reading", () => {
    const doc = newDoc();
    person(doc, 'p1', ctx, { function: 'F' });
    // An older (version 1) or foreign client wrote them into the map document.
    node(doc, 'p1').set('phone', 'not a phone');
    node(doc, 'p1').set('email', 'anna@example.nl');
    expect(updateNode(doc, 'p1', { fields: { function: 'G' } }, ctxOf(ANNA, T1))).toBe(true);
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.nodes.get('p1')?.fields).toEqual({ role: 'volunteer', function: 'G' });
  });

  it('returns false and makes no transaction for a no-op', () => {
    const doc = newDoc();
    person(doc, 'p1', ctx, { function: 'F' });
    const before = Y.encodeStateAsUpdate(doc);
    const origins = track(doc);
    expect(updateNode(doc, 'p1', {}, ctxOf(ANNA, T1))).toBe(false);
    expect(updateNode(doc, 'p1', { label: ' Person p1 ', fields: { function: 'F ' } }, ctxOf(ANNA, T1))).toBe(false);
    expect(updateNode(doc, 'p1', { fields: { skills: undefined, languages: [] } }, ctxOf(ANNA, T1))).toBe(false);
    expect(origins).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(node(doc, 'p1').get('updatedAt')).toBe(T0);
  });

  it('refuses an unknown id and a node of an unknown kind', () => {
    const doc = newDoc();
    expectRefused(doc, 'notFound', () => updateNode(doc, 'nope', { label: 'x' }, ctx));
    const foreign = new Y.Map<unknown>();
    foreign.set('kind', 'robot');
    foreign.set('label', 'R2');
    nodesMap(doc).set('r2', foreign);
    expectRefused(doc, 'invalid', () => updateNode(doc, 'r2', { label: 'R3' }, ctx));
  });

  it('two docs editing different fields of one node concurrently both win', () => {
    const a = newDoc();
    person(a, 'p1', ctx, { function: 'Oud' });
    const b = fork(a);
    updateNode(a, 'p1', { fields: { function: 'Nieuw' } }, ctxOf(ANNA, T1));
    updateNode(b, 'p1', { fields: { skills: ['koken'] }, label: 'Nieuwe naam' }, ctxOf(BOB, T1 + 1));
    sync(a, b);
    for (const d of [a, b]) {
      const n = node(d, 'p1');
      expect(n.get('function')).toBe('Nieuw');
      expect(n.get('skills')).toEqual(['koken']);
      expect(n.get('label')).toBe('Nieuwe naam');
    }
    expect(node(a, 'p1').toJSON()).toEqual(node(b, 'p1').toJSON());
    expect(readGraph(a)).toEqual(readGraph(b));
    expect(readGraph(a).problems).toEqual([]);
  });
});

const RESIDENT = {
  role: 'resident_key_figure',
  consent: 'yes',
  consentAt: '2026-01-15',
  retentionUntil: '2027-01-15',
} as const;

function resident(doc: Y.Doc, id: string, c: OpContext = ctx, fields: Record<string, unknown> = {}): string {
  return createNode(doc, { kind: 'person', label: `Resident ${id}`, fields: { ...RESIDENT, ...fields }, id }, c);
}

describe('resident key figures (data minimisation)', () => {
  it('creates a resident with consent, consent date and retention date, stamping consentBy', () => {
    const doc = newDoc();
    const origins = track(doc);
    resident(doc, 'r1', ctxOf({ ...BOB, token: 'x' } as typeof BOB), { languages: ['nl', 'tr'], skills: ['koken'] });
    expect(origins).toEqual(['ui']);
    const n = node(doc, 'r1');
    expect(n.get('consent')).toBe('yes');
    expect(n.get('consentAt')).toBe('2026-01-15');
    expect(n.get('retentionUntil')).toBe('2027-01-15');
    expect(n.get('consentBy')).toEqual(BOB);
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    const r1 = g.nodes.get('r1')!;
    expect(r1.fields).toEqual({ ...RESIDENT, languages: ['nl', 'tr'], skills: ['koken'] });
    expect(r1.consentBy).toEqual(BOB);
    expect(r1.fields).not.toHaveProperty('consentBy');
  });

  it('accepts a recorded refusal of consent', () => {
    const doc = newDoc();
    resident(doc, 'r1', ctx, { consent: 'no' });
    expect(readGraph(doc).nodes.get('r1')?.fields.consent).toBe('no');
    expect(node(doc, 'r1').get('consentBy')).toEqual(ANNA);
  });

  it('requires consent, consent date and retention date of a resident', () => {
    const doc = newDoc();
    const err = expectRefused(doc, 'invalid', () =>
      createNode(doc, { kind: 'person', label: 'Hassan', fields: { role: 'resident_key_figure' } }, ctx),
    );
    expect(err.fields).toEqual({
      consent: { code: 'required' },
      consentAt: { code: 'required' },
      retentionUntil: { code: 'required' },
    });
    for (const key of ['consent', 'consentAt', 'retentionUntil'] as const) {
      for (const missing of [undefined, '', '  ']) {
        const e = expectRefused(doc, 'invalid', () => resident(doc, 'r1', ctx, { [key]: missing }));
        expect(e.fields, `${key}=${String(missing)}`).toEqual({ [key]: { code: 'required' } });
      }
    }
    expect(nodesMap(doc).size).toBe(0);
  });

  it('validates the consent option and the dates', () => {
    const doc = newDoc();
    const err = expectRefused(doc, 'invalid', () =>
      resident(doc, 'r1', ctx, { consent: 'maybe', consentAt: '15-01-2026', retentionUntil: '2027-02-30' }),
    );
    expect(err.fields).toEqual({
      consent: { code: 'unknownOption' },
      consentAt: { code: 'invalidDate' },
      retentionUntil: { code: 'invalidDate' },
    });
  });

  it('refuses fields a resident may not carry, writing nothing', () => {
    const doc = newDoc();
    const err = expectRefused(doc, 'invalid', () => resident(doc, 'r1', ctx, { function: 'Conciërge' }));
    expect(err.fields).toEqual({ function: { code: 'notForResidents' } });
    // An empty value is no value: nothing is recorded, so nothing to refuse.
    resident(doc, 'r1', ctx, { function: '' });
    expect(node(doc, 'r1').has('function')).toBe(false);
  });

  it('refuses consent and retention fields on persons who are not residents', () => {
    const doc = newDoc();
    for (const role of ['professional', 'volunteer', 'experience_expert', 'intern']) {
      const err = expectRefused(doc, 'invalid', () =>
        createNode(doc, { kind: 'person', label: 'P', fields: { ...RESIDENT, role } }, ctx),
      );
      expect(err.fields, role).toEqual({
        consent: { code: 'onlyForResidents' },
        consentAt: { code: 'onlyForResidents' },
        retentionUntil: { code: 'onlyForResidents' },
      });
      const e = expectRefused(doc, 'invalid', () =>
        createNode(doc, { kind: 'person', label: 'P', fields: { role, retentionUntil: '2030-01-01' } }, ctx),
      );
      expect(e.fields, role).toEqual({ retentionUntil: { code: 'onlyForResidents' } });
    }
    person(doc, 'p1');
    expect(node(doc, 'p1').has('consentBy')).toBe(false);
    expect(readGraph(doc).nodes.get('p1')).not.toHaveProperty('consentBy');
  });

  it('createLinkedNode applies the same rules, writing neither node nor link when refused', () => {
    const doc = newDoc();
    org(doc, 'o1');
    const before = Y.encodeStateAsUpdate(doc);
    // The node is validated inside the joint transaction (so not expectRefused): nothing is written.
    const err = opError(() =>
      createLinkedNode(
        doc,
        { kind: 'person', label: 'Hassan', fields: { role: 'resident_key_figure', function: 'Conciërge' } },
        { kind: 'member_of', other: 'o1' },
        ctx,
      ),
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(err.code).toBe('invalid');
    expect(err.fields).toMatchObject({ function: { code: 'notForResidents' }, consent: { code: 'required' } });
    const { nodeId } = createLinkedNode(
      doc,
      { kind: 'person', label: 'Hassan', fields: { ...RESIDENT } },
      { kind: 'member_of', other: 'o1' },
      ctx,
    );
    expect(node(doc, nodeId).get('consentBy')).toEqual(ANNA);
  });

  it('restamps consentBy when the consent or its date changes, and only then', () => {
    const doc = newDoc();
    resident(doc, 'r1');
    const keys = watchKeys(node(doc, 'r1'));
    expect(updateNode(doc, 'r1', { fields: { skills: ['koken'] } }, ctxOf(BOB, T1))).toBe(true);
    expect(updateNode(doc, 'r1', { fields: { retentionUntil: '2028-01-15' } }, ctxOf(BOB, T1))).toBe(true);
    expect(node(doc, 'r1').get('consentBy')).toEqual(ANNA);
    expect(updateNode(doc, 'r1', { fields: { consent: 'no' } }, ctxOf(BOB, T1))).toBe(true);
    expect(node(doc, 'r1').get('consentBy')).toEqual(BOB);
    expect(updateNode(doc, 'r1', { fields: { consentAt: '2026-02-01' } }, ctxOf(ANNA, T1))).toBe(true);
    expect(node(doc, 'r1').get('consentBy')).toEqual(ANNA);
    // Giving the same consent again changes nothing, so stamps nothing.
    expect(updateNode(doc, 'r1', { fields: { consent: 'no', consentAt: '2026-02-01' } }, ctxOf(BOB, T1))).toBe(false);
    expect(node(doc, 'r1').get('consentBy')).toEqual(ANNA);
    expect(keys).toEqual([
      ['skills', 'updatedAt', 'updatedBy'],
      ['retentionUntil', 'updatedAt', 'updatedBy'],
      ['consent', 'consentBy', 'updatedAt', 'updatedBy'],
      ['consentAt', 'consentBy', 'updatedAt', 'updatedBy'],
    ]);
    expect(readGraph(doc).nodes.get('r1')?.consentBy).toEqual(ANNA);
  });

  it("refuses removing a resident's consent, consent date or retention date", () => {
    const doc = newDoc();
    resident(doc, 'r1');
    for (const key of ['consent', 'consentAt', 'retentionUntil']) {
      const err = expectRefused(doc, 'invalid', () => updateNode(doc, 'r1', { fields: { [key]: undefined } }, ctx));
      expect(err.fields, key).toEqual({ [key]: { code: 'required' } });
    }
    const err = expectRefused(doc, 'invalid', () => updateNode(doc, 'r1', { fields: { function: 'Conciërge' } }, ctx));
    expect(err.fields).toEqual({ function: { code: 'notForResidents' } });
  });

  it('leaving the resident role drops the resident-only fields and consentBy, in one transaction', () => {
    const doc = newDoc();
    resident(doc, 'r1', ctx, { languages: ['nl'], skills: ['koken'] });
    const keys = watchKeys(node(doc, 'r1'));
    const origins = track(doc);
    expect(updateNode(doc, 'r1', { fields: { role: 'volunteer' } }, ctxOf(BOB, T1))).toBe(true);
    expect(origins).toEqual(['ui']);
    expect(keys).toEqual([['consent', 'consentAt', 'consentBy', 'retentionUntil', 'role', 'updatedAt', 'updatedBy']]);
    const n = node(doc, 'r1');
    for (const k of ['consent', 'consentAt', 'retentionUntil', 'consentBy']) expect(n.has(k), k).toBe(false);
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.nodes.get('r1')?.fields).toEqual({ role: 'volunteer', languages: ['nl'], skills: ['koken'] });
    expect(g.nodes.get('r1')).not.toHaveProperty('consentBy');
    // Now a volunteer, who may have a function.
    expect(updateNode(doc, 'r1', { fields: { function: 'Vrijwilliger' } }, ctxOf(BOB, T1))).toBe(true);
  });

  it('refuses leaving the resident role while setting a resident-only field', () => {
    const doc = newDoc();
    resident(doc, 'r1');
    const err = expectRefused(doc, 'invalid', () =>
      updateNode(doc, 'r1', { fields: { role: 'professional', consent: 'yes' } }, ctx),
    );
    expect(err.fields).toEqual({ consent: { code: 'onlyForResidents' } });
    // Removing them explicitly along with the role change is fine.
    expect(
      updateNode(
        doc,
        'r1',
        { fields: { role: 'professional', consent: undefined, consentAt: '', retentionUntil: undefined } },
        ctx,
      ),
    ).toBe(true);
    expect(node(doc, 'r1').has('consent')).toBe(false);
    expect(node(doc, 'r1').has('consentBy')).toBe(false);
  });

  it('becoming a resident needs consent and retention, and no function', () => {
    const doc = newDoc();
    person(doc, 'p1', ctx, { function: 'Buurtwerker', languages: ['nl'] });
    const err = expectRefused(doc, 'invalid', () =>
      updateNode(doc, 'p1', { fields: { role: 'resident_key_figure' } }, ctx),
    );
    expect(err.fields).toEqual({
      function: { code: 'notForResidents' },
      consent: { code: 'required' },
      consentAt: { code: 'required' },
      retentionUntil: { code: 'required' },
    });
    const e = expectRefused(doc, 'invalid', () => updateNode(doc, 'p1', { fields: { ...RESIDENT } }, ctx));
    expect(e.fields).toEqual({ function: { code: 'notForResidents' } });
    expect(updateNode(doc, 'p1', { fields: { ...RESIDENT, function: undefined } }, ctxOf(BOB, T1))).toBe(true);
    const n = node(doc, 'p1');
    expect(n.has('function')).toBe(false);
    expect(n.get('role')).toBe('resident_key_figure');
    expect(n.get('consentBy')).toEqual(BOB);
    expect(n.get('languages')).toEqual(['nl']);
    expect(readGraph(doc).problems).toEqual([]);
  });
});

describe('verifyNode', () => {
  it('stamps verifiedBy/verifiedAt only, in one transaction', () => {
    const doc = newDoc();
    person(doc, 'p1');
    const keys = watchKeys(node(doc, 'p1'));
    const origins = track(doc);
    verifyNode(doc, 'p1', ctxOf(BOB, T1));
    expect(origins).toEqual(['ui']);
    expect(keys).toEqual([['verifiedAt', 'verifiedBy']]);
    const n = node(doc, 'p1');
    expect(n.get('verifiedBy')).toEqual(BOB);
    expect(n.get('verifiedAt')).toBe(T1);
    expect(n.get('updatedBy')).toEqual(ANNA);
    expect(n.get('updatedAt')).toBe(T0);
    expect(n.get('status')).toBe('confirmed');
  });

  it('refuses an unknown id', () => {
    const doc = newDoc();
    expectRefused(doc, 'notFound', () => verifyNode(doc, 'nope', ctx));
  });

  it('refuses an open proposal: it is confirmed, not found still correct', () => {
    const doc = newDoc();
    person(doc, 'p1', ctxOf(BOB, T1, { status: 'proposed' }));
    expectRefused(doc, 'invalid', () => verifyNode(doc, 'p1', ctxOf(ANNA, T1)));
  });
});

describe('deleteNode', () => {
  function setup(): Y.Doc {
    const doc = newDoc();
    person(doc, 'p1');
    person(doc, 'p2');
    person(doc, 'p3');
    org(doc, 'o1');
    link(doc, { kind: 'knows', from: 'p2', to: 'p1' }, ctx);
    link(doc, { kind: 'knows', from: 'p2', to: 'p3' }, ctx);
    link(doc, { kind: 'works_for', from: 'p1', to: 'o1' }, ctx);
    link(doc, { kind: 'works_for', from: 'p2', to: 'o1' }, ctx);
    return doc;
  }

  it('deletes the node, its note and every edge touching it in one transaction', () => {
    const doc = setup();
    setNoteText(doc, 'p1', 'Een notitie', ctx);
    const note = node(doc, 'p1').get('note') as Y.XmlFragment;
    const origins = track(doc);
    deleteNode(doc, 'p1', ctx);
    expect(origins).toEqual(['ui']);
    expect(nodesMap(doc).has('p1')).toBe(false);
    expect([...edgesMap(doc).keys()].sort()).toEqual(['knows|p2|p3', 'works_for|p2|o1']);
    expect(note._item?.deleted).toBe(true);
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect([...g.nodes.keys()].sort()).toEqual(['o1', 'p2', 'p3']);
    expect(g.edges.size).toBe(2);
  });

  it('uses the given origin', () => {
    const doc = setup();
    const origins = track(doc);
    deleteNode(doc, 'o1', ctxOf(ANNA, T0, { origin: 'import' }));
    expect(origins).toEqual(['import']);
    expect([...edgesMap(doc).keys()]).toEqual(['knows|p1|p2', 'knows|p2|p3']);
  });

  it('refuses an unknown id', () => {
    const doc = setup();
    expectRefused(doc, 'notFound', () => deleteNode(doc, 'nope', ctx));
  });
});

describe('edge kinds', () => {
  it('edgeAllowed follows the from/to lists and symmetry', () => {
    expect(edgeAllowed('works_for', 'person', 'organisation')).toBe(true);
    expect(edgeAllowed('works_for', 'organisation', 'person')).toBe(false);
    expect(edgeAllowed('knows', 'person', 'person')).toBe(true);
    expect(edgeAllowed('knows', 'person', 'organisation')).toBe(false);
    expect(edgeAllowed('collaborates_with', 'initiative', 'organisation')).toBe(true);
    expect(edgeAllowed('collaborates_with', 'organisation', 'initiative')).toBe(true);
    expect(edgeAllowed('located_at', 'place', 'organisation')).toBe(false);
  });

  it('edgeKindsBetween lists the allowed kinds in order', () => {
    expect(edgeKindsBetween('person', 'organisation')).toEqual([
      'works_for',
      'member_of',
      'contact_for',
      'supports',
      'refers_to',
    ]);
    expect(edgeKindsBetween('person', 'person')).toEqual(['knows', 'supports']);
    expect(edgeKindsBetween('theme', 'person')).toEqual([]);
  });
});

describe('edgeIdFor', () => {
  it('is kind|from|to and keeps the direction of directed kinds', () => {
    expect(edgeIdFor('works_for', 'a', 'b')).toBe('works_for|a|b');
    expect(edgeIdFor('supports', 'b', 'a')).toBe('supports|b|a');
    expect(edgeIdFor('supports', 'a', 'b')).not.toBe(edgeIdFor('supports', 'b', 'a'));
  });

  it('orders the endpoints of symmetric kinds', () => {
    expect(edgeIdFor('knows', 'b', 'a')).toBe('knows|a|b');
    expect(edgeIdFor('knows', 'a', 'b')).toBe('knows|a|b');
    expect(edgeIdFor('collaborates_with', 'Zeta', 'Alpha')).toBe('collaborates_with|Alpha|Zeta');
    // JS string order: uppercase before lowercase.
    expect(edgeIdFor('knows', 'a', 'B')).toBe('knows|B|a');
  });

  it('is deterministic', () => {
    for (const kind of EDGE_KINDS) {
      expect(edgeIdFor(kind, 'x1', 'y2')).toBe(edgeIdFor(kind, 'x1', 'y2'));
    }
  });
});

describe('link', () => {
  function setup(): Y.Doc {
    const doc = newDoc();
    person(doc, 'p1');
    person(doc, 'p2');
    org(doc, 'o1');
    org(doc, 'o2');
    return doc;
  }

  it('creates an edge under edgeIdFor with provenance and fields, in one transaction', () => {
    const doc = setup();
    const origins = track(doc);
    const id = link(doc, { kind: 'works_for', from: 'p1', to: 'o1', fields: { function: ' Buurtwerker ' } }, ctx);
    expect(id).toBe('works_for|p1|o1');
    expect(origins).toEqual(['ui']);
    const e = edge(doc, id);
    expect(e.get('kind')).toBe('works_for');
    expect(e.get('from')).toBe('p1');
    expect(e.get('to')).toBe('o1');
    expect(e.get('function')).toBe('Buurtwerker');
    for (const k of ['createdBy', 'updatedBy', 'verifiedBy']) expect(e.get(k), k).toEqual(ANNA);
    for (const k of ['createdAt', 'updatedAt', 'verifiedAt']) expect(e.get(k), k).toBe(T0);
    expect(e.get('status')).toBe('confirmed');
  });

  it('uses the given origin and status', () => {
    const doc = setup();
    const origins = track(doc);
    const id = link(
      doc,
      { kind: 'supports', from: 'o1', to: 'p1' },
      ctxOf(BOB, T1, { origin: 'seed', status: 'proposed' }),
    );
    expect(origins).toEqual(['seed']);
    expect(edge(doc, id).get('status')).toBe('proposed');
    expect(edge(doc, id).get('createdBy')).toEqual(BOB);
  });

  it('stores symmetric links in id order', () => {
    const doc = setup();
    const id = link(
      doc,
      { kind: 'knows', from: 'p2', to: 'p1', fields: { strength: 'strong', canIntroduce: false } },
      ctx,
    );
    expect(id).toBe('knows|p1|p2');
    expect(edge(doc, id).get('from')).toBe('p1');
    expect(edge(doc, id).get('to')).toBe('p2');
    expect(edge(doc, id).get('strength')).toBe('strong');
    expect(edge(doc, id).get('canIntroduce')).toBe(false);
    const c = link(doc, { kind: 'collaborates_with', from: 'o2', to: 'o1' }, ctx);
    expect(c).toBe('collaborates_with|o1|o2');
  });

  it("refuses a self-link ('selfLink')", () => {
    const doc = setup();
    expectRefused(doc, 'selfLink', () => link(doc, { kind: 'knows', from: 'p1', to: 'p1' }, ctx));
  });

  it("refuses an unknown endpoint ('notFound')", () => {
    const doc = setup();
    expectRefused(doc, 'notFound', () => link(doc, { kind: 'works_for', from: 'ghost', to: 'o1' }, ctx));
    expectRefused(doc, 'notFound', () => link(doc, { kind: 'works_for', from: 'p1', to: 'ghost' }, ctx));
  });

  it("refuses kinds that may not connect these nodes ('kindNotAllowed')", () => {
    const doc = setup();
    expectRefused(doc, 'kindNotAllowed', () => link(doc, { kind: 'works_for', from: 'o1', to: 'p1' }, ctx));
    expectRefused(doc, 'kindNotAllowed', () => link(doc, { kind: 'knows', from: 'p1', to: 'o1' }, ctx));
    expectRefused(doc, 'kindNotAllowed', () => link(doc, { kind: 'located_at', from: 'o1', to: 'o2' }, ctx));
  });

  it("refuses an unknown link kind and invalid fields ('invalid')", () => {
    const doc = setup();
    const kind: string = 'loves';
    expectRefused(doc, 'invalid', () => link(doc, { kind: kind as EdgeKind, from: 'p1', to: 'p2' }, ctx));
    const err = expectRefused(doc, 'invalid', () =>
      link(doc, { kind: 'knows', from: 'p1', to: 'p2', fields: { strength: 'enorm', since: 2020 } }, ctx),
    );
    expect(err.fields).toEqual({ strength: { code: 'unknownOption' }, since: { code: 'unknownOption' } });
    expectRefused(doc, 'invalid', () =>
      link(doc, { kind: 'works_for', from: 'p1', to: 'o1', fields: { function: 'f'.repeat(121) } }, ctx),
    );
  });

  it("refuses a duplicate ('duplicate'), in either direction for symmetric kinds", () => {
    const doc = setup();
    link(doc, { kind: 'works_for', from: 'p1', to: 'o1' }, ctx);
    link(doc, { kind: 'knows', from: 'p1', to: 'p2' }, ctx);
    link(doc, { kind: 'collaborates_with', from: 'o1', to: 'o2' }, ctx);
    expectRefused(doc, 'duplicate', () => link(doc, { kind: 'works_for', from: 'p1', to: 'o1' }, ctx));
    expectRefused(doc, 'duplicate', () => link(doc, { kind: 'knows', from: 'p1', to: 'p2' }, ctx));
    expectRefused(doc, 'duplicate', () => link(doc, { kind: 'knows', from: 'p2', to: 'p1' }, ctx));
    expectRefused(doc, 'duplicate', () => link(doc, { kind: 'collaborates_with', from: 'o2', to: 'o1' }, ctx));
  });

  it('allows different kinds between the same pair, and directed kinds both ways', () => {
    const doc = setup();
    expect(link(doc, { kind: 'works_for', from: 'p1', to: 'o1' }, ctx)).toBe('works_for|p1|o1');
    expect(link(doc, { kind: 'member_of', from: 'p1', to: 'o1' }, ctx)).toBe('member_of|p1|o1');
    expect(link(doc, { kind: 'supports', from: 'o1', to: 'o2' }, ctx)).toBe('supports|o1|o2');
    expect(link(doc, { kind: 'supports', from: 'o2', to: 'o1' }, ctx)).toBe('supports|o2|o1');
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.edges.size).toBe(4);
  });

  it('two docs creating the same link concurrently end with exactly one edge', () => {
    const a = setup();
    const b = fork(a);
    const ida = link(a, { kind: 'knows', from: 'p1', to: 'p2', fields: { strength: 'weak' } }, ctxOf(ANNA, T1));
    const idb = link(b, { kind: 'knows', from: 'p2', to: 'p1', fields: { strength: 'strong' } }, ctxOf(BOB, T1 + 5));
    expect(ida).toBe(idb);
    sync(a, b);
    for (const d of [a, b]) {
      expect([...edgesMap(d).keys()]).toEqual([ida]);
      const g = readGraph(d);
      expect(g.problems).toEqual([]);
      expect(g.edges.size).toBe(1);
    }
    expect(edgesMap(a).toJSON()).toEqual(edgesMap(b).toJSON());
    expect(readGraph(a)).toEqual(readGraph(b));
  });

  // Regression: link() once rebuilt endpoints by splitting the edge id on '|', so a
  // foreign node id containing '|' produced an edge between other nodes.
  it("never stores endpoints other than the ones given (foreign node id containing '|')", () => {
    const doc = newDoc();
    person(doc, 'c');
    const foreign = new Y.Map<unknown>();
    foreign.set('kind', 'person');
    foreign.set('label', 'Foreign');
    foreign.set('role', 'volunteer');
    nodesMap(doc).set('a|b', foreign);
    let id: string | undefined;
    try {
      id = link(doc, { kind: 'knows', from: 'c', to: 'a|b' }, ctx);
    } catch (e) {
      expect(e).toBeInstanceOf(OpError);
    }
    if (id !== undefined) {
      const e = edge(doc, id);
      expect([e.get('from'), e.get('to')].sort()).toEqual(['a|b', 'c']);
    }
  });
});

describe('updateEdge', () => {
  function setup(): { doc: Y.Doc; id: string } {
    const doc = newDoc();
    person(doc, 'p1');
    person(doc, 'p2');
    const id = link(doc, { kind: 'knows', from: 'p1', to: 'p2', fields: { strength: 'weak' } }, ctx);
    return { doc, id };
  }

  it('writes only changed keys plus updatedBy/updatedAt, in one transaction', () => {
    const { doc, id } = setup();
    const keys = watchKeys(edge(doc, id));
    const origins = track(doc);
    expect(updateEdge(doc, id, { strength: 'strong', canIntroduce: true }, ctxOf(BOB, T1))).toBe(true);
    expect(origins).toEqual(['ui']);
    expect(keys).toEqual([['canIntroduce', 'strength', 'updatedAt', 'updatedBy']]);
    const e = edge(doc, id);
    expect(e.get('strength')).toBe('strong');
    expect(e.get('canIntroduce')).toBe(true);
    expect(e.get('updatedBy')).toEqual(BOB);
    expect(e.get('updatedAt')).toBe(T1);
    expect(e.get('createdAt')).toBe(T0);
    expect(e.get('verifiedAt')).toBe(T0);
  });

  it('removes a value given undefined or empty', () => {
    const { doc, id } = setup();
    expect(updateEdge(doc, id, { strength: undefined }, ctxOf(ANNA, T1))).toBe(true);
    expect(edge(doc, id).has('strength')).toBe(false);
    updateEdge(doc, id, { strength: 'medium' }, ctx);
    expect(updateEdge(doc, id, { strength: '' }, ctx)).toBe(true);
    expect(edge(doc, id).has('strength')).toBe(false);
  });

  it('returns false and makes no transaction for a no-op', () => {
    const { doc, id } = setup();
    const before = Y.encodeStateAsUpdate(doc);
    const origins = track(doc);
    expect(updateEdge(doc, id, { strength: 'weak', canIntroduce: undefined }, ctxOf(ANNA, T1))).toBe(false);
    expect(updateEdge(doc, id, {}, ctxOf(ANNA, T1))).toBe(false);
    expect(origins).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses invalid values and unknown keys, writing nothing', () => {
    const { doc, id } = setup();
    const err = expectRefused(doc, 'invalid', () =>
      updateEdge(doc, id, { strength: 'enorm', canIntroduce: 'ja' }, ctx),
    );
    expect(err.fields).toEqual({ strength: { code: 'unknownOption' }, canIntroduce: { code: 'wrongType' } });
    expectRefused(doc, 'invalid', () => updateEdge(doc, id, { function: 'x' }, ctx));
    org(doc, 'o1');
    const m = link(doc, { kind: 'member_of', from: 'p1', to: 'o1' }, ctx);
    expectRefused(doc, 'invalid', () => updateEdge(doc, m, { role: 'x' }, ctx));
  });

  it('refuses an unknown id', () => {
    const { doc } = setup();
    expectRefused(doc, 'notFound', () => updateEdge(doc, 'knows|p2|p1', { strength: 'weak' }, ctx));
  });
});

describe('unlink', () => {
  it('removes the edge in one transaction', () => {
    const doc = newDoc();
    person(doc, 'p1');
    org(doc, 'o1');
    const id = link(doc, { kind: 'works_for', from: 'p1', to: 'o1' }, ctx);
    const origins = track(doc);
    unlink(doc, id, ctxOf(ANNA, T0, { origin: 'import' }));
    expect(origins).toEqual(['import']);
    expect(edgesMap(doc).has(id)).toBe(false);
    expect(readGraph(doc).edges.size).toBe(0);
    expect(nodesMap(doc).size).toBe(2);
  });

  it('refuses an unknown id', () => {
    const doc = newDoc();
    expectRefused(doc, 'notFound', () => unlink(doc, 'works_for|p1|o1', ctx));
  });
});

describe('moveNodes', () => {
  it('writes positions rounded to 0.1 in one transaction, without touching updatedAt', () => {
    const doc = newDoc();
    person(doc, 'p1');
    person(doc, 'p2');
    const origins = track(doc);
    moveNodes(doc, { p1: { x: 100.26, y: -7.44 }, p2: { x: 0.1 + 0.2, y: 5 } }, ctxOf(BOB, T1));
    expect(origins).toEqual(['ui']);
    expect(node(doc, 'p1').get('x')).toBe(100.3);
    expect(node(doc, 'p1').get('y')).toBe(-7.4);
    expect(node(doc, 'p2').get('x')).toBe(0.3);
    expect(node(doc, 'p2').get('y')).toBe(5);
    for (const id of ['p1', 'p2']) {
      expect(node(doc, id).get('updatedAt')).toBe(T0);
      expect(node(doc, id).get('updatedBy')).toEqual(ANNA);
    }
    expect(readGraph(doc).nodes.get('p1')?.position).toEqual({ x: 100.3, y: -7.4 });
  });

  it('writes only coordinates that change', () => {
    const doc = newDoc();
    createNode(doc, { kind: 'theme', label: 'T', id: 't1', position: { x: 1, y: 2 } }, ctx);
    const keys = watchKeys(node(doc, 't1'));
    moveNodes(doc, { t1: { x: 1.04, y: 3 } }, ctx);
    expect(keys).toEqual([['y']]);
    const before = Y.encodeStateAsUpdate(doc);
    moveNodes(doc, { t1: { x: 0.96, y: 3.01 } }, ctx);
    expect(keys).toEqual([['y']]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('skips unknown ids', () => {
    const doc = newDoc();
    person(doc, 'p1');
    moveNodes(doc, { ghost: { x: 1, y: 1 }, p1: { x: 2, y: 2 } }, ctx);
    expect(nodesMap(doc).has('ghost')).toBe(false);
    expect(node(doc, 'p1').get('x')).toBe(2);
  });

  it('refuses NaN and Infinity anywhere, writing nothing', () => {
    const doc = newDoc();
    person(doc, 'p1');
    person(doc, 'p2');
    for (const bad of [
      { x: NaN, y: 0 },
      { x: 0, y: Infinity },
      { x: -Infinity, y: 0 },
    ]) {
      expectRefused(doc, 'invalid', () => moveNodes(doc, { p1: { x: 5, y: 5 }, p2: bad }, ctx));
    }
    expect(node(doc, 'p1').has('x')).toBe(false);
  });

  // Regression: a huge finite coordinate once overflowed to Infinity when rounded.
  it('never writes a non-finite coordinate', () => {
    const doc = newDoc();
    person(doc, 'p1');
    try {
      moveNodes(doc, { p1: { x: 1e308, y: -1e308 } }, ctx);
    } catch (e) {
      expect(e).toBeInstanceOf(OpError);
    }
    const x = node(doc, 'p1').get('x');
    const y = node(doc, 'p1').get('y');
    if (x !== undefined) expect(Number.isFinite(x)).toBe(true);
    if (y !== undefined) expect(Number.isFinite(y)).toBe(true);
  });
});

describe('setNoteText', () => {
  it('replaces the note by one paragraph per non-blank line, trimmed', () => {
    const doc = newDoc();
    person(doc, 'p1');
    const origins = track(doc);
    setNoteText(doc, 'p1', '  Eerste regel \n\n  \nTweede regel', ctxOf(BOB, T1));
    expect(origins).toEqual(['ui']);
    const note = node(doc, 'p1').get('note') as Y.XmlFragment;
    expect(note.toString()).toBe('<paragraph>Eerste regel</paragraph><paragraph>Tweede regel</paragraph>');
    const paras = note.toArray();
    expect(paras).toHaveLength(2);
    for (const p of paras) {
      expect(p).toBeInstanceOf(Y.XmlElement);
      expect((p as Y.XmlElement).nodeName).toBe('paragraph');
      expect((p as Y.XmlElement).firstChild).toBeInstanceOf(Y.XmlText);
    }
    setNoteText(doc, 'p1', 'Alleen dit', ctx);
    expect(note.toString()).toBe('<paragraph>Alleen dit</paragraph>');
    expect(node(doc, 'p1').get('note')).toBe(note);
    setNoteText(doc, 'p1', '', ctx);
    expect(note.length).toBe(0);
    expect(node(doc, 'p1').get('updatedAt')).toBe(T0);
  });

  it('creates the note if the node has none', () => {
    const doc = newDoc();
    const foreign = new Y.Map<unknown>();
    foreign.set('kind', 'theme');
    foreign.set('label', 'Eenzaamheid');
    nodesMap(doc).set('t1', foreign);
    const origins = track(doc);
    setNoteText(doc, 't1', 'Hallo', ctx);
    expect(origins).toEqual(['ui']);
    const note = node(doc, 't1').get('note');
    expect(note).toBeInstanceOf(Y.XmlFragment);
    expect((note as Y.XmlFragment).toString()).toBe('<paragraph>Hallo</paragraph>');
  });

  it('refuses an unknown id', () => {
    const doc = newDoc();
    expectRefused(doc, 'notFound', () => setNoteText(doc, 'ghost', 'x', ctx));
  });
});

describe('setMapName', () => {
  it('sets the trimmed name in one transaction', () => {
    const doc = newDoc();
    const origins = track(doc);
    setMapName(doc, '  Kanaleneiland-Zuid ', ctx);
    expect(origins).toEqual(['ui']);
    expect(metaMap(doc).get('name')).toBe('Kanaleneiland-Zuid');
    expect(readGraph(doc).name).toBe('Kanaleneiland-Zuid');
  });

  it('refuses a blank or over-long name', () => {
    const doc = newDoc();
    for (const name of ['', '   ', 'n'.repeat(201)]) expectRefused(doc, 'invalid', () => setMapName(doc, name, ctx));
    expect(metaMap(doc).get('name')).toBe('Test');
  });
});

describe('a doc with a newer schema', () => {
  it("makes every operation throw 'newerSchema' and write nothing", () => {
    const doc = newDoc();
    person(doc, 'p1');
    person(doc, 'p2');
    org(doc, 'o1');
    const e = link(doc, { kind: 'knows', from: 'p1', to: 'p2' }, ctx);
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1);
    const ops: [string, () => unknown][] = [
      ['createNode', () => createNode(doc, { kind: 'theme', label: 'T' }, ctx)],
      ['updateNode', () => updateNode(doc, 'p1', { label: 'X' }, ctx)],
      ['verifyNode', () => verifyNode(doc, 'p1', ctx)],
      ['deleteNode', () => deleteNode(doc, 'p1', ctx)],
      ['link', () => link(doc, { kind: 'works_for', from: 'p1', to: 'o1' }, ctx)],
      ['updateEdge', () => updateEdge(doc, e, { strength: 'weak' }, ctx)],
      ['unlink', () => unlink(doc, e, ctx)],
      ['moveNodes', () => moveNodes(doc, { p1: { x: 1, y: 1 } }, ctx)],
      ['setNoteText', () => setNoteText(doc, 'p1', 'x', ctx)],
      ['setMapName', () => setMapName(doc, 'Nieuw', ctx)],
    ];
    for (const [name, op] of ops) {
      const err = expectRefused(doc, 'newerSchema', op);
      expect(err.message, name).toMatch(String(SCHEMA_VERSION + 1));
    }
  });

  it('does not refuse the current version', () => {
    const doc = newDoc();
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
    expect(() => person(doc, 'p1')).not.toThrow();
  });
});

describe('createLinkedNode', () => {
  const ctx = { actor: { id: 'a', name: 'A' } };
  it('creates and links in one transaction, either direction', () => {
    const doc = new Y.Doc();
    const org = createNode(doc, { kind: 'organisation', label: 'Buurtteam', fields: { orgType: 'team_social' } }, ctx);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const r = createLinkedNode(
      doc,
      { kind: 'person', label: 'Noor', fields: { role: 'professional' } },
      { kind: 'works_for', other: org },
      ctx,
    );
    expect(origins).toEqual(['ui']);
    const g = readGraph(doc);
    expect(g.edges.get(r.edgeId)).toMatchObject({ kind: 'works_for', from: r.nodeId, to: org });
    const t = createLinkedNode(
      doc,
      { kind: 'theme', label: 'Schulden' },
      { kind: 'addresses', other: org, direction: 'to' },
      ctx,
    );
    expect(readGraph(doc).edges.get(t.edgeId)).toMatchObject({ from: org, to: t.nodeId });
  });
  it('writes nothing when the link does not fit', () => {
    const doc = new Y.Doc();
    const org = createNode(doc, { kind: 'organisation', label: 'Buurtteam', fields: { orgType: 'team_social' } }, ctx);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => createLinkedNode(doc, { kind: 'theme', label: 'X' }, { kind: 'works_for', other: org }, ctx)).toThrow(
      OpError,
    );
    expect(() =>
      createLinkedNode(
        doc,
        { kind: 'person', label: '', fields: { role: 'intern' } },
        { kind: 'works_for', other: org },
        ctx,
      ),
    ).toThrow(OpError);
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
  });
});
