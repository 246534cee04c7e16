/**
 * The state one open map shares among its views (canvas, list, panel, dialogs): the
 * model, filters, what to show, how current items are, focus requests and messages.
 * Views get it with useMap().
 */
import { type Accessor, createContext, createMemo, createSignal, onCleanup, useContext } from 'solid-js';
import type { NodeKind } from '@schema';
import { fmt, t } from '@i18n';
import type { ActionError, ItemRef, MapModel } from '@sync/map-model';
import { type Filters, NO_FILTERS, visibleIds } from '@map/filters/filtering';
import { sameIds, staleIds } from '@map/review/freshness';
import { edgeSentence } from '@map/shared/links';
import { type ChangesSince, createChangesSince } from '@map/review/changes-since';
import { rememberLabels } from '@map/review/known-labels';
import { watchOutcomes } from '@map/review/outcome-notices';
import type { Outcome } from '@map/review/proposal-outcomes';

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

export type ReviewTab = 'stale' | 'proposals' | 'activity';

export interface MapUi {
  model: MapModel;
  filters: Accessor<Filters>;
  setFilters(patch: Partial<Filters>): void;
  /** Node ids to show; null = everything. */
  visible: Accessor<Set<string> | null>;
  /** Selects one item and asks every view to bring it into view. */
  focus(id: string): void;
  /** The latest focus request (seq grows with each), for views to follow. */
  focusRequest: Accessor<{ id: string; seq: number } | null>;
  notices: Accessor<Notice[]>;
  notify(text: string, kind?: 'info' | 'error'): void;
  /** Shows why an operation was refused. */
  reportError(err: ActionError): void;
  /** The kind being created in the create dialog, or null when it is closed. */
  creating: Accessor<NodeKind | null>;
  openCreate(kind: NodeKind): void;
  closeCreate(): void;
  /** The "Link to…" dialog: the item it starts from and, if known (drag-to-link), the target. */
  linking: Accessor<{ from: string; to?: string } | null>;
  openLink(fromId: string, toId?: string): void;
  closeLink(): void;
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
  /** This device's previous visit to the map, if any (review/visits.ts). */
  lastVisit: number | undefined;
  /** "Still correct" on an item, with a message. */
  stillCorrect(id: string): void;
  /** Confirms a proposal, with a message. */
  confirm(target: ItemRef): void;
  /** The proposal waiting for "reject?" to be answered, or null. */
  rejecting: Accessor<ItemRef | null>;
  askReject(target: ItemRef): void;
  closeReject(): void;
  /** The review panel (stale items, proposals, activity) in place of the list. */
  reviewOpen: Accessor<boolean>;
  reviewTab: Accessor<ReviewTab>;
  openReview(tab?: ReviewTab): void;
  closeReview(): void;
  settingsOpen: Accessor<boolean>;
  openSettings(): void;
  closeSettings(): void;
  /** Canvas commands, registered by the canvas when it mounts. */
  canvas: { fit?: () => void; tidy?: () => void; zoomIn?: () => void; zoomOut?: () => void };
}

const MapContext = createContext<MapUi>();
export const MapProvider = MapContext.Provider;

export function useMap(): MapUi {
  const ui = useContext(MapContext);
  if (!ui) throw new Error('useMap() outside a map page');
  return ui;
}

const MINUTE = 60_000;

export function createMapUi(model: MapModel, opts: { lastVisit?: number | undefined } = {}): MapUi {
  const [filters, setFiltersSignal] = createSignal<Filters>(NO_FILTERS);
  const [focusRequest, setFocusRequest] = createSignal<{ id: string; seq: number } | null>(null);
  const [notices, setNotices] = createSignal<Notice[]>([]);
  const [creating, setCreating] = createSignal<NodeKind | null>(null);
  const [linking, setLinking] = createSignal<{ from: string; to?: string } | null>(null);
  const [now, setNow] = createSignal(Date.now());
  const [rejecting, setRejecting] = createSignal<ItemRef | null>(null);
  const [reviewOpen, setReviewOpen] = createSignal(false);
  const [reviewTab, setReviewTab] = createSignal<ReviewTab>('stale');
  const [settingsOpen, setSettingsOpen] = createSignal(false);
  let seq = 0;
  let noticeId = 0;

  const clock = setInterval(() => setNow(Date.now()), MINUTE);
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

  const visible = createMemo(() => {
    model.version();
    const f = filters();
    // The status sets are read only when their filter is on: a tick of the clock or a
    // highlight elsewhere does not recompute what is shown.
    const sets = f.status === 'stale' ? { stale: stale() } : f.status === 'changed' ? { changed: changed() } : {};
    return visibleIds(model.store, f, model.selection(), sets);
  });

  const notify = (text: string, kind: 'info' | 'error' = 'info') => {
    const id = ++noticeId;
    setNotices((n) => [...n.slice(-3), { id, text, kind }]);
    setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), kind === 'error' ? 8000 : 4000);
  };
  const reportError = (err: ActionError) => notify(t().errors[err.code] ?? err.message, 'error');
  const outcomes = watchOutcomes(model, notify);
  const knownLabel = rememberLabels(model);
  const labelOf = (target: ItemRef) => {
    if ('node' in target) return model.node(target.node)?.label ?? '';
    const e = model.store.edges.get(target.edge);
    return e ? edgeSentence(e, (id) => model.node(id)?.label) : '';
  };

  return {
    model,
    filters,
    setFilters: (patch) => setFiltersSignal((f) => ({ ...f, ...patch })),
    visible,
    focus(id) {
      model.setSelection([id]);
      setFocusRequest({ id, seq: ++seq });
    },
    focusRequest,
    notices,
    notify,
    reportError,
    creating,
    openCreate: (kind) => setCreating(kind),
    closeCreate: () => setCreating(null),
    linking,
    openLink: (from, to) => setLinking(to ? { from, to } : { from }),
    closeLink: () => setLinking(null),
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
    rejecting,
    askReject: (target) => setRejecting(target),
    closeReject: () => setRejecting(null),
    reviewOpen,
    reviewTab,
    openReview(tab) {
      if (tab) setReviewTab(tab);
      setReviewOpen(true);
    },
    closeReview: () => setReviewOpen(false),
    settingsOpen,
    openSettings: () => setSettingsOpen(true),
    closeSettings: () => setSettingsOpen(false),
    canvas: {},
  };
}
