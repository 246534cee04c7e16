import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import {
  MIGRATIONS,
  OpError,
  SCHEMA_VERSION,
  createNode,
  docSchemaVersion,
  initDoc,
  metaMap,
  migrate,
  nodesMap,
  readGraph,
  type Migration,
  type OpContext,
} from '../../schema/index.js';

const ctx: OpContext = { actor: { id: 'u-anna', name: 'Anna' }, now: () => 1_767_225_600_000 };

function ymap(entries: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(entries)) m.set(k, v);
  return m;
}

/** A version-0 document: nodes and edges written by hand, no schemaVersion. */
function version0Doc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('name', 'Oude kaart');
    nodesMap(doc).set('p1', ymap({ kind: 'person', label: 'Anna', role: 'volunteer', function: 'Buurtwerker' }));
    nodesMap(doc).set('p2', ymap({ kind: 'person', label: 'Bob', role: 'intern' }));
    nodesMap(doc).set('o1', ymap({ kind: 'organisation', label: 'School', orgType: 'school' }));
    doc.getMap('edges').set('knows|p1|p2', ymap({ kind: 'knows', from: 'p1', to: 'p2' }));
    doc.getMap('edges').set('works_for|p1|o1', ymap({ kind: 'works_for', from: 'p1', to: 'o1' }));
  }, 'import');
  return doc;
}

function track(doc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
  return origins;
}

function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

function json(doc: Y.Doc): unknown {
  return { meta: metaMap(doc).toJSON(), nodes: nodesMap(doc).toJSON(), edges: doc.getMap('edges').toJSON() };
}

/** The version after the current one: only custom migration lists reach it. */
const NEXT = SCHEMA_VERSION + 1;

/**
 * A fake migration from `from` (default: the current version, so to NEXT): renames
 * person.function to person.jobTitle.
 */
function renameFunction(log?: number[], from = SCHEMA_VERSION): Migration {
  return {
    from,
    describe: 'rename person.function to person.jobTitle',
    run(doc) {
      log?.push(from);
      for (const node of nodesMap(doc).values()) {
        if (!(node instanceof Y.Map) || node.get('kind') !== 'person' || !node.has('function')) continue;
        if (!node.has('jobTitle')) node.set('jobTitle', node.get('function'));
        node.delete('function');
      }
    },
  };
}

describe('docSchemaVersion', () => {
  it('is 0 when missing, not an integer, or negative', () => {
    const doc = new Y.Doc();
    expect(docSchemaVersion(doc)).toBe(0);
    for (const v of ['1', 1.5, -1, -0.5, null, NaN, Infinity, true]) {
      metaMap(doc).set('schemaVersion', v);
      expect(docSchemaVersion(doc), String(v)).toBe(0);
    }
  });

  it('is the stored integer otherwise', () => {
    const doc = new Y.Doc();
    for (const v of [0, 1, 7]) {
      metaMap(doc).set('schemaVersion', v);
      expect(docSchemaVersion(doc)).toBe(v);
    }
  });
});

describe('MIGRATIONS', () => {
  it('has exactly one step for every version below SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i));
    for (const m of MIGRATIONS) expect(m.describe).toMatch(/\S/);
  });
});

