/**
 * One stored field value, read-only: option labels for choices, a list for tags, and
 * links only where they are safe (http(s) web addresses, mailto:, tel:). Always text,
 * never HTML.
 */
import { For, Match, Show, Switch } from 'solid-js';
import type { FieldDef, FieldValue } from '@schema';
import { loc, t } from '@i18n';
import { formatDay, formatNumber } from '@map/ui-kit';

export function FieldValueView(props: { def: FieldDef; value: FieldValue | undefined }) {
  const str = () => (typeof props.value === 'string' ? props.value : '');
  return (
    <Show when={props.value !== undefined} fallback={<NotFilled />}>
      <Switch fallback={<span class="value-text">{String(props.value)}</span>}>
        <Match when={props.def.type === 'enum' && props.def}>
          {(def) => <>{def().options[str()] ? loc(def().options[str()]!) : str()}</>}
        </Match>
        <Match when={props.def.type === 'tags' && Array.isArray(props.value) && props.value}>
          {(tags) => (
            <ul class="tags">
              <For each={tags()}>{(tag) => <li class="tag">{tag}</li>}</For>
            </ul>
          )}
        </Match>
        <Match when={props.def.type === 'url'}>
          <Show when={webAddress(str())} fallback={str()}>
            {(href) => (
              <a href={href()} target="_blank" rel="noopener noreferrer">
                {str()}
              </a>
            )}
          </Show>
        </Match>
        <Match when={props.def.type === 'email'}>
          <a href={`mailto:${encodeURIComponent(str()).replace('%40', '@')}`}>{str()}</a>
        </Match>
        <Match when={props.def.type === 'phone'}>
          <a href={`tel:${str().replace(/[^\d+]/g, '')}`}>{str()}</a>
        </Match>
        <Match when={props.def.type === 'boolean'}>{props.value === true ? t().panel.yes : t().panel.no}</Match>
        <Match when={props.def.type === 'number' && typeof props.value === 'number'}>
          {formatNumber(props.value as number)}
        </Match>
        <Match when={props.def.type === 'date'}>{formatDay(str())}</Match>
        <Match when={props.def.type === 'longtext'}>
          <span class="value-longtext">{str()}</span>
        </Match>
      </Switch>
    </Show>
  );
}

function NotFilled() {
  return (
    <span class="value-empty">
      <span aria-hidden="true">—</span>
      <span class="sr-only">{t().panel.notFilled}</span>
    </span>
  );
}

/** The address as a link target only when it is http(s): never javascript: or data:. */
function webAddress(value: string): string | undefined {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
