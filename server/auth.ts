/**
 * Invites and tokens. A token is 32 random bytes (base64url), shown once; only its
 * SHA-256 is stored, so a copy of the database grants no access. (Tokens carry 256 bits
 * of entropy, so a fast hash is enough: there is nothing to brute-force.)
 */
import { createHash, randomBytes } from 'node:crypto';
import { type Role, isRole, isValidMapId } from '../schema/index.js';
import type { Directory, InviteRecord } from './storage.js';

export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#e377c2',
  '#8c564b',
  '#bcbd22',
  '#7f7f7f',
];

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export type AuthResult =
  { ok: true; invite: InviteRecord } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

/** Checks a token for a map: the decision made before any byte of the map is sent. */
export function authorize(dir: Directory, mapId: string, token: string | null | undefined): AuthResult {
  if (!isValidMapId(mapId)) return { ok: false, status: 400, reason: 'invalid map id' };
  if (!token) return { ok: false, status: 401, reason: 'missing token' };
  if (token.length > 200) return { ok: false, status: 401, reason: 'unknown token' };
  const invite = dir.findInviteByTokenHash(hashToken(token));
  if (!invite) return { ok: false, status: 401, reason: 'unknown token' };
  if (invite.revokedAt !== null) return { ok: false, status: 403, reason: 'token revoked' };
  if (invite.mapId !== mapId) return { ok: false, status: 403, reason: 'token is for another map' };
  if (!dir.getMap(mapId)) return { ok: false, status: 404, reason: 'no such map' };
  return { ok: true, invite };
}

/** Creates an invite for one named person; returns the record and the token (shown once). */
export function createInvite(
  dir: Directory,
  mapId: string,
  role: Role,
  name: string,
  now = Date.now(),
): { invite: InviteRecord; token: string } {
  if (!dir.getMap(mapId)) throw new Error(`no map "${mapId}"`);
  if (!isRole(role)) throw new Error(`role must be one of owner, editor, contributor, viewer`);
  const cleanName = name.trim();
  if (!cleanName || cleanName.length > 100) throw new Error('name must be 1-100 characters');
  const token = newToken();
  const id = randomBytes(9).toString('base64url');
  const color = PALETTE[dir.listInvites(mapId).length % PALETTE.length]!;
  const invite: InviteRecord = {
    id,
    mapId,
    role,
    name: cleanName,
    color,
    tokenHash: hashToken(token),
    createdAt: now,
    revokedAt: null,
  };
  dir.createInvite(invite);
  return { invite, token };
}

/** The link a person opens; the token sits in the fragment, so it never reaches server logs. */
export function inviteUrl(base: string, mapId: string, token: string): string {
  return `${base.replace(/\/$/, '')}/join/${encodeURIComponent(mapId)}#token=${token}`;
}
