/**
 * The map's activity feed from the server (`GET /api/activity`): who changed what and
 * when, as the server accepted it. Ids and kinds of change only; the interface resolves
 * labels and areas from the graph it has.
 */
import type { ActivityEntry } from '@schema';

export interface ActivityQuery {
  /** Only entries at or after this moment (ms since the epoch). */
  since?: number;
  /** Only entries after this sequence number (what is new since the last fetch). */
  after?: number;
  /** Only entries before this sequence number (the page before the oldest shown). */
  before?: number;
  /** At most this many (the server gives at most ACTIVITY_PAGE). */
  limit?: number;
}

export type ActivityResult = { ok: true; entries: ActivityEntry[] } | { ok: false; reason: 'invalid' | 'unreachable' };

export async function fetchActivity(mapId: string, token: string, query: ActivityQuery = {}): Promise<ActivityResult> {
  const params = new URLSearchParams({ map: mapId });
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) params.set(k, String(Math.floor(v)));
  }
  try {
    const res = await fetch(`/api/activity?${params}`, { headers: { Authorization: `Bearer ${token}` } });
    if (res.status === 401 || res.status === 403 || res.status === 404) return { ok: false, reason: 'invalid' };
    if (!res.ok) return { ok: false, reason: 'unreachable' };
    const body = (await res.json()) as { entries?: unknown };
    return { ok: true, entries: Array.isArray(body.entries) ? (body.entries as ActivityEntry[]) : [] };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}
