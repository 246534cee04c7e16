/**
 * "Fatima Benhaddou koppelen aan…": pick the other item, then a kind of link that fits
 * the pair in either direction, each offered as the sentence it will read
 * ("Fatima Benhaddou werkt bij Buurtteam"), plus that kind's own fields. One link call.
 */
import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js';
import { createStore } from 'solid-js/store';
import { EDGE_KIND_DEFS, type FieldError, NODE_KIND_DEFS } from '@schema';
import { fmt, lang, loc, t } from '@i18n';
import { type Draft, validateDrafts } from '@map/shared';
import {
  FieldInput,
  type LinkOption,
  focusFirstInvalid,
  linkOptions,
  linkSentence,
  optionKey,
  useMap,
  useNotices,
} from '@map/ui-kit';
import { Modal, ModalHeader } from './Modal';
import { useDialogs } from './state';
import { type Target, TargetPicker } from './TargetPicker';
import './dialogs.css';

export function LinkDialog() {
  const { model } = useMap();
  const dialogs = useDialogs();
  let input: HTMLElement | undefined;
  return (
    <Modal
      open={model.canEdit && dialogs.linking() !== null}
      onClose={() => dialogs.closeLink()}
      class="link-dialog"
      // With the target known (drag-to-link), the next step is the kind of link.
      initialFocus={() =>
        (dialogs.linking()?.to && document.querySelector<HTMLElement>('.link-dialog input[type="radio"]')) || input
      }
    >
      <Show when={dialogs.linking()}>
        {(l) => <LinkForm fromId={l().from} toId={l().to} inputRef={(el) => (input = el)} />}
      </Show>
    </Modal>
  );
}

function LinkForm(props: { fromId: string; toId: string | undefined; inputRef: (el: HTMLElement) => void }) {
  const { model } = useMap();
  const dialogs = useDialogs();
  const { notify } = useNotices();
  const formId = createUniqueId();
  let form!: HTMLFormElement;
  let input: HTMLInputElement | undefined;
  const [target, setTarget] = createSignal<string | undefined>(props.toId);
  const [choice, setChoice] = createSignal('');
  const [fields, setFields] = createStore<Record<string, Draft>>({});
  const [errors, setErrors] = createSignal<Record<string, FieldError>>({});
  const [targetError, setTargetError] = createSignal<string>();
  const [kindError, setKindError] = createSignal<string>();
  const [refusal, setRefusal] = createSignal<string>();

  const from = () => model.node(props.fromId);
  const to = () => {
    const id = target();
    return id ? model.node(id) : undefined;
  };
  // Only items something can link to: a list of impossible choices helps nobody.
  const targets = createMemo((): Target[] => {
    const f = from();
    if (!f) return [];
    return model
      .nodes()
      .filter((n) => n.id !== f.id && linkOptions(f.kind, n.kind).length > 0)
      .sort((a, b) => a.label.localeCompare(b.label, lang()))
      .map((n) => ({ id: n.id, label: n.label, kindLabel: loc(NODE_KIND_DEFS[n.kind].label) }));
  });
  const options = createMemo(() => {
    const f = from();
    const o = to();
    return f && o ? linkOptions(f.kind, o.kind) : [];
  });
  // With one kind that fits, it is the choice.
  const chosen = (): LinkOption | undefined =>
    options().find((o) => optionKey(o) === choice()) ?? (options().length === 1 ? options()[0] : undefined);
  const sentence = (o: LinkOption) => {
    const a = from()?.label ?? '';
    const b = to()?.label ?? '';
    return o.reversed ? linkSentence(o.kind, b, a) : linkSentence(o.kind, a, b);
  };

  function pickTarget(id: string | undefined) {
    setTarget(id);
    setKindError(undefined);
    setRefusal(undefined);
    if (id) setTargetError(undefined);
  }

  function submit(e: Event) {
    e.preventDefault();
    setRefusal(undefined);
    const f = from();
    const o = to();
    if (!f) return;
    if (!o) {
      setTargetError(t().panel.pickTarget);
      return input?.focus();
    }
    const link = chosen();
    if (!link) {
      setKindError(t().panel.pickKind);
      return form.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    }
    const edge = validateDrafts(EDGE_KIND_DEFS[link.kind].fields, fields);
    setErrors(edge.errors);
    if (Object.keys(edge.errors).length) return focusFirstInvalid(form);
    const [a, b] = link.reversed ? [o.id, f.id] : [f.id, o.id];
    const result = model.actions.link({ kind: link.kind, from: a, to: b, fields: edge.values });
    if (!result.ok) {
      if (Object.keys(result.error.fields).length) {
        setErrors(result.error.fields);
        return focusFirstInvalid(form);
      }
      // Shown in the dialog, where the choice can be changed ("Deze koppeling bestaat al.").
      return setRefusal(t().errors[result.error.code] ?? result.error.message);
    }
    notify(fmt(t().panel.linked, { sentence: sentence(link) }));
    dialogs.closeLink();
  }

  return (
    <Show
      when={from()}
      fallback={
        <>
          <ModalHeader title={t().panel.linkTo} />
          <p role="alert">{t().panel.fromGone}</p>
        </>
      }
    >
      {(f) => (
        <>
          <ModalHeader title={fmt(t().panel.linkTitle, { label: f().label })} />
          <form ref={form} class="dialog-form" noValidate onSubmit={submit}>
            <TargetPicker
              options={targets()}
              value={target()}
              onChange={pickTarget}
              error={targetError()}
              inputRef={(el) => {
                input = el;
                props.inputRef(el);
              }}
            />
            <Show when={to() && options().length === 0 && to()}>
              {(o) => (
                <p class="form-refusal" role="alert">
                  {fmt(t().panel.noKindFits, {
                    a: loc(NODE_KIND_DEFS[f().kind].label).toLowerCase(),
                    b: loc(NODE_KIND_DEFS[o().kind].label).toLowerCase(),
                  })}
                </p>
              )}
            </Show>
            <Show when={options().length > 0}>
              <fieldset class="link-choice">
                <legend>{t().panel.linkKind}</legend>
                <For each={options()}>
                  {(o) => (
                    <label class="radio">
                      <input
                        type="radio"
                        name={`${formId}-kind`}
                        value={optionKey(o)}
                        checked={chosen() === o}
                        aria-describedby={kindError() ? `${formId}-kind-error` : undefined}
                        onChange={() => {
                          setChoice(optionKey(o));
                          setKindError(undefined);
                          setRefusal(undefined);
                        }}
                      />
                      {sentence(o)}
                    </label>
                  )}
                </For>
                <Show when={kindError()}>
                  <p id={`${formId}-kind-error`} class="field-error">
                    {kindError()}
                  </p>
                </Show>
                <Show when={chosen()}>
                  {(link) => (
                    <For each={Object.entries(EDGE_KIND_DEFS[link().kind].fields)}>
                      {([key, def]) => (
                        <FieldInput
                          id={`${formId}-${key}`}
                          def={def}
                          value={fields[key]}
                          onChange={(v) => setFields(key, v)}
                          error={errors()[key]}
                        />
                      )}
                    </For>
                  )}
                </Show>
              </fieldset>
            </Show>
            <Show when={refusal()}>
              <p class="form-refusal" role="alert">
                {refusal()}
              </p>
            </Show>
            <div class="dialog-actions">
              <button type="button" class="btn" onClick={() => dialogs.closeLink()}>
                {t().cancel}
              </button>
              <button type="submit" class="btn btn-primary">
                {t().panel.linkButton}
              </button>
            </div>
          </form>
        </>
      )}
    </Show>
  );
}
