/**
 * The activity feed as the panel shows it: the newest page from the server, then only
 * what is new (`after` the newest entry) whenever the map changes (a moment later, so a
 * burst of changes is one fetch), every half minute, and on request.
 */
import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js';
import { ACTIVITY_PAGE, type ActivityEntry } from '@schema';
import type { MapModel } from '@sync/map-model';
import { mergeEntries } from './activity-filter';
import { REFRESH_AFTER_CHANGE_MS } from './changes-since';

/** Entries kept in memory at most. */
export const FEED_MAX = 2000;
const POLL_MS = 30_000;

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
      setEntries(r.entries.slice(0, FEED_MAX));
      setTruncated(r.entries.length >= ACTIVITY_PAGE);
    } else if (r.entries.length) {
      setEntries((old) => mergeEntries(r.entries, old, FEED_MAX));
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
        timer = setTimeout(() => void refresh(), REFRESH_AFTER_CHANGE_MS);
      },
      { defer: true },
    ),
  );
  const poll = setInterval(() => void refresh(), POLL_MS);
  onCleanup(() => {
    clearTimeout(timer);
    clearInterval(poll);
  });
  return { entries, status, truncated, refresh };
}
