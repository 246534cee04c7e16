/** The rules module (schema/rules.ts): every question, for every role. */
import { describe, expect, it } from 'vitest';
import { NODE_KINDS, ROLES, type Principal, type Role, mapDocMayHold, may, newItemStatus } from '../../schema/index.js';

const as = (role: Role, id = 'me'): Principal => ({ role, id });
const who = (roles: readonly Role[], q: Parameters<typeof may>[1]) => roles.filter((r) => may(as(r), q));

const mine = { status: 'proposed', createdBy: { id: 'me' } };
const theirs = { status: 'proposed', createdBy: { id: 'other' } };
const confirmed = { status: 'confirmed', createdBy: { id: 'me' } };

describe('may', () => {
  it('lets every role but viewers write, create and propose', () => {
    expect(who(ROLES, { act: 'write' })).toEqual(['owner', 'editor', 'contributor']);
    expect(who(ROLES, { act: 'create' })).toEqual(['owner', 'editor', 'contributor']);
    expect(ROLES.map((r) => newItemStatus(as(r)))).toEqual(['confirmed', 'confirmed', 'proposed', 'proposed']);
  });

  it('lets owners and editors change anything, contributors only their own open proposals', () => {
    expect(who(ROLES, { act: 'changeAll' })).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'change', item: mine })).toEqual(['owner', 'editor', 'contributor']);
    expect(who(ROLES, { act: 'change', item: theirs })).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'change', item: confirmed })).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'change', item: undefined })).toEqual([]);
    // A forged stamp that is not an object never matches.
    expect(may(as('contributor'), { act: 'change', item: { status: 'proposed', createdBy: 'me' as never } })).toBe(
      false,
    );
  });

  it('keeps the stamps and the status of a proposal out of its maker’s hands', () => {
    const key = (k: string, value: unknown = 'x') => who(ROLES, { act: 'writeKey', item: mine, key: k, value });
    expect(key('label')).toEqual(['owner', 'editor', 'contributor']);
    expect(key('status', 'proposed')).toEqual(['owner', 'editor', 'contributor']);
    expect(key('status', 'confirmed')).toEqual(['owner', 'editor']);
    for (const k of ['createdBy', 'createdAt', 'verifiedBy', 'verifiedAt']) expect(key(k)).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'writeKey', item: theirs, key: 'label', value: 'x' })).toEqual(['owner', 'editor']);
  });

  it('asks a new item to be a proposal stamped with the maker’s own invite, unless they may confirm', () => {
    const ok = { status: 'proposed', createdBy: { id: 'me' }, confirmed: false };
    expect(who(ROLES, { act: 'createAs', ...ok })).toEqual(['owner', 'editor', 'contributor']);
    expect(who(ROLES, { act: 'createAs', ...ok, status: 'confirmed' })).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'createAs', ...ok, createdBy: { id: 'other' } })).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'createAs', ...ok, confirmed: true })).toEqual(['owner', 'editor']);
  });

  it('keeps confirming, erasing and contact details to owners and editors', () => {
    expect(who(ROLES, { act: 'confirm' })).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'erase' })).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'contacts' })).toEqual(['owner', 'editor']);
  });

  it('keeps the freshness period to owners, other settings to editors too', () => {
    expect(who(ROLES, { act: 'setting', key: 'freshnessMonths' })).toEqual(['owner']);
    expect(who(ROLES, { act: 'setting', key: 'name' })).toEqual(['owner', 'editor']);
    expect(who(ROLES, { act: 'settings' })).toEqual(['owner', 'editor']);
  });

  it('answers no for a role it does not know', () => {
    expect(may({ role: 'admin' as Role, id: 'me' }, { act: 'create' })).toBe(false);
  });
});

describe('mapDocMayHold', () => {
  it('never lets a person’s contact details into the map document, whatever the order', () => {
    for (const key of ['phone', 'email', 'address']) {
      expect(mapDocMayHold(['person'], key)).toBe(false);
      expect(mapDocMayHold([], key)).toBe(false); // no kind (yet)
      expect(mapDocMayHold(['organisation', 'person'], key)).toBe(false); // a kind change
      expect(mapDocMayHold(['robot'], key)).toBe(false);
      expect(mapDocMayHold(['organisation'], key)).toBe(true); // a public number
    }
    for (const kind of NODE_KINDS) expect(mapDocMayHold([kind], 'label')).toBe(true);
    expect(mapDocMayHold([], 'label')).toBe(true);
  });
});
