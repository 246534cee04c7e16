/**
 * A searchable list of the map's items by label (Kobalte combobox): type part of a name,
 * with or without accents ("ayse" finds "Ayşe"), pick with arrows and Enter.
 */
import * as Combobox from '@kobalte/core/combobox';
import { fmt, t } from '@i18n';

export interface Target {
  id: string;
  label: string;
  kindLabel: string;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

type Translations = NonNullable<Combobox.ComboboxRootOptions<Target>['translations']>;

function translations(): Translations {
  const p = t().panel;
  return {
    focusAnnouncement: (text, selected) => (selected ? fmt(p.comboSelected, { text }) : text),
    // The type only admits Kobalte's English sentence; the Dutch one is the same message.
    countAnnouncement: ((n: number) => (n === 1 ? p.comboOneOption : undefined)) as Translations['countAnnouncement'],
    selectedAnnouncement: (text) => fmt(p.comboSelected, { text }),
    triggerLabel: p.comboTrigger,
    listboxLabel: p.comboListbox,
  };
}

export function TargetPicker(props: {
  options: Target[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  error?: string | undefined;
  inputRef?: (el: HTMLInputElement) => void;
}) {
  const selected = () => props.options.find((o) => o.id === props.value) ?? null;
  return (
    <Combobox.Root<Target>
      class="field combo"
      options={props.options}
      optionValue="id"
      optionTextValue="label"
      optionLabel="label"
      value={selected()}
      onChange={(o) => props.onChange(o?.id)}
      defaultFilter={(o, input) => fold(o.label).includes(fold(input.trim()))}
      placeholder={t().panel.linkTargetPlaceholder}
      validationState={props.error ? 'invalid' : 'valid'}
      translations={translations()}
      itemComponent={(p) => (
        <Combobox.Item item={p.item} class="combo-item">
          <Combobox.ItemLabel>{p.item.rawValue.label}</Combobox.ItemLabel>
          <span class="combo-kind">{p.item.rawValue.kindLabel}</span>
        </Combobox.Item>
      )}
    >
      <Combobox.Label>{t().panel.linkTarget}</Combobox.Label>
      <Combobox.Control class="combo-control">
        <Combobox.Input class="combo-input" ref={props.inputRef} />
        <Combobox.Trigger class="combo-trigger">
          <Combobox.Icon>▾</Combobox.Icon>
        </Combobox.Trigger>
      </Combobox.Control>
      <Combobox.ErrorMessage class="field-error">{props.error}</Combobox.ErrorMessage>
      {/* Not portalled: inside a modal dialog, a list outside it is hidden from assistive tech. */}
      {/* Picking with the mouse must not take focus from the input (that closes the list first). */}
      <Combobox.Content class="combo-content" onMouseDown={(e: MouseEvent) => e.preventDefault()}>
        <Combobox.Listbox class="combo-listbox" />
      </Combobox.Content>
    </Combobox.Root>
  );
}
