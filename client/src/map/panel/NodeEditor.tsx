/**
 * The panel's edit mode: the item's label and fields as inputs. Saving writes one
 * updateNode with only what the person changed (label included), so someone else's
 * concurrent change to another field survives.
 */
import { For, createSignal, createUniqueId, onMount, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type FieldError, type GraphNode, NODE_KIND_DEFS, type UpdateNodeInput } from '@schema';
import { fmt, lang, t } from '@i18n';
import { type Draft, draftsOf, labelDef, shownFields, validateDraft, validateDrafts, valuesToDrop } from '@map/shared';
import { FieldInput, focusFirstInvalid, useMap, useNotices } from '@map/ui-kit';
import { EditorForm } from './EditorForm';

export function NodeEditor(props: { node: GraphNode; onClose: () => void }) {
  const { model } = useMap();
  const { notify, reportError } = useNotices();
  const formId = createUniqueId();
  let form!: HTMLFormElement;
  let firstInput: HTMLElement | undefined;
  // What the form started from: a change is a difference from this, not from the live item.
  const start = untrack(() => props.node);
  const kindDef = NODE_KIND_DEFS[start.kind];
  const nameDef = labelDef(kindDef.labelCaption);
  const initial = draftsOf(kindDef.fields, start.fields, lang());
  const [fields, setFields] = createStore<Record<string, Draft>>({ ...initial });
  const [label, setLabel] = createSignal<Draft>(start.label);
  const [errors, setErrors] = createSignal<Record<string, FieldError>>({});

  onMount(() => firstInput?.focus());

  function submit(e: Event) {
    e.preventDefault();
    const changed = validateDrafts(kindDef.fields, fields, initial);
    const found: Record<string, FieldError> = {};
    for (const [k, v] of Object.entries(changed.errors)) found[`f-${k}`] = v;
    const input: UpdateNodeInput = {};
    if (label() !== start.label) {
      const r = validateDraft(nameDef, label());
      if (r.ok) input.label = r.value as string;
      else found.label = r.error;
    }
    setErrors(found);
    if (Object.keys(found).length) return focusFirstInvalid(form);
    const values = {
      ...valuesToDrop(start.kind, fields.role, start.fields, model.maySeeContacts),
      ...changed.values,
    };
    if (Object.keys(values).length) input.fields = values;
    if (input.label === undefined && !input.fields) return props.onClose();

    const result = model.actions.updateNode(start.id, input);
    if (!result.ok) {
      const refused: Record<string, FieldError> = {};
      for (const [k, v] of Object.entries(result.error.fields)) refused[k === 'label' ? k : `f-${k}`] = v;
      if (Object.keys(refused).length) {
        setErrors(refused);
        return focusFirstInvalid(form);
      }
      return reportError(result.error);
    }
    if (result.value) notify(t().panel.saved);
    props.onClose();
  }

  return (
    <EditorForm
      ref={(el) => (form = el)}
      class="panel-editor"
      label={fmt(t().panel.editing, { label: start.label })}
      onSubmit={submit}
      onCancel={() => props.onClose()}
    >
      <p class="form-note">{t().panel.requiredNote}</p>
      <FieldInput
        id={`${formId}-label`}
        ref={(el) => (firstInput = el)}
        def={nameDef}
        value={label()}
        onChange={setLabel}
        error={errors().label}
      />
      <For
        each={Object.entries(kindDef.fields).filter(([key]) =>
          shownFields(start.kind, fields.role, model.maySeeContacts).includes(key),
        )}
      >
        {([key, def]) => (
          <FieldInput
            id={`${formId}-f-${key}`}
            def={def}
            value={fields[key]}
            onChange={(v) => setFields(key, v)}
            error={errors()[`f-${key}`]}
          />
        )}
      </For>
    </EditorForm>
  );
}
