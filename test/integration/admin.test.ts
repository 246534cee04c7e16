/** The admin CLI: maps, invites, export and compaction, straight on the database. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  contactsMap,
  createNode,
  nodesMap,
  protectedRoom,
  readContact,
  setContactDetails,
  updateNode,
} from '../../schema/index.js';
import { UsageError, runAdmin } from '../../server/admin.js';
import { authorize } from '../../server/auth.js';
import { recordServerUrl } from '../../server/config.js';
import { createMap, loadDoc } from '../../server/maps.js';
import { openSqliteStorage } from '../../server/sqlite-storage.js';
import type { Storage } from '../../server/storage.js';
import { ROOT, tempDataDir } from '../support/server.js';

const PUBLIC_URL = 'http://localhost:1234';
const ctx = { actor: { id: 'a', name: 'A' } };

interface Export {
  format: string;
  id: string;
  name: string;
  exportedAt: string;
  nodes: { id: string; kind: string; label: string; fields: Record<string, unknown> }[];
  edges: unknown[];
  problems: unknown[];
}

/** The token inside an invite URL printed by `invite`. */
function tokenFrom(output: string, mapId: string): string {
  const m = new RegExp(`/join/${mapId}#token=([A-Za-z0-9_-]+)`).exec(output);
  if (!m) throw new Error(`no invite URL in:\n${output}`);
  return m[1]!;
}

