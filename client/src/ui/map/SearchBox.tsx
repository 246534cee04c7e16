// Scaffold: replaced by the real component.
export function SearchBox() {
  return null;
}
