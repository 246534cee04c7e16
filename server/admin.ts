/**
 * `npm run admin -- <command>`: maps and invites. Works on the database directly
 * (DATA_DIR), also while the server runs: SQLite WAL allows it, and the server checks
 * tokens and revocations against the same tables.
 */
import { isRole, isValidMapId, protectedRoom } from '../schema/index.js';
import { createInvite, inviteUrl } from './auth.js';
import { configFromEnv, inviteBase } from './config.js';
import { createMap, exportJson, loadDoc } from './maps.js';
import { openSqliteStorage } from './sqlite-storage.js';
import type { Storage } from './storage.js';
import * as Y from 'yjs';

const HELP = `Usage: npm run admin -- <command>

  create-map <mapId> <name>            create an empty map (id: a-z, 0-9, dashes)
  invite <mapId> <role> [--name NAME]  invite one person; role: owner | editor | contributor | viewer
                                       prints the invite URL (it holds the token: share it privately)
  revoke <inviteId>                    revoke an invite; its open connections are closed within a minute
  list [mapId]                         maps, or the invites of one map
  export <mapId> [--without-contacts]  the map as JSON on stdout (with contact details unless told)
  compact [mapId]                      merge each map's stored updates into one, then scrub the files
  help                                 this text

Environment: DATA_DIR (default ./data), PUBLIC_URL (base of invite links; default: where
the server on DATA_DIR last ran, or http://localhost:PORT).`;

export class UsageError extends Error {}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

function need(args: string[], count: number, usage: string): void {
  if (args.length !== count) throw new UsageError(`usage: ${usage}`);
}

function requireMap(storage: Storage, mapId: string | undefined): string {
  if (!mapId || !isValidMapId(mapId)) throw new UsageError(`invalid map id "${mapId ?? ''}"`);
  if (!storage.getMap(mapId)) throw new UsageError(`no map "${mapId}" (see: list)`);
  return mapId;
}

/** Runs one admin command; returns what to print. Throws UsageError on bad arguments. */
export function runAdmin(argv: string[], storage: Storage, publicUrl: string): string {
  const [command, ...rest] = argv;
  const args = [...rest];
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
      return HELP;
    case 'create-map': {
      need(args, 2, 'create-map <mapId> <name>');
      try {
        createMap(storage, args[0]!, args[1]!);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      return `created map "${args[0]}"`;
    }
    case 'invite': {
      const name = takeOption(args, '--name') ?? 'Uitgenodigde';
      need(args, 2, 'invite <mapId> <role> [--name NAME]');
      const mapId = requireMap(storage, args[0]);
      const role = args[1];
      if (!isRole(role)) throw new UsageError(`role must be one of owner, editor, contributor, viewer (got "${role}")`);
      let created;
      try {
        created = createInvite(storage, mapId, role, name);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      return [
        `invite ${created.invite.id} for ${created.invite.name} (${role}) on map "${mapId}":`,
        inviteUrl(publicUrl, mapId, created.token),
      ].join('\n');
    }
    case 'revoke': {
      need(args, 1, 'revoke <inviteId>');
      const invite = storage.getInvite(args[0]!);
      if (!invite) throw new UsageError(`no invite "${args[0]}" (see: list <mapId>)`);
      if (!storage.revokeInvite(invite.id, Date.now()))
        throw new UsageError(`invite "${invite.id}" was already revoked`);
      return `revoked invite ${invite.id} (${invite.name}, ${invite.role} on "${invite.mapId}")`;
    }
    case 'list': {
      if (args.length > 1) throw new UsageError('usage: list [mapId]');
      if (args.length === 0) {
        const maps = storage.listMaps();
        if (!maps.length) return 'no maps';
        return maps
          .map(
            (m) =>
              `${m.id}\t${m.name}\t${storage.listInvites(m.id).filter((i) => !i.revokedAt).length} active invites\t${storage.countUpdates(m.id)} stored updates`,
          )
          .join('\n');
      }
      const mapId = requireMap(storage, args[0]);
      const invites = storage.listInvites(mapId);
      if (!invites.length) return `no invites for "${mapId}"`;
      return invites
        .map(
          (i) =>
            `${i.id}\t${i.role}\t${i.name}\t${i.revokedAt ? `revoked ${new Date(i.revokedAt).toISOString()}` : 'active'}`,
        )
        .join('\n');
    }
    case 'export': {
      const without = args.includes('--without-contacts');
      const rest = args.filter((a) => a !== '--without-contacts');
      need(rest, 1, 'export <mapId> [--without-contacts]');
      return JSON.stringify(exportJson(storage, requireMap(storage, rest[0]), { contacts: !without }), null, 2);
    }
    case 'compact': {
      if (args.length > 1) throw new UsageError('usage: compact [mapId]');
      const ids = args.length ? [requireMap(storage, args[0])] : storage.listMaps().map((m) => m.id);
      const out = ids
        .flatMap((id) => [id, protectedRoom(id)])
        .map((id) => {
          const rows = storage.loadUpdates(id);
          if (rows.length <= 1) return `${id}: already compact`;
          const doc = loadDoc(storage, id);
          const merged = Y.encodeStateAsUpdate(doc);
          storage.compact(id, rows.at(-1)!.seq, merged);
          doc.destroy();
          const before = rows.reduce((s, r) => s + r.data.byteLength, 0);
          return `${id}: ${rows.length} updates (${before} bytes) → 1 (${merged.byteLength} bytes)`;
        })
        .join('\n');
      storage.scrub();
      return out;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  }
}

function main(): void {
  const cfg = configFromEnv();
  const storage = openSqliteStorage(cfg.dataDir);
  try {
    console.log(runAdmin(process.argv.slice(2), storage, inviteBase(cfg)));
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    process.exitCode = 2;
  } finally {
    storage.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
