/**
 * One form input for one schema field, whatever its type: the schema's label bound to
 * the input, a required marker, and the field's error tied to it (aria-invalid,
 * aria-describedby). Forms validate with the schema before any write (panel/drafts.ts).
 */
import { For, Match, Show, Switch, createUniqueId } from 'solid-js';
import { type FieldDef, type FieldError, fieldErrorMessage } from '@schema';
import { lang, loc, t } from '@i18n';
import type { Draft } from '@map/shared';

export interface FieldInputProps {
  def: FieldDef;
  value: Draft;
  onChange: (value: Draft) => void;
  error?: FieldError | undefined;
  /** The input's id; generated when absent. */
  id?: string;
  ref?: (el: HTMLElement) => void;
}

export function FieldInput(props: FieldInputProps) {
  const id = props.id ?? createUniqueId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const text = () => (typeof props.value === 'string' ? props.value : '');
  const describedBy = () =>
    [props.error ? errorId : '', props.def.type === 'tags' ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = () => (props.error ? ('true' as const) : undefined);
  const required = () => (props.def.required ? ('true' as const) : undefined);
  const onText = (e: { currentTarget: { value: string } }) => props.onChange(e.currentTarget.value);
  const ref = (el: HTMLElement) => props.ref?.(el);

  const Label = () => (
    <label for={id}>
      {loc(props.def.label)}
      <Show when={props.def.required}>
        <span class="field-required" aria-hidden="true">
          {' *'}
        </span>
      </Show>
    </label>
  );

  // `required` would start the browser's own (English) validation: aria-required says
  // it, the schema checks it.
  return (
    <div class={`field field-${props.def.type}`} classList={{ 'field-invalid': !!props.error }}>
      <Switch
        fallback={
          <>
            <Label />
            <input
              id={id}
              ref={ref}
              type={inputType(props.def)}
              inputMode={inputMode(props.def)}
              autocomplete="off"
              aria-invalid={invalid()}
              aria-describedby={describedBy()}
              aria-required={required()}
              value={text()}
              onInput={onText}
            />
          </>
        }
      >
        <Match when={props.def.type === 'boolean'}>
          <input
            id={id}
            ref={ref}
            type="checkbox"
            aria-invalid={invalid()}
            aria-describedby={describedBy()}
            checked={props.value === true}
            onChange={(e) => props.onChange(e.currentTarget.checked)}
          />
          <Label />
        </Match>
        <Match when={props.def.type === 'longtext'}>
          <Label />
          <textarea
            id={id}
            ref={ref}
            rows={4}
            aria-invalid={invalid()}
            aria-describedby={describedBy()}
            aria-required={required()}
            value={text()}
            onInput={onText}
          />
        </Match>
        <Match when={props.def.type === 'enum' && props.def}>
          {(def) => (
            <>
              <Label />
              <select
                id={id}
                ref={ref}
                aria-invalid={invalid()}
                aria-describedby={describedBy()}
                aria-required={required()}
                value={text()}
                onChange={onText}
              >
                <option value="" selected={text() === ''}>
                  {props.def.required ? t().panel.choose : t().panel.none}
                </option>
                <For each={Object.entries(def().options)}>
                  {([key, optLabel]) => (
                    <option value={key} selected={text() === key}>
                      {loc(optLabel)}
                    </option>
                  )}
                </For>
              </select>
            </>
          )}
        </Match>
      </Switch>
      <Show when={props.def.type === 'tags'}>
        <p id={hintId} class="field-hint">
          {t().panel.tagsHint}
        </p>
      </Show>
      <Show when={props.error}>
        {(error) => (
          <p id={errorId} class="field-error">
            {fieldErrorMessage(error(), lang())}
          </p>
        )}
      </Show>
    </div>
  );
}

function inputType(def: FieldDef): string {
  switch (def.type) {
    case 'email':
      return 'email';
    case 'phone':
      return 'tel';
    case 'url':
      return 'url';
    case 'date':
      return 'date';
    default:
      // Numbers are typed as text: a number input hides what was typed when the browser
      // can't parse it (a decimal comma), so the schema could never say what is wrong.
      return 'text';
  }
}

function inputMode(def: FieldDef): 'decimal' | 'numeric' | 'email' | 'tel' | 'url' | undefined {
  switch (def.type) {
    case 'number':
      return def.integer ? 'numeric' : 'decimal';
    case 'email':
      return 'email';
    case 'phone':
      return 'tel';
    case 'url':
      return 'url';
    default:
      return undefined;
  }
}
