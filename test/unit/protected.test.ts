/**
 * The protected document: contact details of persons (phone, e-mail, home address) live
 * in a second Y.Doc per map, written with setContactDetails and read with readContact.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  NODE_KINDS,
  OpError,
  PROTECTED_SUFFIX,
  contactsMap,
  parseRoom,
  protectedFields,
  protectedRoom,
  readContact,
  removeContact,
  setContactDetails,
  splitProtected,
  type OpContext,
} from '../../schema/index.js';

const ANNA = { id: 'u-anna', name: 'Anna de Vries' };
const ctx: OpContext = { actor: ANNA };
const RESIDENT = { ...ctx, personRole: 'resident_key_figure' };

/** Records the origin of every transaction on `doc` from now on. */
function track(doc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
  return origins;
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

/** Asserts `fn` is refused as invalid, writes nothing and makes no transaction. */
function expectRefused(doc: Y.Doc, fn: () => unknown): OpError {
  const before = Y.encodeStateAsUpdate(doc);
  const origins = track(doc);
  const err = opError(fn);
  expect(err.code).toBe('invalid');
  expect(origins).toEqual([]);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  return err;
}

function entry(doc: Y.Doc, nodeId: string): Y.Map<unknown> {
  const e = contactsMap(doc).get(nodeId);
  if (!(e instanceof Y.Map)) throw new Error(`no contact entry for ${nodeId}`);
  return e;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

describe('rooms and roles', () => {
  it("names a map's protected room and parses it back", () => {
    expect(protectedRoom('wijk')).toBe(`wijk${PROTECTED_SUFFIX}`);
    expect(protectedRoom('wijk')).toBe('wijk~protected');
    expect(parseRoom('wijk')).toEqual({ mapId: 'wijk', protected: false });
    expect(parseRoom('wijk~protected')).toEqual({ mapId: 'wijk', protected: true });
    expect(parseRoom(protectedRoom('a-b-1'))).toEqual({ mapId: 'a-b-1', protected: true });
  });
});

describe('protectedFields and splitProtected', () => {
  it("lists a person's phone, e-mail and home address, and nothing of other kinds", () => {
    expect([...protectedFields('person')].sort()).toEqual(['address', 'email', 'phone']);
    for (const kind of NODE_KINDS.filter((k) => k !== 'person')) expect(protectedFields(kind), kind).toEqual([]);
  });

  it("splits a person's fields into open ones and contact details, keeping values as given", () => {
    const fields = {
      role: 'professional',
      function: 'Buurtwerker',
      phone: ' 030-1234567 ',
      email: 'anna@example.nl',
      address: undefined,
      languages: ['nl'],
      shoeSize: 42,
    };
    expect(splitProtected('person', fields)).toEqual({
      open: { role: 'professional', function: 'Buurtwerker', languages: ['nl'], shoeSize: 42 },
      contact: { phone: ' 030-1234567 ', email: 'anna@example.nl', address: undefined },
    });
    expect(Object.keys(splitProtected('person', fields).contact)).toEqual(['phone', 'email', 'address']);
    expect(splitProtected('person', {})).toEqual({ open: {}, contact: {} });
  });

  it('keeps the contact details of other kinds open', () => {
    const org = { orgType: 'school', phone: '030-1234567', email: 'info@school.nl', address: 'Schoolstraat 1' };
    expect(splitProtected('organisation', org)).toEqual({ open: org, contact: {} });
    const place = { address: 'Marshalllaan 1', phone: '030-7654321' };
    expect(splitProtected('place', place)).toEqual({ open: place, contact: {} });
  });
});

describe('setContactDetails', () => {
  it('stores normalised values under the node id, in one transaction with the given origin', () => {
    const doc = new Y.Doc();
    const origins = track(doc);
    expect(
      setContactDetails(
        doc,
        'p1',
        'person',
        { phone: ' 030-1234567 ', email: ' anna@example.nl', address: 'Kanaalweg 1  ' },
        ctx,
      ),
    ).toBe(true);
    expect(origins).toEqual(['ui']);
    expect(entry(doc, 'p1').toJSON()).toEqual({
      phone: '030-1234567',
      email: 'anna@example.nl',
      address: 'Kanaalweg 1',
    });
    expect(readContact(doc, 'p1', 'person')).toEqual({
      phone: '030-1234567',
      email: 'anna@example.nl',
      address: 'Kanaalweg 1',
    });
    expect(setContactDetails(doc, 'p2', 'person', { phone: '06-12345678' }, { ...ctx, origin: 'import' })).toBe(true);
    expect(origins).toEqual(['ui', 'import']);
    expect([...contactsMap(doc).keys()].sort()).toEqual(['p1', 'p2']);
  });

  it('validates every value and refuses the whole patch, reporting each field', () => {
    const doc = new Y.Doc();
    setContactDetails(doc, 'p1', 'person', { phone: '030-1234567' }, ctx);
    const err = expectRefused(doc, () =>
      setContactDetails(doc, 'p1', 'person', { phone: '12', email: 'nope', address: 'x'.repeat(201) }, ctx),
    );
    expect(err.fields).toEqual({
      phone: { code: 'invalidPhone' },
      email: { code: 'invalidEmail' },
      address: { code: 'tooLong', params: { max: 200 } },
    });
    // One bad value refuses the valid ones with it.
    const one = expectRefused(doc, () =>
      setContactDetails(doc, 'p1', 'person', { phone: '030-7654321', email: 'nope' }, ctx),
    );
    expect(one.fields).toEqual({ email: { code: 'invalidEmail' } });
    const wrongType = expectRefused(doc, () => setContactDetails(doc, 'p1', 'person', { phone: 301234567 }, ctx));
    expect(wrongType.fields).toEqual({ phone: { code: 'wrongType' } });
    expect(readContact(doc, 'p1', 'person')).toEqual({ phone: '030-1234567' });
  });

  it('refuses fields that are not contact details of the kind', () => {
    const doc = new Y.Doc();
    const err = expectRefused(doc, () =>
      setContactDetails(doc, 'p1', 'person', { role: 'volunteer', function: 'x', website: 'https://x.nl' }, ctx),
    );
    expect(err.fields).toEqual({
      role: { code: 'unknownOption' },
      function: { code: 'unknownOption' },
      website: { code: 'unknownOption' },
    });
    // An organisation's phone is a plain field of the map document, not a protected one.
    const org = expectRefused(doc, () => setContactDetails(doc, 'o1', 'organisation', { phone: '030-1234567' }, ctx));
    expect(org.fields).toEqual({ phone: { code: 'unknownOption' } });
    expect(contactsMap(doc).size).toBe(0);
  });

  it('lets a resident key figure have a phone number only', () => {
    const doc = new Y.Doc();
    const err = expectRefused(doc, () =>
      setContactDetails(
        doc,
        'r1',
        'person',
        { phone: '06-12345678', email: 'hassan@example.nl', address: 'Kanaalweg 2' },
        RESIDENT,
      ),
    );
    expect(err.fields).toEqual({ email: { code: 'notForResidents' }, address: { code: 'notForResidents' } });
    expect(setContactDetails(doc, 'r1', 'person', { phone: '06-12345678' }, RESIDENT)).toBe(true);
    expect(readContact(doc, 'r1', 'person')).toEqual({ phone: '06-12345678' });
    // Removing what a resident may not have is always allowed.
    expect(setContactDetails(doc, 'r1', 'person', { email: undefined, address: '' }, RESIDENT)).toBe(false);
    // The same details are fine for another person.
    expect(
      setContactDetails(
        doc,
        'p1',
        'person',
        { email: 'anna@example.nl', address: 'Kanaalweg 1' },
        { ...ctx, personRole: 'professional' },
      ),
    ).toBe(true);
  });

  it('writes only what changes, and nothing (no transaction) when nothing does', () => {
    const doc = new Y.Doc();
    setContactDetails(doc, 'p1', 'person', { phone: '030-1234567', email: 'anna@example.nl' }, ctx);
    const seen: string[][] = [];
    entry(doc, 'p1').observe((ev) => seen.push([...ev.keysChanged].sort()));
    const before = Y.encodeStateAsUpdate(doc);
    const origins = track(doc);
    expect(setContactDetails(doc, 'p1', 'person', { phone: ' 030-1234567', email: 'anna@example.nl ' }, ctx)).toBe(
      false,
    );
    expect(setContactDetails(doc, 'p1', 'person', { address: '' }, ctx)).toBe(false);
    expect(setContactDetails(doc, 'p1', 'person', {}, ctx)).toBe(false);
    expect(origins).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(setContactDetails(doc, 'p1', 'person', { phone: '030-1234567', email: 'a.de.vries@example.nl' }, ctx)).toBe(
      true,
    );
    expect(origins).toEqual(['ui']);
    expect(seen).toEqual([['email']]);
  });

  it("removes a value given undefined or ''", () => {
    const doc = new Y.Doc();
    setContactDetails(doc, 'p1', 'person', { phone: '030-1234567', email: 'a@b.nl', address: 'Kanaalweg 1' }, ctx);
    const seen: string[][] = [];
    entry(doc, 'p1').observe((ev) => seen.push([...ev.keysChanged].sort()));
    expect(setContactDetails(doc, 'p1', 'person', { phone: undefined, email: '  ' }, ctx)).toBe(true);
    expect(seen).toEqual([['email', 'phone']]);
    expect(entry(doc, 'p1').toJSON()).toEqual({ address: 'Kanaalweg 1' });
    expect(readContact(doc, 'p1', 'person')).toEqual({ address: 'Kanaalweg 1' });
    // Removing from a node without contact details creates nothing.
    expect(setContactDetails(doc, 'p2', 'person', { phone: '' }, ctx)).toBe(false);
    expect(contactsMap(doc).has('p2')).toBe(false);
  });

  it('two docs setting different contact details of one person concurrently both win', () => {
    const a = new Y.Doc();
    setContactDetails(a, 'p1', 'person', { phone: '030-1234567' }, ctx);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setContactDetails(a, 'p1', 'person', { phone: '030-7654321' }, ctx);
    setContactDetails(b, 'p1', 'person', { email: 'anna@example.nl' }, ctx);
    sync(a, b);
    for (const d of [a, b]) {
      expect(readContact(d, 'p1', 'person')).toEqual({ phone: '030-7654321', email: 'anna@example.nl' });
    }
  });
});

describe('readContact', () => {
  it('reads nothing for a node without contact details', () => {
    const doc = new Y.Doc();
    expect(readContact(doc, 'p1', 'person')).toEqual({});
  });

  it("reads only valid values of the kind's protected fields, never throwing on foreign ones", () => {
    const doc = new Y.Doc();
    const foreign = new Y.Map<unknown>();
    contactsMap(doc).set('p1', foreign);
    foreign.set('phone', 'not a phone');
    foreign.set('email', ' anna@example.nl ');
    foreign.set('address', new Y.Text('Kanaalweg 1'));
    foreign.set('role', 'volunteer');
    foreign.set('website', 'https://example.org/');
    expect(readContact(doc, 'p1', 'person')).toEqual({ email: 'anna@example.nl' });
    // Kinds without protected fields have no contact details here at all.
    expect(readContact(doc, 'p1', 'organisation')).toEqual({});
    // An entry that is not a map.
    (contactsMap(doc) as unknown as Y.Map<unknown>).set('p2', { phone: '030-1234567' });
    (contactsMap(doc) as unknown as Y.Map<unknown>).set('p3', 'hallo');
    expect(readContact(doc, 'p2', 'person')).toEqual({});
    expect(readContact(doc, 'p3', 'person')).toEqual({});
  });
});

describe('removeContact', () => {
  it("removes a node's contact details in one transaction with the given origin", () => {
    const doc = new Y.Doc();
    setContactDetails(doc, 'p1', 'person', { phone: '030-1234567', email: 'a@b.nl' }, ctx);
    setContactDetails(doc, 'p2', 'person', { phone: '030-7654321' }, ctx);
    const origins = track(doc);
    removeContact(doc, 'p1', 'erasure');
    expect(origins).toEqual(['erasure']);
    expect(contactsMap(doc).has('p1')).toBe(false);
    expect(readContact(doc, 'p1', 'person')).toEqual({});
    expect(readContact(doc, 'p2', 'person')).toEqual({ phone: '030-7654321' });
    removeContact(doc, 'p2');
    expect(origins).toEqual(['erasure', 'ui']);
  });

  it('does nothing (no transaction) for a node without contact details', () => {
    const doc = new Y.Doc();
    const origins = track(doc);
    removeContact(doc, 'p1');
    expect(origins).toEqual([]);
    expect(contactsMap(doc).size).toBe(0);
  });
});
