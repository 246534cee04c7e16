/**
 * Search the whole map and jump to an item: an ARIA combobox (list autocomplete with
 * the first result highlighted) over a listbox of at most ten results. Arrows move,
 * Enter jumps (focus), Escape closes and then clears. Hand-rolled rather than
 * Kobalte's Combobox: this box picks nothing as its value, it navigates.
 *
 * The query, its results and the index are the search state (state.ts).
 */
import { For, Show, createEffect, createSignal, createUniqueId } from 'solid-js';
import type { GraphNode } from '@schema';
import { fmt, lang, t } from '@i18n';
import { useFilters } from '@map/filters';
import { detailOf, kindLabel } from '@map/shared';
import { useMap } from '@map/ui-kit';
import { useSearch } from './state';
import './search.css';

export function SearchBox() {
  const { focus } = useMap();
  const { visible } = useFilters();
  const { query, setQuery, results, prepare } = useSearch();
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  const id = createUniqueId();
  const listId = `search-results-${id}`;
  const optionId = (i: number) => `search-option-${id}-${i}`;
  let listEl!: HTMLUListElement;

  const expanded = () => open() && query().trim() !== '';
  const activeIndex = () => Math.min(active(), results().length - 1);

  createEffect(() => {
    if (!expanded() || activeIndex() < 0) return;
    listEl.querySelector(`#${CSS.escape(optionId(activeIndex()))}`)?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (node: GraphNode | undefined) => {
    if (!node) return;
    focus(node.id);
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
          onFocus={prepare}
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
                    <Show when={visible() && !visible()!.has(node.id)}>
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
