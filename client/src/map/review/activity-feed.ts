/**
 * The activity feed as the panel shows it: the newest page from the server, then only
 * what is new (`after` the newest entry) whenever the map changes (a moment later, so a
 * burst of changes is one fetch), every half minute, and on request.
 */
import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js';
import { ACTIVITY_PAGE, type ActivityEntry } from '@schema';
import type { MapModel } from '@sync/map-model';
import { mergeEntries } from './activity-filter';
import { DEFAULTS as CHANGES_SINCE } from './changes-since';

const DEFAULTS = {
  /** Entries kept in memory at most. */
  feedMax: 2000,
  /** The feed is fetched again this often while the panel shows it, ms. */
  pollMs: 30_000,
  /** …and this long after a change of the map, as "what changed since…" is. */
  refreshAfterChangeMs: CHANGES_SINCE.refreshAfterChangeMs,
} as const;

export interface ActivityFeed {
  entries: Accessor<ActivityEntry[]>;
  status: Accessor<'loading' | 'ok' | 'failed'>;
  /** Older entries exist than those fetched. */
  truncated: Accessor<boolean>;
  refresh(): Promise<void>;
}

/** A feed that lives as long as the component that creates it. */
export function createActivityFeed(model: MapModel): ActivityFeed {
  const [entries, setEntries] = createSignal<ActivityEntry[]>([]);
  const [status, setStatus] = createSignal<'loading' | 'ok' | 'failed'>('loading');
  const [truncated, setTruncated] = createSignal(false);
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fetchOnce = async () => {
    const newest = entries()[0]?.seq;
    const r = await model.activity(newest === undefined ? {} : { after: newest });
    if (!r.ok) return void setStatus('failed');
    setStatus('ok');
    if (newest === undefined || r.entries.length >= ACTIVITY_PAGE) {
      // First page, or more new entries than one page: start from the newest page.
      setEntries(r.entries.slice(0, DEFAULTS.feedMax));
      setTruncated(r.entries.length >= ACTIVITY_PAGE);
    } else if (r.entries.length) {
      setEntries((old) => mergeEntries(r.entries, old, DEFAULTS.feedMax));
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
  return { entries, status, truncated, refresh };
}
