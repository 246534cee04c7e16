/**
 * Search the whole map and jump to an item: an ARIA combobox (list autocomplete with
 * the first result highlighted) over a listbox of at most ten results. Arrows move,
 * Enter jumps (ui.focus), Escape closes and then clears. Hand-rolled rather than
 * Kobalte's Combobox: this box picks nothing as its value, it navigates.
 *
 * The index (search-index.ts) is built when the box first gets the focus, then follows
 * the store's change events; a map that is never searched costs nothing.
 */
import { For, Show, createEffect, createMemo, createSignal, createUniqueId, onCleanup } from 'solid-js';
import type { GraphNode } from '@schema';
import { fmt, lang, t } from '@i18n';
import { useMap } from '@map/context';
import { detailOf, kindLabel } from '@map/list/list-rows';
import { SearchIndex } from './search-index';
import '@map/list/list.css';

const MAX_RESULTS = 10;

export function SearchBox() {
  const ui = useMap();
  const { model } = ui;
  const index = new SearchIndex();
  let built = false;
  const [indexVersion, setIndexVersion] = createSignal(0);
  onCleanup(
    model.subscribe((change) => {
      if (!built) return;
      index.apply(change);
      // Note text is part of search: re-read the notes that changed.
      for (const id of change.notes) index.setNoteText(id, model.noteText(id));
      setIndexVersion((v) => v + 1);
    }),
  );

  const [query, setQuery] = createSignal('');
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  const id = createUniqueId();
  const listId = `search-results-${id}`;
  const optionId = (i: number) => `search-option-${id}-${i}`;
  let listEl!: HTMLUListElement;

  // Built when the box gets the focus, so the first keystroke doesn't wait for it.
  const ensureBuilt = () => {
    if (built) return;
    for (const id of model.store.nodes.keys()) index.setNoteText(id, model.noteText(id));
    index.addAll(model.store.nodes.values());
    built = true;
  };

  const results = createMemo<GraphNode[]>(() => {
    indexVersion();
    const q = query();
    if (q.trim() === '') return [];
    ensureBuilt();
    return index
      .search(q, MAX_RESULTS)
      .map((hit) => model.store.nodes.get(hit.id))
      .filter((n): n is GraphNode => n !== undefined);
  });
  const expanded = () => open() && query().trim() !== '';
  const activeIndex = () => Math.min(active(), results().length - 1);

  createEffect(() => {
    if (!expanded() || activeIndex() < 0) return;
    listEl.querySelector(`#${CSS.escape(optionId(activeIndex()))}`)?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (node: GraphNode | undefined) => {
    if (!node) return;
    ui.focus(node.id);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const n = results().length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded()) {
          setOpen(true);
          setActive(0);
        } else if (n) setActive((activeIndex() + 1) % n);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!expanded()) {
          setOpen(true);
          setActive(Math.max(0, n - 1));
        } else if (n) setActive((activeIndex() - 1 + n) % n);
        break;
      case 'Enter':
        if (expanded()) {
          e.preventDefault();
          choose(results()[activeIndex()]);
        }
        break;
      case 'Escape':
        // Not the browser's own clearing of a search field: first close, then clear.
        e.preventDefault();
        if (expanded()) setOpen(false);
        else setQuery('');
        break;
    }
  };

  const announcement = () => {
    if (!expanded()) return '';
    const n = results().length;
    if (n === 0) return fmt(t().list.noResults, { q: query().trim() });
    return n === 1 ? t().list.oneResult : fmt(t().list.results, { n });
  };

  return (
    <div class="search-box" role="search">
      <label class="search-label" for={`search-${id}`}>
        {t().list.search}
      </label>
      <div class="search-field">
        <input
          id={`search-${id}`}
          type="search"
          role="combobox"
          class="search-input"
          autocomplete="off"
          spellcheck={false}
          placeholder={t().list.searchPlaceholder}
          aria-autocomplete="list"
          aria-expanded={expanded() ? 'true' : 'false'}
          aria-controls={listId}
          aria-activedescendant={expanded() && activeIndex() >= 0 ? optionId(activeIndex()) : undefined}
          value={query()}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={ensureBuilt}
          onBlur={() => setOpen(false)}
        />
        <div class="search-popup" hidden={!expanded()}>
          <ul class="search-results" id={listId} role="listbox" aria-label={t().list.searchResults} ref={listEl}>
            <For each={results()}>
              {(node, i) => (
                <li
                  id={optionId(i())}
                  role="option"
                  class="search-option"
                  aria-selected={i() === activeIndex() ? 'true' : 'false'}
                  // Keep the focus in the input, as the combobox pattern wants.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => setActive(i())}
                  onClick={() => choose(node)}
                >
                  <span class="search-option-label">{node.label}</span>
                  <span class="search-option-meta">
                    {[kindLabel(node, lang()), detailOf(node, lang())].filter(Boolean).join(' · ')}
                    <Show when={ui.visible() && !ui.visible()!.has(node.id)}>
                      {' · '}
                      <em>{t().list.outsideFilters}</em>
                    </Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
          <Show when={results().length === 0}>
            <p class="search-none">{fmt(t().list.noResults, { q: query().trim() })}</p>
          </Show>
        </div>
      </div>
      <span class="list-sr-only" role="status">
        {announcement()}
      </span>
    </div>
  );
}
