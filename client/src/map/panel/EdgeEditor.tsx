/** Edits a link's own fields (how well two people know each other, signals per period). */
import { For, createSignal, createUniqueId, onMount, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { EDGE_KIND_DEFS, type FieldError, type GraphEdge } from '@schema';
import { fmt, lang, t } from '@i18n';
import { type Draft, draftsOf, validateDrafts } from '@map/shared';
import { FieldInput, focusFirstInvalid, useMap, useNotices } from '@map/ui-kit';
import { EditorForm } from './EditorForm';

export function EdgeEditor(props: { edge: GraphEdge; otherLabel: string; onClose: () => void }) {
  const { model } = useMap();
  const { notify, reportError } = useNotices();
  const formId = createUniqueId();
  let form!: HTMLFormElement;
  let firstInput: HTMLElement | undefined;
  const start = untrack(() => props.edge);
  const defs = EDGE_KIND_DEFS[start.kind].fields;
  const initial = draftsOf(defs, start.fields, lang());
  const [fields, setFields] = createStore<Record<string, Draft>>({ ...initial });
  const [errors, setErrors] = createSignal<Record<string, FieldError>>({});

  onMount(() => firstInput?.focus());

  function submit(e: Event) {
    e.preventDefault();
    const changed = validateDrafts(defs, fields, initial);
    setErrors(changed.errors);
    if (Object.keys(changed.errors).length) return focusFirstInvalid(form);
    if (!Object.keys(changed.values).length) return props.onClose();
    const result = model.actions.updateEdge(start.id, changed.values);
    if (!result.ok) {
      if (Object.keys(result.error.fields).length) {
        setErrors(result.error.fields);
        return focusFirstInvalid(form);
      }
      return reportError(result.error);
    }
    if (result.value) notify(t().panel.linkSaved);
    props.onClose();
  }

  return (
    <EditorForm
      ref={(el) => (form = el)}
      class="panel-editor edge-editor"
      label={fmt(t().panel.editLinkTitle, { label: props.otherLabel })}
      onSubmit={submit}
      onCancel={() => props.onClose()}
    >
      <For each={Object.entries(defs)}>
        {([key, def], i) => (
          <FieldInput
            id={`${formId}-${key}`}
            ref={(el) => i() === 0 && (firstInput = el)}
            def={def}
            value={fields[key]}
            onChange={(v) => setFields(key, v)}
            error={errors()[key]}
          />
        )}
      </For>
    </EditorForm>
  );
}