function inviteIdFrom(output: string): string {
  const m = /^invite (\S+) for /.exec(output);
  if (!m) throw new Error(`no invite id in:\n${output}`);
  return m[1]!;
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('admin CLI', () => {
  let dataDir: string;
  let storage: Storage;
  const admin = (...argv: string[]) => runAdmin(argv, storage, PUBLIC_URL);

  beforeEach(() => {
    dataDir = tempDataDir();
    storage = openSqliteStorage(dataDir);
  });
  afterEach(() => {
    storage.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a map that list then shows', () => {
    expect(admin('list')).toBe('no maps');
    expect(admin('create-map', 'wijk', 'De Wijk')).toContain('created map "wijk"');
    expect(storage.getMap('wijk')?.name).toBe('De Wijk');
    const list = admin('list');
    expect(list).toMatch(/^wijk\tDe Wijk\t0 active invites\t1 stored updates$/);
  });

  it('refuses an invalid or existing map id', () => {
    expect(() => admin('create-map', 'Niet Geldig', 'X')).toThrow(UsageError);
    expect(() => admin('create-map', 'Niet Geldig', 'X')).toThrow(/invalid map id/);
    expect(() => admin('create-map', '-wijk', 'X')).toThrow(UsageError);
    admin('create-map', 'wijk', 'Wijk');
    expect(() => admin('create-map', 'wijk', 'Nog een')).toThrow(UsageError);
    expect(() => admin('create-map', 'wijk', 'Nog een')).toThrow(/already exists/);
    expect(() => admin('create-map', 'leeg', '   ')).toThrow(UsageError);
    expect(() => admin('create-map', 'alleen-id')).toThrow(/usage: create-map/);
    expect(storage.listMaps().map((m) => m.id)).toEqual(['wijk']);
  });

  it('invites a named person with a working token', () => {
    admin('create-map', 'wijk', 'Wijk');
    const out = admin('invite', 'wijk', 'editor', '--name', 'Sara');
    expect(out).toContain(`${PUBLIC_URL}/join/wijk#token=`);
    expect(out).toContain('Sara (editor)');
    const token = tokenFrom(out, 'wijk');

    const auth = authorize(storage, 'wijk', token);
    expect(auth).toMatchObject({ ok: true, invite: { mapId: 'wijk', role: 'editor', name: 'Sara' } });
    // The option may also come first.
    const out2 = admin('invite', '--name', 'Ole', 'wijk', 'viewer');
    expect(authorize(storage, 'wijk', tokenFrom(out2, 'wijk'))).toMatchObject({
      ok: true,
      invite: { role: 'viewer', name: 'Ole' },
    });
    // Without a name the invite still works.
    expect(authorize(storage, 'wijk', tokenFrom(admin('invite', 'wijk', 'owner'), 'wijk')).ok).toBe(true);
  });

  it('refuses bad invites with a clear message', () => {
    admin('create-map', 'wijk', 'Wijk');
    expect(() => admin('invite', 'wijk', 'baas')).toThrow(UsageError);
    expect(() => admin('invite', 'wijk', 'baas')).toThrow(/role must be one of owner, editor, contributor, viewer/);
    expect(() => admin('invite', 'nope', 'editor')).toThrow(UsageError);
    expect(() => admin('invite', 'nope', 'editor')).toThrow(/no map "nope"/);
    expect(() => admin('invite', 'wijk')).toThrow(UsageError);
    expect(() => admin('invite', 'wijk')).toThrow(/usage: invite <mapId> <role>/);
    expect(() => admin('invite')).toThrow(/usage: invite/);
    expect(() => admin('invite', 'wijk', 'editor', '--name')).toThrow(/--name needs a value/);
    expect(() => admin('invite', 'wijk', 'editor', '--name', '   ')).toThrow(UsageError);
    expect(() => admin('invite', 'wijk', 'editor', '--name', '   ')).toThrow(/name must be/);
    expect(storage.listInvites('wijk')).toEqual([]);
  });

  it('lists the invites of a map with role, name and state', () => {
    admin('create-map', 'wijk', 'Wijk');
    expect(admin('list', 'wijk')).toBe('no invites for "wijk"');
    const id = inviteIdFrom(admin('invite', 'wijk', 'editor', '--name', 'Sara'));
    const list = admin('list', 'wijk');
    expect(list).toBe(`${id}\teditor\tSara\tactive`);
    expect(admin('list')).toContain('wijk\tWijk\t1 active invites');
    expect(() => admin('list', 'nope')).toThrow(/no map "nope"/);
    expect(() => admin('list', 'a', 'b')).toThrow(/usage: list/);
  });

  it('revokes an invite once', () => {
    admin('create-map', 'wijk', 'Wijk');
    const out = admin('invite', 'wijk', 'editor', '--name', 'Sara');
    const id = inviteIdFrom(out);
    const token = tokenFrom(out, 'wijk');

    expect(admin('revoke', id)).toContain(`revoked invite ${id} (Sara, editor on "wijk")`);
    expect(authorize(storage, 'wijk', token)).toMatchObject({ ok: false, status: 403 });
    expect(admin('list', 'wijk')).toMatch(new RegExp(`^${id}\teditor\tSara\trevoked \\d{4}-`));
    expect(admin('list')).toContain('0 active invites');

    expect(() => admin('revoke', id)).toThrow(UsageError);
    expect(() => admin('revoke', id)).toThrow(/already revoked/);
    expect(() => admin('revoke', 'bestaat-niet')).toThrow(/no invite "bestaat-niet"/);
    expect(() => admin('revoke')).toThrow(/usage: revoke/);
  });

  it('exports a map as JSON', () => {
    const ids: string[] = [];
    createMap(storage, 'wijk', 'Wijk', (doc) => {
      ids.push(createNode(doc, { kind: 'theme', label: 'Eenzaamheid' }, ctx));
      ids.push(createNode(doc, { kind: 'theme', label: 'Schulden' }, ctx));
      ids.push(createNode(doc, { kind: 'person', label: 'Fatima', fields: { role: 'professional' } }, ctx));
    });
    const out = JSON.parse(admin('export', 'wijk')) as Export;
    expect(out).toMatchObject({ format: 'buurtweb-map', id: 'wijk', name: 'Wijk', edges: [], problems: [] });
    expect(out.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(out.nodes.map((n) => n.label).sort()).toEqual(['Eenzaamheid', 'Fatima', 'Schulden']);
    expect(out.nodes.find((n) => n.label === 'Fatima')?.kind).toBe('person');

    expect(() => admin('export', 'nope')).toThrow(/no map "nope"/);
    expect(() => admin('export')).toThrow(/usage: export/);
    expect(() => admin('export', '--without-contacts')).toThrow(/usage: export/);
  });

  it('exports the contact details of persons unless told --without-contacts', () => {
    let fatima = '';
    let school = '';
    createMap(storage, 'wijk', 'Wijk', (doc, contacts) => {
      fatima = createNode(doc, { kind: 'person', label: 'Fatima', fields: { role: 'professional' } }, ctx);
      setContactDetails(
        contacts,
        fatima,
        'person',
        { phone: '030-0000 1234', email: 'fatima@example.nl', address: 'Kanaalweg 9' },
        ctx,
      );
      school = createNode(
        doc,
        { kind: 'organisation', label: 'School', fields: { orgType: 'school', phone: '030-0000 5678' } },
        ctx,
      );
    });
    // The map document itself holds none of them.
    const doc = loadDoc(storage, 'wijk');
    for (const key of ['phone', 'email', 'address']) expect(nodesMap(doc).get(fatima)!.has(key), key).toBe(false);
    doc.destroy();

    const full = JSON.parse(admin('export', 'wijk')) as Export;
    expect(full.nodes.find((n) => n.id === fatima)?.fields).toEqual({
      role: 'professional',
      phone: '030-0000 1234',
      email: 'fatima@example.nl',
      address: 'Kanaalweg 9',
    });
    expect(full.nodes.find((n) => n.id === school)?.fields).toEqual({ orgType: 'school', phone: '030-0000 5678' });

    for (const argv of [
      ['export', 'wijk', '--without-contacts'],
      ['export', '--without-contacts', 'wijk'],
    ]) {
      const text = admin(...argv);
      for (const secret of ['030-0000 1234', 'fatima@example.nl', 'Kanaalweg 9']) expect(text).not.toContain(secret);
      const bare = JSON.parse(text) as Export;
      expect(bare.nodes.find((n) => n.id === fatima)?.fields).toEqual({ role: 'professional' });
      // An organisation's phone is no contact detail of a person: it stays.
      expect(bare.nodes.find((n) => n.id === school)?.fields).toEqual({ orgType: 'school', phone: '030-0000 5678' });
    }
  });

  it('compacts stored updates into one without changing the content', () => {
    let first = '';
    createMap(storage, 'wijk', 'Wijk', (doc) => {
      first = createNode(doc, { kind: 'theme', label: 'Eerste' }, ctx);
    });
    // A few more updates, stored one by one as the server would.
    const doc = loadDoc(storage, 'wijk');
    doc.on('update', (u: Uint8Array) => storage.appendUpdate('wijk', u, null));
    createNode(doc, { kind: 'theme', label: 'Tweede' }, ctx);
    createNode(doc, { kind: 'theme', label: 'Derde' }, ctx);
    const anna = createNode(doc, { kind: 'person', label: 'Anna', fields: { role: 'volunteer' } }, ctx);
    updateNode(doc, first, { label: 'Eerste (hernoemd)' }, ctx);
    doc.transact(() => nodesMap(doc).get(first)!.set('label', 'Eerste (definitief)'));
    doc.destroy();
    const before = storage.countUpdates('wijk');
    expect(before).toBeGreaterThanOrEqual(5);
    // The map's protected document (contact details), also stored update by update.
    const room = protectedRoom('wijk');
    const contacts = loadDoc(storage, room);
    contacts.on('update', (u: Uint8Array) => storage.appendUpdate(room, u, null));
    setContactDetails(contacts, anna, 'person', { phone: '030-0000 1111' }, ctx);
    setContactDetails(contacts, anna, 'person', { email: 'anna@example.nl' }, ctx);
    setContactDetails(contacts, anna, 'person', { phone: '030-0000 2222' }, ctx);
    contacts.destroy();
    const protectedBefore = storage.countUpdates(room);
    expect(protectedBefore).toBe(3);

    // Same content, compared without the export time and in a fixed order (a Y.Map's key order
    // can differ between a doc built from many updates and one built from their merge).
    const strip = (e: Export) => ({
      ...e,
      exportedAt: '',
      nodes: [...e.nodes].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    });
    const exported = strip(JSON.parse(admin('export', 'wijk')) as Export);
    expect(exported.nodes.map((n) => n.label).sort()).toEqual(['Anna', 'Derde', 'Eerste (definitief)', 'Tweede']);
    expect(exported.nodes.find((n) => n.id === anna)?.fields).toMatchObject({
      phone: '030-0000 2222',
      email: 'anna@example.nl',
    });

    const out = admin('compact', 'wijk');
    const line = (id: string, n: number) => `${id}: ${n} updates \\(\\d+ bytes\\) → 1 \\(\\d+ bytes\\)`;
    expect(out).toMatch(new RegExp(`^${line('wijk', before)}\\n${line('wijk~protected', protectedBefore)}$`));
    expect(storage.countUpdates('wijk')).toBe(1);
    expect(storage.countUpdates(room)).toBe(1);
    expect(strip(JSON.parse(admin('export', 'wijk')) as Export)).toEqual(exported);
    // The stored update is the whole doc.
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, storage.loadUpdates('wijk')[0]!.data);
    expect(nodesMap(reloaded).size).toBe(4);
    reloaded.destroy();
    const reloadedContacts = new Y.Doc();
    Y.applyUpdate(reloadedContacts, storage.loadUpdates(room)[0]!.data);
    expect(contactsMap(reloadedContacts).size).toBe(1);
    expect(readContact(reloadedContacts, anna, 'person')).toEqual({ phone: '030-0000 2222', email: 'anna@example.nl' });
    reloadedContacts.destroy();

    expect(admin('compact', 'wijk')).toBe('wijk: already compact\nwijk~protected: already compact');
    admin('create-map', 'ander', 'Ander');
    expect(admin('compact')).toBe(
      'ander: already compact\nander~protected: already compact\nwijk: already compact\nwijk~protected: already compact',
    );
    expect(() => admin('compact', 'nope')).toThrow(/no map "nope"/);
  });

  it('prints help, and refuses unknown commands', () => {
    for (const argv of [[], ['help'], ['--help']]) {
      const out = runAdmin(argv, storage, PUBLIC_URL);
      expect(out).toContain('Usage:');
      expect(out).toContain('create-map <mapId> <name>');
      expect(out).toContain('invite <mapId> <role>');
    }
    expect(() => admin('frobnicate')).toThrow(UsageError);
    expect(() => admin('frobnicate')).toThrow(/unknown command "frobnicate"/);
  });

  it('prints invite links for the port the server on its data directory runs at', async () => {
    const dir = tempDataDir();
    try {
      await run(['create-map', 'wijk', 'Wijk'], { DATA_DIR: dir });
      const before = await run(['invite', 'wijk', 'editor', '--name', 'Fenna'], { DATA_DIR: dir, PORT: '' });
      expect(before.stdout).toContain('http://localhost:1234/join/wijk#token=');
      recordServerUrl(dir, 'http://localhost:4321');
      const after = await run(['invite', 'wijk', 'editor', '--name', 'Fenna'], { DATA_DIR: dir, PORT: '' });
      expect(after.stdout).toContain('http://localhost:4321/join/wijk#token=');
      // PUBLIC_URL, when set, wins.
      const pub = await run(['invite', 'wijk', 'viewer'], { DATA_DIR: dir, PUBLIC_URL: 'https://kaart.example.org' });
      expect(pub.stdout).toContain('https://kaart.example.org/join/wijk#token=');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as a process: exit code 2 and a message on error, 0 on success', async () => {
    const dir = tempDataDir();
    try {
      const bad = await run(['invite', 'nope', 'owner'], { DATA_DIR: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('no map');
      expect(bad.stdout).toBe('');

      const good = await run(['create-map', 'wijk', 'Wijk'], { DATA_DIR: dir });
      expect(good.stderr).toBe('');
      expect(good.code).toBe(0);
      expect(good.stdout).toContain('created map "wijk"');
      const s = openSqliteStorage(dir);
      try {
        expect(s.getMap('wijk')?.name).toBe('Wijk');
      } finally {
        s.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
