/** Where keyboard focus goes after a form is refused or a dialog closes. */

/** The id of the selected item's heading in the panel. */
export const PANEL_HEADING_ID = 'item-panel-heading';

/** The heading of the item shown in the panel (focusable by script), if any. */
export function panelHeading(): HTMLElement | undefined {
  return document.getElementById(PANEL_HEADING_ID) ?? undefined;
}

/** Moves focus to the first field marked invalid, once the errors are rendered. */
export function focusFirstInvalid(form: HTMLElement): void {
  queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
