// Scaffold: replaced by the real component.
export function LinkDialog() {
  return null;
}
