/**
 * The list of every shown item, and THE way to use the map with a keyboard or a screen
 * reader: an ARIA grid (rows are selectable, so a plain table would not convey it) with
 * sortable columns, a text filter, and the selection shared with the canvas. One row is
 * in the Tab order (roving tabindex); arrows move, Enter or Space selects.
 *
 * Rows are keyed by item id and their cells follow the item (ItemRow.tsx), so a change
 * touches one row's text; long lists are windowed (list-window.ts).
 */
import { For, Show, createEffect, createMemo, createSignal, createUniqueId, on, onCleanup, onMount } from 'solid-js';
import type { GraphNode } from '@schema';
import { fmt, lang, t } from '@i18n';
import type { PeerPresence } from '@sync/map-model';
import { NO_FILTERS, filtersActive, useFilters } from '@map/filters';
import { useReview } from '@map/review';
import { foldedWords } from '@map/shared';
import { useMap } from '@map/ui-kit';
import { ItemRow } from './ItemRow';
import { SORT_KEYS, type Sort, rowMatches, sortRows, toggleSort } from './list-rows';
import {
  DEFAULTS as WINDOW,
  type Range,
  type Viewport,
  sameRange,
  sameViewport,
  scrollToReveal,
  visibleRange,
} from './list-window';
import './list.css';

