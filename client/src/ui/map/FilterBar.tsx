// Scaffold: replaced by the real component.
export function FilterBar() {
  return null;
}
