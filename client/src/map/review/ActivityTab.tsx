/**
 * The activity feed: who changed what and when, newest first, a repeated change (typing
 * in a note) as one entry with its count; filtered by person, item (a name, or the
 * selected item), area and "what changed since…" above it; older pages on request.
 */
import { For, Show, createEffect, createMemo, createSignal, createUniqueId, on } from 'solid-js';
import { type ActivityEntry, EDGE_KIND_DEFS, NODE_KIND_DEFS, areaIndex, isEdgeKind } from '@schema';
import { fmt, lang, loc, t } from '@i18n';
import { collator } from '@map/shared';
import { AreaSelect, formatMoment, linkSentence, useMap } from '@map/ui-kit';
import { type ActivityFilter, NO_ACTIVITY_FILTER, edgeEnds, filterActivity, peopleIn } from './activity-filter';
import { createActivityFeed } from './activity-feed';
import { entriesSince, oldestSeq } from './activity-pages';
import { type ActivityFormat, entryText } from './activity-text';
import { ChangesSinceControl } from './ChangesSinceControl';
import { dayOf } from './since-presets';
import { useReview } from './state';

/** Lists, times and moments in the interface language's conventions, for entryText. */
function activityFormat(): ActivityFormat {
  const locale = lang() === 'nl' ? 'nl-NL' : 'en-GB';
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const moment = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return {
    fieldList: (labels) => list.format(labels),
    time: (ms) => time.format(ms),
    moment: (ms) => moment.format(ms),
    sameDay: (a, b) => dayOf(a) === dayOf(b),
  };
}

export function ActivityTab() {
  const { model } = useMap();
  const review = useReview();
  const id = createUniqueId();
  const feed = createActivityFeed(model);
  const [filter, setFilterSignal] = createSignal<ActivityFilter>(NO_ACTIVITY_FILTER);
  const [onlySelected, setOnlySelected] = createSignal(false);
  const setFilter = (patch: Partial<ActivityFilter>) => setFilterSignal((f) => ({ ...f, ...patch }));
  const format = createMemo(activityFormat);

  const selectedId = () => (model.selection().length === 1 ? model.selection()[0]! : null);
  const areas = createMemo(() => (model.version(), areaIndex(model.store)));
  const people = createMemo(() => peopleIn(feed.entries(), collator(lang()).compare));
  const filtered = createMemo(() => {
    model.version();
    const f = { ...filter(), itemId: onlySelected() ? selectedId() : null };
    if (onlySelected() && !f.itemId) return [];
    const since = entriesSince(feed.entries(), review.changes.since());
    return filterActivity(since, f, { nodes: model.store.nodes, areas: areas() });
  });
  /** Older pages could still hold entries the "since" filter shows. */
  const olderMayShow = () => {
    const since = review.changes.since();
    const oldest = oldestSeq(feed.entries());
    const last = feed.entries().find((e) => e.seq === oldest);
    return since === null || last === undefined || last.at >= since;
  };
  // "No older changes" takes the button's place: keep the keyboard's focus there.
  let olderButton: HTMLButtonElement | undefined;
  let noOlder: HTMLParagraphElement | undefined;
  let hadFocus = false;
  createEffect(
    on(feed.older, (state) => {
      if (state === 'loading') return;
      if (state === 'none' && hadFocus) noOlder?.focus();
      hadFocus = false;
    }),
  );
  const loadOlder = () => {
    hadFocus = document.activeElement === olderButton;
    void feed.loadOlder();
  };

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
      <Show when={review.changes.since()}>
        {(since) => <p class="muted">{fmt(t().review.activitySince, { date: formatMoment(since()) })}</p>}
      </Show>
      <Show
        when={filtered().length > 0}
        fallback={<p class="muted">{feed.status() === 'loading' ? t().review.loading : t().review.activityEmpty}</p>}
      >
        <ol class="activity-list" aria-label={t().review.activityList}>
          <For each={filtered()}>{(e) => <ActivityRow entry={e} format={format()} />}</For>
        </ol>
      </Show>
      <Show when={feed.status() !== 'loading' && feed.entries().length > 0 && olderMayShow()}>
        <div class="activity-older">
          <Show
            when={feed.older() !== 'none'}
            fallback={
              <p class="muted" role="status" tabindex="-1" ref={noOlder}>
                {t().review.noOlder}
              </p>
            }
          >
            <button
              type="button"
              class="btn"
              ref={olderButton}
              aria-busy={feed.older() === 'loading'}
              onClick={loadOlder}
            >
              {t().review.loadOlder}
            </button>
            <p class="muted" role="status">
              {feed.older() === 'loading'
                ? t().review.loadingOlder
                : feed.older() === 'failed'
                  ? t().review.olderFailed
                  : ''}
            </p>
          </Show>
        </div>
      </Show>
    </div>
  );
}

/** One entry: when, who, what kind of change, to which item (a button to it while it exists). */
function ActivityRow(props: { entry: ActivityEntry; format: ActivityFormat }) {
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
    return e().fields.map((k) =>
      k === 'label' ? r().nameField : defs?.[k] ? loc(defs[k]!.label) : edgeDefs?.[k] ? loc(edgeDefs[k]!.label) : k,
    );
  };
  const text = () => entryText(e(), fields(), r(), props.format);
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
        <strong>{e().actor?.name ?? r().unknownPerson}</strong> {text().verb} {item()}
        <Show when={text().after}>
          <span class="activity-repeats">{text().after}</span>
        </Show>
      </span>
    </li>
  );
}