describe('migrate', () => {
  it("migrates a version-0 doc to SCHEMA_VERSION in one transaction with origin 'migration'", () => {
    const doc = version0Doc();
    expect(docSchemaVersion(doc)).toBe(0);
    const nodesBefore = nodesMap(doc).toJSON();
    const origins = track(doc);
    expect(migrate(doc)).toEqual({ status: 'migrated', from: 0, to: SCHEMA_VERSION });
    expect(origins).toEqual(['migration']);
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(docSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(nodesMap(doc).toJSON()).toEqual(nodesBefore);
    expect(metaMap(doc).get('name')).toBe('Oude kaart');
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.schemaVersion).toBe(SCHEMA_VERSION);
    expect(g.nodes.size).toBe(3);
    expect(g.edges.size).toBe(2);
  });

  it('migrates an empty doc and a doc with a malformed version', () => {
    const empty = new Y.Doc();
    expect(migrate(empty)).toEqual({ status: 'migrated', from: 0, to: SCHEMA_VERSION });
    expect(metaMap(empty).get('schemaVersion')).toBe(SCHEMA_VERSION);
    const odd = new Y.Doc();
    metaMap(odd).set('schemaVersion', 'one');
    expect(migrate(odd)).toEqual({ status: 'migrated', from: 0, to: SCHEMA_VERSION });
    expect(metaMap(odd).get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it("is a no-op the second time ('current'): no transaction, no change", () => {
    const doc = version0Doc();
    migrate(doc);
    const before = Y.encodeStateAsUpdate(doc);
    const origins = track(doc);
    expect(migrate(doc)).toEqual({ status: 'current', from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(origins).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('migrating twice equals migrating once', () => {
    const once = version0Doc();
    const twice = fork(once);
    migrate(once);
    migrate(twice);
    migrate(twice);
    expect(json(twice)).toEqual(json(once));
    expect(readGraph(twice)).toEqual(readGraph(once));
  });

  it('two docs migrating concurrently converge', () => {
    const a = version0Doc();
    const b = fork(a);
    expect(migrate(a).status).toBe('migrated');
    expect(migrate(b).status).toBe('migrated');
    sync(a, b);
    expect(json(a)).toEqual(json(b));
    expect(docSchemaVersion(a)).toBe(SCHEMA_VERSION);
    expect(readGraph(a)).toEqual(readGraph(b));
    expect(readGraph(a).problems).toEqual([]);
    expect(migrate(a).status).toBe('current');
    expect(migrate(b).status).toBe('current');
  });

  it("leaves a newer doc alone ('newer')", () => {
    const doc = version0Doc();
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    const origins = track(doc);
    expect(migrate(doc)).toEqual({ status: 'newer', from: SCHEMA_VERSION + 1, to: SCHEMA_VERSION + 1 });
    expect(origins).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION + 1);
  });

  it('runs a custom migration list up to a custom target', () => {
    const doc = new Y.Doc();
    initDoc(doc, 'Kaart');
    createNode(doc, { kind: 'person', label: 'Anna', id: 'p1', fields: { role: 'volunteer', function: 'Coach' } }, ctx);
    createNode(doc, { kind: 'person', label: 'Bob', id: 'p2', fields: { role: 'volunteer' } }, ctx);
    const log: number[] = [];
    const origins = track(doc);
    expect(migrate(doc, [...MIGRATIONS, renameFunction(log)], NEXT)).toEqual({
      status: 'migrated',
      from: SCHEMA_VERSION,
      to: NEXT,
    });
    expect(origins).toEqual(['migration']);
    // Only the step above the doc's version ran, not the built-in ones below it.
    expect(log).toEqual([SCHEMA_VERSION]);
    expect(metaMap(doc).get('schemaVersion')).toBe(NEXT);
    const p1 = nodesMap(doc).get('p1')!;
    expect(p1.get('jobTitle')).toBe('Coach');
    expect(p1.has('function')).toBe(false);
    expect(nodesMap(doc).get('p2')!.has('jobTitle')).toBe(false);
    // Now newer than this client: read with a problem, written by no operation.
    expect(readGraph(doc).problems).toContainEqual({ where: 'meta', code: 'newerSchema', detail: String(NEXT) });
    expect(() => createNode(doc, { kind: 'theme', label: 'T' }, ctx)).toThrow(OpError);
    expect(migrate(doc, [...MIGRATIONS, renameFunction()], NEXT).status).toBe('current');
    expect(migrate(doc).status).toBe('newer');
  });

  it('runs every step in order, from the doc version to the target, in one transaction', () => {
    const doc = version0Doc();
    const steps: string[] = [];
    const m0: Migration = {
      from: 0,
      describe: 'step 0',
      run(d) {
        steps.push(`0@${String(metaMap(d).get('schemaVersion'))}`);
      },
    };
    const m1: Migration = {
      ...renameFunction(undefined, 1),
      run(d) {
        steps.push(`1@${String(metaMap(d).get('schemaVersion'))}`);
        renameFunction(undefined, 1).run(d);
      },
    };
    const origins = track(doc);
    // Listed out of order on purpose: steps are found by `from`.
    expect(migrate(doc, [m1, m0], 2)).toEqual({ status: 'migrated', from: 0, to: 2 });
    expect(steps).toEqual(['0@undefined', '1@1']);
    expect(origins).toEqual(['migration']);
    expect(nodesMap(doc).get('p1')!.get('jobTitle')).toBe('Buurtwerker');
    expect(docSchemaVersion(doc)).toBe(2);
  });

  it('custom migrations run concurrently on two docs converge', () => {
    const a = version0Doc();
    const b = fork(a);
    migrate(a, [...MIGRATIONS, renameFunction()], NEXT);
    migrate(b, [...MIGRATIONS, renameFunction()], NEXT);
    sync(a, b);
    expect(json(a)).toEqual(json(b));
    const p1 = nodesMap(a).get('p1')!;
    expect(p1.get('jobTitle')).toBe('Buurtwerker');
    expect(p1.has('function')).toBe(false);
    expect(docSchemaVersion(a)).toBe(NEXT);
  });

  it('throws when a step is missing', () => {
    expect(() => migrate(version0Doc(), [], 1)).toThrow(/no migration from schema version 0/);
    expect(() => migrate(version0Doc(), MIGRATIONS, SCHEMA_VERSION + 1)).toThrow(
      new RegExp(`no migration from schema version ${SCHEMA_VERSION}`),
    );
  });

  // Regression: Yjs transactions don't roll back, so migrate() must find every step
  // before writing anything; a missing step once left the doc half-migrated.
  it('a missing step leaves the doc untouched', () => {
    const doc = version0Doc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => migrate(doc, MIGRATIONS, SCHEMA_VERSION + 1)).toThrow();
    expect(docSchemaVersion(doc)).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

/**
 * A version-1 document: contact details of persons still in the map document, next to
 * the (unprotected) contact details of an organisation, a place and an initiative.
 */
function version1Doc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('schemaVersion', 1);
    metaMap(doc).set('name', 'Kaart v1');
    nodesMap(doc).set(
      'p1',
      ymap({
        kind: 'person',
        label: 'Anna',
        role: 'professional',
        function: 'Buurtwerker',
        phone: '030-1234567',
        email: 'anna@example.nl',
        address: 'Kanaalweg 1',
        languages: ['nl', 'ar'],
      }),
    );
    nodesMap(doc).set('p2', ymap({ kind: 'person', label: 'Bob', role: 'volunteer', phone: '06-12345678' }));
    nodesMap(doc).set(
      'o1',
      ymap({
        kind: 'organisation',
        label: 'School',
        orgType: 'school',
        phone: '030-7654321',
        email: 'info@school.example.org',
        address: 'Schoolstraat 2',
      }),
    );
    nodesMap(doc).set(
      'pl1',
      ymap({ kind: 'place', label: 'Buurthuis', address: 'Marshalllaan 1', phone: '030-1111111' }),
    );
    nodesMap(doc).set(
      'i1',
      ymap({
        kind: 'initiative',
        label: 'Sorteergroep',
        stage: 'running',
        phone: '030-2222222',
        email: 'i@example.org',
      }),
    );
    doc.getMap('edges').set('works_for|p1|o1', ymap({ kind: 'works_for', from: 'p1', to: 'o1' }));
  }, 'import');
  return doc;
}

describe('migration 1 → 2: contact details of persons leave the map document', () => {
  const step = MIGRATIONS.find((m) => m.from === 1)!;

  it('is the current version', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(step.describe).toMatch(/contact details/);
  });

  it("removes a person's phone, e-mail and home address, and nothing else, in one transaction", () => {
    const doc = version1Doc();
    const before = nodesMap(doc).toJSON() as Record<string, Record<string, unknown>>;
    const origins = track(doc);
    expect(migrate(doc)).toEqual({ status: 'migrated', from: 1, to: 2 });
    expect(origins).toEqual(['migration']);
    expect(docSchemaVersion(doc)).toBe(2);
    const after = nodesMap(doc).toJSON() as Record<string, Record<string, unknown>>;
    const { phone: _p1, email: _e1, address: _a1, ...p1Rest } = before.p1!;
    expect(after.p1).toEqual(p1Rest);
    expect(after.p1).toMatchObject({ role: 'professional', function: 'Buurtwerker', languages: ['nl', 'ar'] });
    for (const key of ['phone', 'email', 'address']) expect(nodesMap(doc).get('p1')!.has(key), key).toBe(false);
    expect(nodesMap(doc).get('p2')!.has('phone')).toBe(false);
    expect(after.p2).toEqual({ kind: 'person', label: 'Bob', role: 'volunteer' });
    // Not protected for other kinds: an organisation's, place's and initiative's stay.
    expect(after.o1).toEqual(before.o1);
    expect(after.o1).toMatchObject({
      phone: '030-7654321',
      email: 'info@school.example.org',
      address: 'Schoolstraat 2',
    });
    expect(after.pl1).toEqual(before.pl1);
    expect(after.i1).toEqual(before.i1);
    expect(doc.getMap('edges').toJSON()).toEqual({ 'works_for|p1|o1': { kind: 'works_for', from: 'p1', to: 'o1' } });
    const g = readGraph(doc);
    expect(g.problems).toEqual([]);
    expect(g.nodes.get('o1')?.fields).toMatchObject({ phone: '030-7654321', email: 'info@school.example.org' });
    expect(g.nodes.get('p1')?.fields).toEqual({
      role: 'professional',
      function: 'Buurtwerker',
      languages: ['nl', 'ar'],
    });
  });

  it('takes a version-0 doc through both steps', () => {
    const doc = version0Doc();
    nodesMap(doc).get('p1')!.set('email', 'anna@example.nl');
    nodesMap(doc).get('o1')!.set('email', 'info@school.example.org');
    expect(migrate(doc)).toEqual({ status: 'migrated', from: 0, to: 2 });
    expect(nodesMap(doc).get('p1')!.has('email')).toBe(false);
    expect(nodesMap(doc).get('p1')!.get('function')).toBe('Buurtwerker');
    expect(nodesMap(doc).get('o1')!.get('email')).toBe('info@school.example.org');
  });

  it('is idempotent: running the step again changes nothing', () => {
    const once = version1Doc();
    migrate(once);
    const twice = fork(once);
    twice.transact(() => step.run(twice), 'migration');
    expect(json(twice)).toEqual(json(once));
  });

  it('two docs migrating concurrently converge without the contact details', () => {
    const a = version1Doc();
    const b = fork(a);
    expect(migrate(a).status).toBe('migrated');
    expect(migrate(b).status).toBe('migrated');
    sync(a, b);
    expect(json(a)).toEqual(json(b));
    expect(nodesMap(a).get('p1')!.has('phone')).toBe(false);
    expect(nodesMap(a).get('o1')!.get('phone')).toBe('030-7654321');
  });

  it('leaves a doc with no persons as it was, apart from the version', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 1);
    nodesMap(doc).set('o1', ymap({ kind: 'organisation', label: 'School', orgType: 'school', phone: '030-7654321' }));
    const nodesBefore = nodesMap(doc).toJSON();
    expect(migrate(doc)).toEqual({ status: 'migrated', from: 1, to: 2 });
    expect(nodesMap(doc).toJSON()).toEqual(nodesBefore);
  });
});

describe('initDoc', () => {
  it("sets the version and name as given in one transaction with origin 'seed'", () => {
    const doc = new Y.Doc();
    const origins = track(doc);
    initDoc(doc, 'Kanaleneiland-Zuid');
    expect(origins).toEqual(['seed']);
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(metaMap(doc).get('name')).toBe('Kanaleneiland-Zuid');
    const g = readGraph(doc);
    expect(g).toEqual({
      schemaVersion: SCHEMA_VERSION,
      name: 'Kanaleneiland-Zuid',
      freshnessMonths: 6,
      nodes: new Map(),
      edges: new Map(),
      problems: [],
    });
    expect(migrate(doc).status).toBe('current');
  });

  it('stores the name as given, without trimming', () => {
    const doc = new Y.Doc();
    initDoc(doc, '  Wijk  ');
    expect(metaMap(doc).get('name')).toBe('  Wijk  ');
  });
});
