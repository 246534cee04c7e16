/**
 * The shell every in-panel edit form shares: Save and Cancel, and Escape cancelling the
 * edit without also clearing the selection (the page's Escape shortcut).
 */
import type { JSX } from 'solid-js';
import { t } from '@i18n';

export function EditorForm(props: {
  ref: (el: HTMLFormElement) => void;
  class: string;
  label: string;
  onSubmit: (e: Event) => void;
  onCancel: () => void;
  children: JSX.Element;
}) {
  return (
    <form
      ref={props.ref}
      class={props.class}
      aria-label={props.label}
      noValidate
      onSubmit={(e) => props.onSubmit(e)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        props.onCancel();
      }}
    >
      {props.children}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary">
          {t().save}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {t().cancel}
        </button>
      </div>
    </form>
  );
}
