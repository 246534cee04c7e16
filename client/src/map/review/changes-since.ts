/**
 * "What changed since…": the items the activity feed lists as changed since a moment,
 * highlighted on the canvas and in the list until cleared. Follows the map while on: a
 * change (someone's, or one's own) fetches the feed again, a moment later.
 */
import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js';
import { ACTIVITY_PAGE } from '@schema';
import type { MapModel } from '@sync/map-model';
import { changedItems } from './activity-filter';

export const DEFAULTS = {
  /** How long after a change of the map (a burst is one) the feed is fetched again, ms. */
  refreshAfterChangeMs: 800,
} as const;

export interface ChangedSince {
  since: number;
  /** Changed node ids (some may be gone since). */
  nodes: ReadonlySet<string>;
  /** Changed link ids. */
  edges: ReadonlySet<string>;
  /** The feed held more than one page: older changes may be missing. */
  truncated: boolean;
}

export interface ChangesSince {
  /** The moment chosen, or null when the highlight is off. */
  since: Accessor<number | null>;
  /** The highlight once fetched, or null (off, or not fetched yet). */
  state: Accessor<ChangedSince | null>;
  /** The fetch failed (offline): the highlight may be out of date. */
  failed: Accessor<boolean>;
  show(since: number): void;
  clear(): void;
}

export function createChangesSince(model: MapModel): ChangesSince {
  const [since, setSince] = createSignal<number | null>(null);
  const [state, setState] = createSignal<ChangedSince | null>(null);
  const [failed, setFailed] = createSignal(false);
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fetchNow = async () => {
    const from = since();
    if (from === null) return;
    const mine = ++request;
    const r = await model.activity({ since: from, limit: ACTIVITY_PAGE });
    if (mine !== request || since() !== from) return;
    setFailed(!r.ok);
    if (!r.ok) return;
    const { nodes, edges } = changedItems(r.entries);
    setState({ since: from, nodes, edges, truncated: r.entries.length >= ACTIVITY_PAGE });
  };

  createEffect(
    on(
      model.version,
      () => {
        if (since() === null) return;
        clearTimeout(timer);
        timer = setTimeout(() => void fetchNow(), DEFAULTS.refreshAfterChangeMs);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));

  return {
    since,
    state,
    failed,
    show(at) {
      setSince(at);
      setState(null);
      void fetchNow();
    },
    clear() {
      request++;
      clearTimeout(timer);
      setSince(null);
      setState(null);
      setFailed(false);
    },
  };
}
