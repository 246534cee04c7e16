/** Invites on this device: the token of each joined map is kept in localStorage. */
import type { SessionInfo } from '@schema';

const KEY = 'buurtweb.maps';

export interface JoinedMap {
  mapId: string;
  mapName: string;
  token: string;
  joinedAt: number;
  /** The last session the server confirmed: lets the map open offline. */
  session?: SessionInfo;
}

export function joinedMaps(): JoinedMap[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? (raw as JoinedMap[]).filter((m) => typeof m?.mapId === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberMap(m: JoinedMap): void {
  const rest = joinedMaps().filter((x) => x.mapId !== m.mapId);
  localStorage.setItem(KEY, JSON.stringify([m, ...rest]));
}

export function joinedMap(mapId: string): JoinedMap | undefined {
  return joinedMaps().find((m) => m.mapId === mapId);
}

/** Forgets a map on this device (its local copy is removed by the map model). */
export function forgetMap(mapId: string): void {
  localStorage.setItem(KEY, JSON.stringify(joinedMaps().filter((x) => x.mapId !== mapId)));
}

export type SessionResult = { ok: true; session: SessionInfo } | { ok: false; reason: 'invalid' | 'unreachable' };

/** Asks the server whose token this is; `invalid` for unknown, revoked or foreign tokens. */
export async function fetchSession(mapId: string, token: string): Promise<SessionResult> {
  try {
    const res = await fetch(`/api/session?map=${encodeURIComponent(mapId)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 400) {
      return { ok: false, reason: 'invalid' };
    }
    if (!res.ok) return { ok: false, reason: 'unreachable' };
    return { ok: true, session: (await res.json()) as SessionInfo };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}
