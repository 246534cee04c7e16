/**
 * "Nieuw: Persoon": a new item of a chosen kind with that kind's fields, optionally
 * linked to the one selected item in the same step (one operation, one undo step).
 * A name (nearly) that of an item of the same kind is warned of as it is typed; creating
 * then waits for "Open …" (the existing item) or "Toch aanmaken" (create anyway).
 */
import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js';
import { createStore } from 'solid-js/store';
import { EDGE_KIND_DEFS, type FieldError, NODE_KINDS, NODE_KIND_DEFS, type NodeKind, isNodeKind } from '@schema';
import { fmt, loc, t } from '@i18n';
import { type Draft, labelDef, shownFields, validateDraft, validateDrafts } from '@map/shared';
import {
  FieldInput,
  type LinkOption,
  focusFirstInvalid,
  linkOptions,
  linkSentence,
  optionKey,
  panelHeading,
  useMap,
  useNotices,
} from '@map/ui-kit';
import { foldName, likelyDuplicates } from './duplicates';
import { Modal, ModalHeader } from './Modal';
import { useDialogs } from './state';
import './dialogs.css';

export function CreateDialog() {
  const { model } = useMap();
  const dialogs = useDialogs();
  // Set when an item was created: focus then goes to it in the panel, not back to the button.
  let created = false;
  let nameInput: HTMLElement | undefined;
  return (
    <Modal
      open={model.canEdit && dialogs.creating() !== null}
      onClose={() => dialogs.closeCreate()}
      class="create-dialog"
      initialFocus={() => nameInput}
      finalFocus={() => (created ? panelHeading() : undefined)}
    >
      <CreateForm
        initialKind={dialogs.creating() ?? 'person'}
        nameRef={(el) => {
          created = false;
          nameInput = el;
        }}
        onCreated={() => (created = true)}
      />
    </Modal>
  );
}

