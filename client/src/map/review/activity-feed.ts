/**
 * The activity feed as the panel shows it: the newest page from the server, then only
 * what is new (`after` the newest entry) whenever the map changes (a moment later, so a
 * burst of changes is one fetch), every half minute, and on request; and older pages
 * (`before` the oldest entry shown) when asked for.
 */
import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js';
import type { ActivityEntry } from '@schema';
import type { MapModel } from '@sync/map-model';
import { mergePages, oldestSeq, pageWasFull } from './activity-pages';
import { DEFAULTS as CHANGES_SINCE } from './changes-since';

export const DEFAULTS = {
  /** Entries fetched at once (`?limit=`, at most the server's ACTIVITY_PAGE = 500). */
  page: 100,
  /** Entries kept from the newest end when new ones arrive (older pages asked for stay). */
  feedMax: 2000,
  /** The feed is fetched again this often while the panel shows it, ms. */
  pollMs: 30_000,
  /** …and this long after a change of the map, as "what changed since…" is. */
  refreshAfterChangeMs: CHANGES_SINCE.refreshAfterChangeMs,
} as const;

/** Older entries: maybe on the server, being fetched, none left, or the fetch failed. */
export type OlderState = 'more' | 'loading' | 'none' | 'failed';

export interface ActivityFeed {
  entries: Accessor<ActivityEntry[]>;
  status: Accessor<'loading' | 'ok' | 'failed'>;
  older: Accessor<OlderState>;
  refresh(): Promise<void>;
  /** Fetches the page before the oldest entry shown and appends it. */
  loadOlder(): Promise<void>;
}

/** A feed that lives as long as the component that creates it. */
export function createActivityFeed(model: MapModel): ActivityFeed {
  const [entries, setEntries] = createSignal<ActivityEntry[]>([]);
  const [status, setStatus] = createSignal<'loading' | 'ok' | 'failed'>('loading');
  const [older, setOlder] = createSignal<OlderState>('none');
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped when the list starts again from the newest page: older pages of before are stale. */
  let generation = 0;

  const fetchOnce = async () => {
    const newest = entries()[0]?.seq;
    const r = await model.activity(
      newest === undefined ? { limit: DEFAULTS.page } : { after: newest, limit: DEFAULTS.page },
    );
    if (!r.ok) return void setStatus('failed');
    setStatus('ok');
    if (newest === undefined || pageWasFull(r.entries.length, DEFAULTS.page)) {
      // First page, or more new entries than one page: start from the newest page.
      generation++;
      setEntries(mergePages(r.entries, []));
      setOlder(pageWasFull(r.entries.length, DEFAULTS.page) ? 'more' : 'none');
    } else if (r.entries.length) {
      setEntries((old) => mergePages(r.entries, old, Math.max(DEFAULTS.feedMax, old.length)));
    }
  };
  /** One fetch at a time; a request during one runs once more after it. */
  const refresh = async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await fetchOnce();
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };

  const loadOlder = async () => {
    const before = oldestSeq(entries());
    if (before === undefined || older() === 'loading') return;
    const mine = generation;
    setOlder('loading');
    const r = await model.activity({ before, limit: DEFAULTS.page });
    if (mine !== generation) return;
    if (!r.ok) return void setOlder('failed');
    setEntries((old) => mergePages(old, r.entries));
    setOlder(pageWasFull(r.entries.length, DEFAULTS.page) ? 'more' : 'none');
  };

  void refresh();
  createEffect(
    on(
      model.version,
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(), DEFAULTS.refreshAfterChangeMs);
      },
      { defer: true },
    ),
  );
  const poll = setInterval(() => void refresh(), DEFAULTS.pollMs);
  onCleanup(() => {
    clearTimeout(timer);
    clearInterval(poll);
  });
  return { entries, status, older, refresh, loadOlder };
}
