// Scaffold: replaced by the real component.
export function Legend() {
  return null;
}
