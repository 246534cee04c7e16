/**
 * The review queue: stale items, oldest confirmation first, narrowed to an area or an
 * organisation so a team can go through "their" part of the map in a meeting. Each row
 * shows the item (selecting it) and offers "Klopt nog"; below, freshness per area.
 */
import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js';
import { NODE_KIND_DEFS, reviewQueue } from '@schema';
import { fmt, lang, loc, t } from '@i18n';
import { collator } from '@map/shared';
import { AreaSelect, formatDate, monthsText, useMap } from '@map/ui-kit';
import { AreaScores } from './AreaScores';
import { useReview } from './state';

const DEFAULTS = {
  /** Rows shown at first and added per "more" (a big map can have thousands of stale items). */
  page: 100,
} as const;

export function StaleTab() {
  const { model, focus } = useMap();
  const review = useReview();
  const id = createUniqueId();
  const [area, setArea] = createSignal<string | null>(null);
  const [organisation, setOrganisation] = createSignal<string | null>(null);
  const [shown, setShown] = createSignal<number>(DEFAULTS.page);

  const organisations = createMemo(() => {
    const coll = collator(lang());
    return model
      .nodes()
      .filter((n) => n.kind === 'organisation')
      .sort((a, b) => coll.compare(a.label, b.label));
  });
  const queue = createMemo(() => {
    model.version();
    const a = area();
    const o = organisation();
    // A filter on an item deleted meanwhile is dropped rather than showing nothing.
    return reviewQueue(model.store, model.freshnessMonths(), review.now(), {
      area: a && model.node(a) ? a : undefined,
      organisation: o && model.node(o) ? o : undefined,
    });
  });
  const countText = () => {
    const n = queue().length;
    return n === 1 ? t().review.queueCount1 : fmt(t().review.queueCountN, { n });
  };

  return (
    <div class="review-stale">
      <p class="review-intro">{fmt(t().review.queueIntro, { months: monthsText(model.freshnessMonths()) })}</p>
      <div class="review-filters">
        <div class="filter-field">
          <label class="filter-caption" for={`${id}-area`}>
            {t().review.area}
          </label>
          <AreaSelect
            id={`${id}-area`}
            value={area()}
            allLabel={t().review.allAreas}
            onChange={(areaId) => {
              setArea(areaId);
              setShown(DEFAULTS.page);
            }}
          />
        </div>
        <div class="filter-field">
          <label class="filter-caption" for={`${id}-organisation`}>
            {t().review.organisation}
          </label>
          <select
            id={`${id}-organisation`}
            onChange={(e) => {
              setOrganisation(e.currentTarget.value || null);
              setShown(DEFAULTS.page);
            }}
          >
            <option value="" selected={!organisation()}>
              {t().review.allOrganisations}
            </option>
            <For each={organisations()}>
              {(o) => (
                <option value={o.id} selected={o.id === organisation()}>
                  {o.label}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <p class="review-count" role="status">
        {countText()}
      </p>
      <Show when={queue().length > 0} fallback={<p class="muted">{t().review.queueEmpty}</p>}>
        <ul class="review-list" aria-label={t().review.queue}>
          <For each={queue().slice(0, shown())}>
            {(item) => (
              <li class="review-row">
                <div class="review-row-main">
                  <button
                    type="button"
                    class="link-target"
                    aria-label={fmt(t().review.showItem, { label: item.node.label })}
                    onClick={() => focus(item.node.id)}
                  >
                    {item.node.label}
                  </button>
                  <span class="link-kind">{loc(NODE_KIND_DEFS[item.node.kind].label)}</span>
                </div>
                <span class="review-row-meta">
                  {item.confirmedAt === undefined
                    ? t().review.neverConfirmed
                    : item.node.provenance.verifiedBy
                      ? fmt(t().review.lastConfirmedBy, {
                          date: formatDate(item.confirmedAt),
                          name: item.node.provenance.verifiedBy.name,
                        })
                      : fmt(t().review.lastConfirmed, { date: formatDate(item.confirmedAt) })}
                </span>
                <Show when={model.rules.mayConfirm}>
                  <button
                    type="button"
                    class="btn btn-small"
                    aria-label={fmt(t().review.stillCorrectFor, { label: item.node.label })}
                    onClick={() => review.stillCorrect(item.node.id)}
                  >
                    {t().panel.stillCorrect}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={queue().length > shown()}>
          <button type="button" class="btn" onClick={() => setShown((n) => n + DEFAULTS.page)}>
            {fmt(t().review.more, { n: queue().length - shown() })}
          </button>
        </Show>
      </Show>
      <AreaScores onPick={(a) => setArea(a)} />
    </div>
  );
}