export function ItemList() {
  const { model, focus, focusRequest } = useMap();
  const { filters, setFilters, visible } = useFilters();
  const { stale, changed } = useReview();
  const [query, setQuery] = createSignal('');
  const [sort, setSort] = createSignal<Sort>({ key: 'name', dir: 'ascending' });
  /** The row with the roving focus, by id so it survives sorting and filtering. */
  const [activeId, setActiveId] = createSignal<string | null>(null);
  const [viewport, setViewport] = createSignal<Viewport>({ scrollTop: 0, ...WINDOW.guess }, { equals: sameViewport });
  const filterId = createUniqueId();
  let scroller!: HTMLDivElement;
  let tbody!: HTMLTableSectionElement;
  let thead!: HTMLTableSectionElement;
  let grid!: HTMLTableElement;

  const shown = createMemo(() => {
    const vis = visible();
    const all = model.nodes();
    return vis ? all.filter((n) => vis.has(n.id)) : all;
  });
  const rows = createMemo(() => {
    const words = foldedWords(query());
    const l = lang();
    return sortRows(
      shown().filter((n) => rowMatches(n, words, l)),
      sort(),
      l,
    );
  });
  const indexOf = createMemo(() => new Map(rows().map((n, i) => [n.id, i])));
  const range = createMemo<Range>(
    () => visibleRange(rows().length, viewport()),
    { start: 0, end: 0 },
    { equals: sameRange },
  );
  const windowed = () => range().start > 0 || range().end < rows().length;
  const rendered = createMemo(() => rows().slice(range().start, range().end));
  // Rows are keyed by id, not by node object: see ItemRow.tsx for why.
  const renderedIds = createMemo(() => rendered().map((n) => n.id), [], {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });
  const renderedById = createMemo(() => new Map(rendered().map((n) => [n.id, n])));
  const selected = createMemo(() => new Set(model.selection()));
  const peersById = createMemo(() => {
    const m = new Map<string, PeerPresence[]>();
    for (const p of model.peers()) for (const id of p.selection) m.set(id, [...(m.get(id) ?? []), p]);
    return m;
  });
  const inRange = (id: string | null | undefined): id is string => {
    const i = id ? indexOf().get(id) : undefined;
    return i !== undefined && i >= range().start && i < range().end;
  };
  /** The one row in the Tab order: the active row, else the first selected, else the first. */
  const tabbable = createMemo(() => {
    const a = activeId();
    if (inRange(a)) return a;
    return model.selection().find(inRange) ?? rendered()[0]?.id ?? null;
  });

  const measure = () => {
    const row = tbody.querySelector<HTMLElement>('tr.item-row');
    setViewport((v) => ({
      scrollTop: scroller.scrollTop,
      height: scroller.clientHeight,
      headerHeight: thead.getBoundingClientRect().height,
      rowHeight: row ? row.getBoundingClientRect().height : v.rowHeight,
    }));
  };
  onMount(() => {
    const ro = new ResizeObserver(measure);
    ro.observe(scroller);
    onCleanup(() => ro.disconnect());
  });
  // The first rows arrive after mount (from this device or the server): measure them.
  const anyRows = createMemo(() => rendered().length > 0);
  createEffect(on(anyRows, (any) => any && measure()));

  /** Scrolls row `index` into view; rendering follows synchronously. */
  const reveal = (index: number, center = false) => {
    const top = scrollToReveal(index, viewport(), center);
    if (top === null) return;
    scroller.scrollTop = top;
    measure();
  };
  const rowElement = (id: string) => tbody.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"]`);

  const moveTo = (index: number) => {
    const node = rows()[Math.max(0, Math.min(rows().length - 1, index))];
    if (!node) return;
    setActiveId(node.id);
    // Park the focus on the grid while the window moves: when the focused row is removed,
    // Chrome scrolls back towards where it was, which pulls the target row out again.
    grid.focus({ preventScroll: true });
    reveal(indexOf().get(node.id)!);
    rowElement(node.id)?.focus({ preventScroll: true });
  };

  /** Plain: select only this item (and bring it into view everywhere); with a modifier: add or remove it. */
  const choose = (id: string, add: boolean) => {
    setActiveId(id);
    if (!add) return focus(id);
    const sel = model.selection();
    model.setSelection(sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id]);
  };

  const onRowKey = (e: KeyboardEvent, id: string) => {
    const i = indexOf().get(id);
    if (i === undefined || e.altKey) return;
    const page = Math.max(1, Math.floor((viewport().height - viewport().headerHeight) / viewport().rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      PageDown: i + page,
      PageUp: i - page,
      Home: 0,
      End: rows().length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(id, e.ctrlKey || e.metaKey || e.shiftKey);
    }
  };

  // A jump from the search box or the canvas: show that row, without taking the focus.
  createEffect(
    on(
      focusRequest,
      (req) => {
        if (!req) return;
        // Only the list's own text filter hides it? Then clear that filter to show it.
        if (!indexOf().has(req.id) && query() && shown().some((n) => n.id === req.id)) setQuery('');
        const i = indexOf().get(req.id);
        if (i === undefined) return;
        setActiveId(req.id);
        reveal(i, true);
      },
      { defer: true },
    ),
  );

  const countText = () => {
    const total = model.nodes().length;
    const n = rows().length;
    if (n !== total) return fmt(t().list.countFiltered, { shown: n, total });
    return n === 1 ? t().list.countOne : fmt(t().list.count, { n });
  };

  return (
    <div class="item-list">
      <div class="list-tools">
        <label class="list-filter-label" for={filterId}>
          {t().list.filterList}
        </label>
        <input
          id={filterId}
          class="list-filter"
          type="text"
          autocomplete="off"
          placeholder={t().list.filterListPlaceholder}
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query()) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <p class="list-count" role="status">
          {countText()}
        </p>
      </div>
      <div
        class="list-scroll"
        ref={scroller}
        onScroll={() => setViewport((v) => ({ ...v, scrollTop: scroller.scrollTop }))}
      >
        <table
          class="item-grid"
          ref={grid}
          tabindex="-1"
          role="grid"
          aria-label={t().list.items}
          aria-multiselectable="true"
          aria-rowcount={rows().length + 1}
        >
          <thead ref={thead}>
            <tr aria-rowindex={windowed() ? 1 : undefined}>
              <For each={SORT_KEYS}>
                {(key) => (
                  <th scope="col" class={`col-${key}`} aria-sort={sort().key === key ? sort().dir : undefined}>
                    <button type="button" class="sort-button" onClick={() => setSort((s) => toggleSort(s, key))}>
                      {t().list.columns[key]}
                      <span class="sort-arrow" aria-hidden="true">
                        {sort().key !== key ? '' : sort().dir === 'ascending' ? '▲' : '▼'}
                      </span>
                    </button>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody ref={tbody}>
            <Show when={windowed() && range().start > 0}>
              <tr
                class="list-spacer"
                aria-hidden="true"
                style={{ height: `${range().start * viewport().rowHeight}px` }}
              >
                <td colSpan={4} />
              </tr>
            </Show>
            <For each={renderedIds()}>
              {(id) => {
                // Keeps the last version while the row is on its way out.
                const node = createMemo<GraphNode>((prev) => renderedById().get(id) ?? prev, renderedById().get(id)!);
                return (
                  <ItemRow
                    node={node()}
                    selected={selected().has(id)}
                    tabbable={tabbable() === id}
                    rowIndex={windowed() ? (indexOf().get(id) ?? 0) + 2 : undefined}
                    peers={peersById().get(id)}
                    stale={stale().has(id)}
                    changed={changed().has(id)}
                    onClick={(e) => choose(id, e.ctrlKey || e.metaKey || e.shiftKey)}
                    onFocus={() => setActiveId(id)}
                    onKeyDown={(e) => onRowKey(e, id)}
                  />
                );
              }}
            </For>
            <Show when={windowed() && range().end < rows().length}>
              <tr
                class="list-spacer"
                aria-hidden="true"
                style={{ height: `${(rows().length - range().end) * viewport().rowHeight}px` }}
              >
                <td colSpan={4} />
              </tr>
            </Show>
          </tbody>
        </table>
        <Show when={rows().length === 0}>
          <div class="list-empty">
            <p>
              {model.nodes().length > 0 ? t().list.noMatch : model.localReady() ? t().list.emptyMap : t().loadingMap}
            </p>
            <Show when={query()}>
              <button type="button" onClick={() => setQuery('')}>
                {t().list.clearListFilter}
              </button>
            </Show>
            <Show when={filtersActive(filters())}>
              <button type="button" onClick={() => setFilters(NO_FILTERS)}>
                {t().list.clearFilters}
              </button>
            </Show>
          </div>
        </Show>
      </div>
    </div>
  );
}
