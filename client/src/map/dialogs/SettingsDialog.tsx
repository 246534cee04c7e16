/**
 * The map's settings, for owners: the freshness period in months (items not confirmed
 * within it are stale). Invites and roles stay with the admin CLI.
 */
import { Show, createSignal, createUniqueId } from 'solid-js';
import { MAX_FRESHNESS_MONTHS } from '@schema';
import { fmt, t } from '@i18n';
import { monthsText, useMap, useNotices } from '@map/ui-kit';
import { Modal, ModalHeader } from './Modal';
import { useDialogs } from './state';

export function SettingsDialog() {
  const { model } = useMap();
  const dialogs = useDialogs();
  let input: HTMLInputElement | undefined;
  return (
    <Modal
      open={model.rules.maySetSettings && dialogs.settingsOpen()}
      onClose={() => dialogs.closeSettings()}
      class="settings-dialog"
      initialFocus={() => input}
    >
      <SettingsForm inputRef={(el) => (input = el)} />
    </Modal>
  );
}

function SettingsForm(props: { inputRef: (el: HTMLInputElement) => void }) {
  const { model } = useMap();
  const dialogs = useDialogs();
  const { notify, reportError } = useNotices();
  const id = createUniqueId();
  const [months, setMonths] = createSignal(String(model.freshnessMonths()));
  const [error, setError] = createSignal(false);

  function submit(e: Event) {
    e.preventDefault();
    const n = Number(months().trim());
    if (!Number.isInteger(n) || n < 1 || n > MAX_FRESHNESS_MONTHS) return setError(true);
    setError(false);
    const r = model.actions.setFreshnessMonths(n);
    if (!r.ok) return reportError(r.error);
    notify(fmt(t().review.settingsSaved, { months: monthsText(n) }));
    dialogs.closeSettings();
  }

  return (
    <>
      <ModalHeader title={t().review.settingsTitle} />
      <form class="dialog-form" aria-label={t().review.settingsTitle} noValidate onSubmit={submit}>
        <div class="field" classList={{ 'field-invalid': error() }}>
          <label for={id}>{t().review.freshness}</label>
          <input
            id={id}
            ref={props.inputRef}
            type="number"
            inputMode="numeric"
            min="1"
            max={MAX_FRESHNESS_MONTHS}
            step="1"
            value={months()}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby={`${id}-hint${error() ? ` ${id}-error` : ''}`}
            onInput={(e) => setMonths(e.currentTarget.value)}
          />
          <p id={`${id}-hint`} class="field-hint">
            {fmt(t().review.freshnessHint, { max: MAX_FRESHNESS_MONTHS })}
          </p>
          <Show when={error()}>
            <p id={`${id}-error`} class="field-error">
              {fmt(t().review.freshnessInvalid, { max: MAX_FRESHNESS_MONTHS })}
            </p>
          </Show>
        </div>
        <div class="dialog-actions">
          <button type="button" class="btn" onClick={() => dialogs.closeSettings()}>
            {t().cancel}
          </button>
          <button type="submit" class="btn btn-primary">
            {t().save}
          </button>
        </div>
      </form>
    </>
  );
}