function CreateForm(props: { initialKind: NodeKind; nameRef: (el: HTMLElement) => void; onCreated: () => void }) {
  const { model, focus } = useMap();
  const dialogs = useDialogs();
  const { reportError } = useNotices();
  const formId = createUniqueId();
  let form!: HTMLFormElement;
  const [kind, setKind] = createSignal<NodeKind>(props.initialKind);
  const [label, setLabel] = createSignal<Draft>('');
  const [fields, setFields] = createStore<Record<string, Draft>>({});
  const [edgeFields, setEdgeFields] = createStore<Record<string, Draft>>({});
  const [errors, setErrors] = createSignal<Record<string, FieldError>>({});
  const [linkKey, setLinkKey] = createSignal('none');
  /** The kind and folded name the person chose to create anyway, despite the warning. */
  const [anyway, setAnyway] = createSignal('');

  const kindDef = () => NODE_KIND_DEFS[kind()];
  const selected = createMemo(() => {
    const ids = model.selection();
    return ids.length === 1 ? model.node(ids[0]!) : undefined;
  });
  const options = createMemo(() => {
    const sel = selected();
    return sel ? linkOptions(kind(), sel.kind) : [];
  });
  const chosen = (): LinkOption | undefined => options().find((o) => optionKey(o) === linkKey());
  // A choice that no longer fits (the kind changed) falls back to "niet koppelen".
  const checkedKey = () => (chosen() ? linkKey() : 'none');
  const newName = () => (typeof label() === 'string' && (label() as string).trim()) || t().panel.theNewItem;
  const sentence = (o: LinkOption, otherLabel: string) =>
    o.reversed ? linkSentence(o.kind, otherLabel, newName()) : linkSentence(o.kind, newName(), otherLabel);

  const typedName = () => (typeof label() === 'string' ? (label() as string) : '');
  const duplicates = createMemo(() => likelyDuplicates(typedName(), kind(), model.nodes()));
  const anywayKey = () => `${kind()}:${foldName(typedName())}`;
  const warned = () => duplicates().length > 0 && anyway() !== anywayKey();
  function openExisting(id: string) {
    props.onCreated();
    dialogs.closeCreate();
    focus(id);
  }

  const error = (key: string) => errors()[key];
  const inputId = (key: string) => `${formId}-${key}`;

  function submit(e: Event) {
    e.preventDefault();
    const nodeKind = kind();
    const link = chosen();
    const sel = selected();
    const name = validateDraft(labelDef(kindDef().labelCaption), label());
    const node = validateDrafts(kindDef().fields, fields);
    const edge = link ? validateDrafts(EDGE_KIND_DEFS[link.kind].fields, edgeFields) : { values: {}, errors: {} };
    const found: Record<string, FieldError> = { ...prefixed('f-', node.errors), ...prefixed('e-', edge.errors) };
    if (!name.ok) found.label = name.error;
    setErrors(found);
    // A likely duplicate: first "Open …" or "Toch aanmaken", before any other field matters.
    if (name.ok && warned()) {
      setErrors({});
      return form.querySelector<HTMLButtonElement>('.duplicate-actions button')?.focus();
    }
    if (Object.keys(found).length) return focusFirstInvalid(form);

    // Only what the form shows: a draft typed before the role changed is not sent.
    const shown = shownFields(nodeKind, fields.role, model.maySeeContacts);
    const values = Object.fromEntries(Object.entries(node.values).filter(([k]) => shown.includes(k)));
    const input = { kind: nodeKind, label: name.ok ? (name.value as string) : '', fields: values };
    const result =
      link && sel
        ? model.actions.createLinkedNode(input, {
            kind: link.kind,
            other: sel.id,
            direction: link.reversed ? 'to' : 'from',
            fields: edge.values,
          })
        : model.actions.createNode(input);
    if (!result.ok) {
      // The schema refused what the form let through: show it where it belongs, if it can.
      const fieldErrors = prefixed('f-', result.error.fields);
      if (Object.keys(fieldErrors).length) {
        setErrors(fieldErrors);
        return focusFirstInvalid(form);
      }
      return reportError(result.error);
    }
    const id = typeof result.value === 'string' ? result.value : result.value.nodeId;
    props.onCreated();
    dialogs.closeCreate();
    focus(id);
  }

  return (
    <>
      <ModalHeader title={fmt(t().newItem, { kind: loc(kindDef().label) })} />
      <form ref={form} class="dialog-form" noValidate onSubmit={submit}>
        <p class="form-note">{t().panel.requiredNote}</p>
        <div class="field field-enum">
          <label for={inputId('kind')}>{t().panel.itemKind}</label>
          <select
            id={inputId('kind')}
            value={kind()}
            onChange={(e) => {
              if (isNodeKind(e.currentTarget.value)) setKind(e.currentTarget.value);
              setErrors({});
            }}
          >
            <For each={NODE_KINDS}>
              {(k) => (
                <option value={k} selected={k === kind()}>
                  {loc(NODE_KIND_DEFS[k].label)}
                </option>
              )}
            </For>
          </select>
        </div>
        <FieldInput
          id={inputId('label')}
          ref={props.nameRef}
          def={labelDef(kindDef().labelCaption)}
          value={label()}
          onChange={setLabel}
          error={error('label')}
        />
        <div role="status" class="duplicate-status">
          <Show when={warned()}>
            <section class="duplicate-warning" aria-label={t().panel.duplicateTitle}>
              <p>
                <strong>{t().panel.duplicateTitle}</strong>{' '}
                {fmt(duplicates().length === 1 ? t().panel.duplicateOne : t().panel.duplicateMany, {
                  kind: loc(kindDef().label).toLowerCase(),
                })}{' '}
                {t().panel.duplicateHint}
              </p>
              <div class="duplicate-actions">
                <For each={duplicates()}>
                  {(n) => (
                    <button type="button" class="btn" onClick={() => openExisting(n.id)}>
                      {fmt(t().panel.duplicateOpen, { label: n.label })}
                    </button>
                  )}
                </For>
                <button
                  type="button"
                  class="btn"
                  onClick={() => {
                    setAnyway(anywayKey());
                    form.requestSubmit();
                  }}
                >
                  {t().panel.duplicateCreateAnyway}
                </button>
              </div>
            </section>
          </Show>
        </div>
        <For each={shownFields(kind(), fields.role, model.maySeeContacts)}>
          {(key) => (
            <Show when={kindDef().fields[key]}>
              {(def) => (
                <FieldInput
                  id={inputId(`f-${key}`)}
                  def={def()}
                  value={fields[key]}
                  onChange={(v) => setFields(key, v)}
                  error={error(`f-${key}`)}
                />
              )}
            </Show>
          )}
        </For>
        <Show when={selected() && options().length > 0 && selected()}>
          {(sel) => (
            <fieldset class="link-choice">
              <legend>{fmt(t().panel.linkNewTo, { label: sel().label })}</legend>
              <label class="radio">
                <input
                  type="radio"
                  name={inputId('link')}
                  value="none"
                  checked={checkedKey() === 'none'}
                  onChange={() => setLinkKey('none')}
                />
                {t().panel.noLink}
              </label>
              <For each={options()}>
                {(o) => (
                  <label class="radio">
                    <input
                      type="radio"
                      name={inputId('link')}
                      value={optionKey(o)}
                      checked={checkedKey() === optionKey(o)}
                      onChange={() => setLinkKey(optionKey(o))}
                    />
                    {sentence(o, sel().label)}
                  </label>
                )}
              </For>
              <Show when={chosen()}>
                {(o) => (
                  <For each={Object.entries(EDGE_KIND_DEFS[o().kind].fields)}>
                    {([key, def]) => (
                      <FieldInput
                        id={inputId(`e-${key}`)}
                        def={def}
                        value={edgeFields[key]}
                        onChange={(v) => setEdgeFields(key, v)}
                        error={error(`e-${key}`)}
                      />
                    )}
                  </For>
                )}
              </Show>
            </fieldset>
          )}
        </Show>
        <div class="dialog-actions">
          <button type="button" class="btn" onClick={() => dialogs.closeCreate()}>
            {t().cancel}
          </button>
          <button type="submit" class="btn btn-primary">
            {t().panel.create}
          </button>
        </div>
      </form>
    </>
  );
}

function prefixed(prefix: string, errors: Record<string, FieldError>): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const [k, v] of Object.entries(errors)) out[k === 'label' ? k : `${prefix}${k}`] = v;
  return out;
}
