/** Keyboard helpers shared by the panel's key handling. */

/** Whether a key press goes to something one types in (then it is text, not a command). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Whether a dialog is open: the page's own keys then stay out of its way. */
export function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}
