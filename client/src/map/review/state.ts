/**
 * Keeping the map current, as state of the open map: the review panel and its tab, the
 * clock freshness is judged by and the items stale now, "what changed since…", the
 * outcomes of a contributor's proposals, labels of deleted items, and "still correct" /
 * "confirm" with their messages. The list, the canvas, the filters and the item panel
 * read the marks from here.
 */
import { type Accessor, createMemo, createSignal, onCleanup } from 'solid-js';
import { fmt, t } from '@i18n';
import type { ItemRef, MapModel } from '@sync/map-model';
import { type NoticesState, edgeSentence, featureContext } from '@map/ui-kit';
import { type ChangesSince, createChangesSince } from './changes-since';
import { sameIds, staleIds } from './freshness';
import { rememberLabels } from './known-labels';
import { watchOutcomes } from './outcome-notices';
import type { Outcome } from './proposal-outcomes';

export type ReviewTab = 'stale' | 'proposals' | 'activity';

export interface ReviewState {
  /** The review panel (stale items, proposals, activity) in place of the list. */
  panelOpen: Accessor<boolean>;
  tab: Accessor<ReviewTab>;
  openPanel(tab?: ReviewTab): void;
  closePanel(): void;
  /** The clock freshness is judged by: now, ticking every minute. */
  now: Accessor<number>;
  /** Ids of the items that are stale now (not confirmed within the map's period). */
  stale: Accessor<ReadonlySet<string>>;
  /** "What changed since…": highlighted items, shown on the canvas and in the list. */
  changes: ChangesSince;
  /** Node ids highlighted as changed (empty when the highlight is off). */
  changed: Accessor<ReadonlySet<string>>;
  /** A contributor's proposals decided while the map is open (newest first). */
  outcomes: Accessor<Outcome[]>;
  /** An item's label, also once it is deleted (as last seen while the map was open). */
  knownLabel(id: string): string | undefined;
  /** This device's previous visit to the map, if any (visits.ts). */
  lastVisit: number | undefined;
  /** "Still correct" on an item, with a message. */
  stillCorrect(id: string): void;
  /** Confirms a proposal, with a message. */
  confirm(target: ItemRef): void;
}

const DEFAULTS = {
  /** How often the clock freshness is judged by ticks, ms: items go stale by the day. */
  clockMs: 60_000,
} as const;

export function createReviewState(
  model: MapModel,
  notices: Pick<NoticesState, 'notify' | 'reportError'>,
  opts: { lastVisit?: number | undefined } = {},
): ReviewState {
  const { notify, reportError } = notices;
  const [now, setNow] = createSignal(Date.now());
  const [panelOpen, setPanelOpen] = createSignal(false);
  const [tab, setTab] = createSignal<ReviewTab>('stale');

  const clock = setInterval(() => setNow(Date.now()), DEFAULTS.clockMs);
  onCleanup(() => clearInterval(clock));

  const stale = createMemo<ReadonlySet<string>>(
    () => {
      model.version();
      return staleIds(model.store.nodes.values(), model.store.freshnessMonths, now());
    },
    new Set(),
    { equals: sameIds },
  );
  const changes = createChangesSince(model);
  const changed = createMemo<ReadonlySet<string>>(() => changes.state()?.nodes ?? new Set(), new Set(), {
    equals: sameIds,
  });

  const outcomes = watchOutcomes(model, notify);
  const knownLabel = rememberLabels(model);
  const labelOf = (target: ItemRef) => {
    if ('node' in target) return model.node(target.node)?.label ?? '';
    const e = model.store.edges.get(target.edge);
    return e ? edgeSentence(e, (id) => model.node(id)?.label) : '';
  };

  return {
    panelOpen,
    tab,
    openPanel(next) {
      if (next) setTab(next);
      setPanelOpen(true);
    },
    closePanel: () => setPanelOpen(false),
    now,
    stale,
    changes,
    changed,
    outcomes,
    knownLabel,
    lastVisit: opts.lastVisit,
    stillCorrect(id) {
      const node = model.node(id);
      if (!node) return;
      const r = model.actions.verifyNode(id);
      if (r.ok) notify(fmt(t().panel.stillCorrectDone, { label: node.label }));
      else reportError(r.error);
    },
    confirm(target) {
      const label = labelOf(target);
      const r = model.actions.confirmProposal(target);
      if (r.ok) notify(fmt(t().panel.confirmed, { label }));
      else reportError(r.error);
    },
  };
}

const context = featureContext<ReviewState>('useReview()');
export const ReviewProvider = context.Provider;
export const useReview = context.use;
