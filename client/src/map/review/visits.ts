/**
 * "Since my last visit": when this device last opened each map, in localStorage. Opening
 * a map reads the previous visit and records this one, so the previous one stays the
 * reference for as long as the page is open.
 */

const KEY = 'buurtweb.visits';

export interface VisitStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function read(store: VisitStore): Record<string, number> {
  try {
    const raw = JSON.parse(store.getItem(KEY) ?? '{}') as unknown;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/** Records a visit to `mapId` at `now`; returns the visit before it (undefined the first time). */
export function recordVisit(store: VisitStore, mapId: string, now: number): number | undefined {
  const visits = read(store);
  const previous = visits[mapId];
  visits[mapId] = now;
  try {
    store.setItem(KEY, JSON.stringify(visits));
  } catch {
    // Storage full or refused (private mode): "since my last visit" is just not offered next time.
  }
  return previous !== undefined && previous < now ? previous : undefined;
}
