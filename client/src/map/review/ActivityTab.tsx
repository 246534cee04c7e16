/**
 * The activity feed: who changed what and when, newest first, filtered by person, item
 * (a name, or the selected item) and area; with "what changed since…" above it.
 */
import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js';
import { type ActivityEntry, EDGE_KIND_DEFS, NODE_KIND_DEFS, areaIndex, isEdgeKind } from '@schema';
import { fmt, lang, loc, t } from '@i18n';
import { collator } from '@map/shared';
import { AreaSelect, formatMoment, linkSentence, useMap } from '@map/ui-kit';
import { type ActivityFilter, NO_ACTIVITY_FILTER, edgeEnds, filterActivity, peopleIn } from './activity-filter';
import { createActivityFeed } from './activity-feed';
import { ChangesSinceControl } from './ChangesSinceControl';
import { useReview } from './state';

const DEFAULTS = {
  /** Entries shown at first and added per "more". */
  page: 200,
} as const;

export function ActivityTab() {
  const { model } = useMap();
  const id = createUniqueId();
  const feed = createActivityFeed(model);
  const [filter, setFilterSignal] = createSignal<ActivityFilter>(NO_ACTIVITY_FILTER);
  const [onlySelected, setOnlySelected] = createSignal(false);
  const [shown, setShown] = createSignal<number>(DEFAULTS.page);
  const setFilter = (patch: Partial<ActivityFilter>) => {
    setFilterSignal((f) => ({ ...f, ...patch }));
    setShown(DEFAULTS.page);
  };

  const selectedId = () => (model.selection().length === 1 ? model.selection()[0]! : null);
  const areas = createMemo(() => (model.version(), areaIndex(model.store)));
  const people = createMemo(() => peopleIn(feed.entries(), collator(lang()).compare));
  const filtered = createMemo(() => {
    model.version();
    const f = { ...filter(), itemId: onlySelected() ? selectedId() : null };
    if (onlySelected() && !f.itemId) return [];
    return filterActivity(feed.entries(), f, { nodes: model.store.nodes, areas: areas() });
  });

  return (
    <div class="review-activity">
      <ChangesSinceControl />
      <p class="review-intro">{t().review.activityIntro}</p>
      <div class="review-filters">
        <div class="filter-field">
          <label class="filter-caption" for={`${id}-person`}>
            {t().review.person}
          </label>
          <select id={`${id}-person`} onChange={(e) => setFilter({ actorId: e.currentTarget.value || null })}>
            <option value="" selected={!filter().actorId}>
              {t().review.everyone}
            </option>
            <For each={people()}>
              {(p) => (
                <option value={p.id} selected={p.id === filter().actorId}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="filter-field">
          <label class="filter-caption" for={`${id}-area`}>
            {t().review.area}
          </label>
          <AreaSelect
            id={`${id}-area`}
            value={filter().areaId}
            allLabel={t().review.allAreas}
            onChange={(areaId) => setFilter({ areaId })}
          />
        </div>
        <div class="filter-field">
          <label class="filter-caption" for={`${id}-item`}>
            {t().review.item}
          </label>
          <input
            id={`${id}-item`}
            type="search"
            autocomplete="off"
            placeholder={t().review.itemPlaceholder}
            value={filter().itemText}
            disabled={onlySelected()}
            onInput={(e) => setFilter({ itemText: e.currentTarget.value })}
          />
        </div>
        <label class="filter-field filter-check">
          <input type="checkbox" checked={onlySelected()} onChange={(e) => setOnlySelected(e.currentTarget.checked)} />{' '}
          {t().review.onlySelected}
        </label>
        <button type="button" class="btn btn-small" onClick={() => void feed.refresh()}>
          {t().review.refresh}
        </button>
      </div>
      <Show when={feed.status() === 'failed'}>
        <p class="muted" role="status">
          {t().review.unreachable}
        </p>
      </Show>
      <Show when={feed.truncated()}>
        <p class="muted">{fmt(t().review.truncated, { n: feed.entries().length })}</p>
      </Show>
      <Show
        when={filtered().length > 0}
        fallback={<p class="muted">{feed.status() === 'loading' ? t().review.loading : t().review.activityEmpty}</p>}
      >
        <ol class="activity-list" aria-label={t().review.activityList}>
          <For each={filtered().slice(0, shown())}>{(e) => <ActivityRow entry={e} />}</For>
        </ol>
        <Show when={filtered().length > shown()}>
          <button type="button" class="btn" onClick={() => setShown((n) => n + DEFAULTS.page)}>
            {fmt(t().review.more, { n: filtered().length - shown() })}
          </button>
        </Show>
      </Show>
    </div>
  );
}

/** One entry: when, who, what kind of change, to which item (a button to it while it exists). */
function ActivityRow(props: { entry: ActivityEntry }) {
  const { model, focus } = useMap();
  const { knownLabel } = useReview();
  const e = () => props.entry;
  const r = () => t().review;
  const node = () => (e().target === 'node' ? model.node(e().id) : undefined);
  const edgeLabel = () => {
    const ends = edgeEnds(e().id);
    if (!ends || !isEdgeKind(ends.kind)) return undefined;
    const from = knownLabel(ends.from);
    const to = knownLabel(ends.to);
    return from !== undefined && to !== undefined ? linkSentence(ends.kind, from, to) : undefined;
  };
  const edgeExists = () => e().target === 'edge' && (model.version(), model.store.edges.has(e().id));
  const fields = () => {
    const n = node();
    const defs = n ? NODE_KIND_DEFS[n.kind].fields : undefined;
    const ends = e().target === 'edge' ? edgeEnds(e().id) : undefined;
    const edgeDefs = ends && isEdgeKind(ends.kind) ? EDGE_KIND_DEFS[ends.kind].fields : undefined;
    return e()
      .fields.map((k) =>
        k === 'label' ? r().nameField : defs?.[k] ? loc(defs[k]!.label) : edgeDefs?.[k] ? loc(edgeDefs[k]!.label) : k,
      )
      .join(', ');
  };
  const item = () => {
    const entry = e();
    if (entry.target === 'map') return <span>{r().settingKeys[entry.id] ?? r().mapSettings}</span>;
    if (entry.target === 'node') {
      const n = node();
      const gone = knownLabel(entry.id);
      return n ? (
        <button type="button" class="link-target" onClick={() => focus(n.id)}>
          {n.label}
        </button>
      ) : (
        <em class="muted" title={r().removedItem}>
          {gone ?? r().removedItem}
        </em>
      );
    }
    const label = edgeLabel();
    const ends = edgeEnds(entry.id);
    return label && edgeExists() && ends ? (
      <button type="button" class="link-target" onClick={() => focus(ends.from)}>
        {label}
      </button>
    ) : (
      <em class="muted" title={r().removedLink}>
        {label ?? r().removedLink}
      </em>
    );
  };
  return (
    <li class="activity-row" data-change={e().change}>
      <time datetime={new Date(e().at).toISOString()}>{formatMoment(e().at)}</time>
      <span class="activity-text">
        <strong>{e().actor?.name ?? r().unknownPerson}</strong> {r().changes[e().change] ?? e().change} {item()}
        <Show when={e().change === 'updated' && e().fields.length > 0}>
          <span class="muted"> ({fmt(r().fields, { list: fields() })})</span>
        </Show>
      </span>
    </li>
  );
}
