/**
 * Search (the page puts the search box in `children`), and what to show: kinds (toggle
 * buttons), an area with its sub-areas, a theme, a status (stale, proposals,
 * highlighted as changed) and only the neighbourhood of the selection. Everything goes
 * through setFilters; the list and the canvas both follow visible(). Native controls:
 * they are accessible as they are.
 */
import { For, Index, type JSX, Show, createEffect, createMemo, createSignal, createUniqueId } from 'solid-js';
import { NODE_KINDS, NODE_KIND_DEFS, type NodeKind } from '@schema';
import { lang, loc, t } from '@i18n';
import { useReview } from '@map/review';
import { collator, sameOptions } from '@map/shared';
import { AreaSelect, useMap } from '@map/ui-kit';
import { NO_FILTERS, type StatusFilter, filtersActive } from './filtering';
import { useFilters } from './state';
import './filters.css';

export function FilterBar(props: { children?: JSX.Element }) {
  const { model } = useMap();
  const { changes } = useReview();
  const { filters, setFilters } = useFilters();
  const id = createUniqueId();
  /** The steps to use when the neighbourhood filter is switched on: remembered while off. */
  const [steps, setSteps] = createSignal<1 | 2>(1);

  // Most changes touch no area or theme: then the memos keep their arrays and the
  // selects are left alone (an open select stays open).
  const themes = createMemo(
    () => {
      const coll = collator(lang());
      return model
        .nodes()
        .filter((n) => n.kind === 'theme')
        .map((n) => ({ id: n.id, label: n.label, depth: 0 }))
        .sort((a, b) => coll.compare(a.label, b.label));
    },
    [],
    { equals: sameOptions },
  );

  // A filter on an item someone has just deleted would hide everything: drop it.
  createEffect(() => {
    const f = filters();
    if (f.areaId && model.node(f.areaId)?.kind !== 'area') setFilters({ areaId: null });
    if (f.themeId && model.node(f.themeId)?.kind !== 'theme') setFilters({ themeId: null });
    if (f.status === 'changed' && changes.since() === null) setFilters({ status: null });
  });

  const toggleKind = (kind: NodeKind) => {
    const kinds = filters().kinds;
    setFilters({ kinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind] });
  };
  const hasSelection = () => model.selection().length > 0;
  const neighbourhoodOn = () => filters().neighbourhood > 0;

  return (
    <div class="filter-bar">
      {props.children}
      <div class="filter-controls" role="group" aria-label={t().list.filters}>
        <div class="filter-kinds" role="group" aria-labelledby={`kinds-${id}`}>
          <span id={`kinds-${id}`} class="filter-caption">
            {t().list.kinds}
          </span>
          <For each={NODE_KINDS}>
            {(kind) => (
              <button
                type="button"
                class="filter-kind"
                aria-pressed={filters().kinds.includes(kind) ? 'true' : 'false'}
                onClick={() => toggleKind(kind)}
              >
                {loc(NODE_KIND_DEFS[kind].plural)}
              </button>
            )}
          </For>
        </div>
        <label class="filter-field">
          <span class="filter-caption">{t().list.area}</span>
          <AreaSelect
            value={filters().areaId}
            allLabel={t().list.allAreas}
            onChange={(areaId) => setFilters({ areaId })}
          />
        </label>
        <label class="filter-field">
          <span class="filter-caption">{t().list.theme}</span>
          <select onChange={(e) => setFilters({ themeId: e.currentTarget.value || null })}>
            <option value="" selected={!filters().themeId}>
              {t().list.allThemes}
            </option>
            <Index each={themes()}>
              {(th) => (
                <option value={th().id} selected={th().id === filters().themeId}>
                  {th().label}
                </option>
              )}
            </Index>
          </select>
        </label>
        <label class="filter-field">
          <span class="filter-caption">{t().list.status}</span>
          <select onChange={(e) => setFilters({ status: (e.currentTarget.value || null) as StatusFilter | null })}>
            <option value="" selected={!filters().status}>
              {t().list.allStatuses}
            </option>
            <option value="stale" selected={filters().status === 'stale'}>
              {t().list.onlyStale}
            </option>
            <option value="proposed" selected={filters().status === 'proposed'}>
              {t().list.onlyProposed}
            </option>
            <Show when={changes.since() !== null || filters().status === 'changed'}>
              <option value="changed" selected={filters().status === 'changed'}>
                {t().list.onlyChanged}
              </option>
            </Show>
          </select>
        </label>
        <div class="filter-field filter-neighbourhood">
          <label>
            <input
              type="checkbox"
              checked={neighbourhoodOn()}
              // Without a selection it can only be switched off.
              disabled={!hasSelection() && !neighbourhoodOn()}
              aria-describedby={hasSelection() ? undefined : `need-selection-${id}`}
              onChange={(e) => setFilters({ neighbourhood: e.currentTarget.checked ? steps() : 0 })}
            />{' '}
            {t().list.neighbourhood}
          </label>
          <select
            aria-label={t().list.steps}
            disabled={!neighbourhoodOn()}
            onChange={(e) => {
              const s = e.currentTarget.value === '2' ? 2 : 1;
              setSteps(s);
              setFilters({ neighbourhood: s });
            }}
          >
            <option value="1" selected={steps() === 1}>
              {t().list.oneStep}
            </option>
            <option value="2" selected={steps() === 2}>
              {t().list.twoSteps}
            </option>
          </select>
          <Show when={!hasSelection()}>
            <span id={`need-selection-${id}`} class="filter-hint">
              ({t().list.needSelection})
            </span>
          </Show>
        </div>
        <button
          type="button"
          class="filter-clear"
          disabled={!filtersActive(filters())}
          onClick={() => setFilters(NO_FILTERS)}
        >
          {t().list.clearFilters}
        </button>
      </div>
    </div>
  );
}
