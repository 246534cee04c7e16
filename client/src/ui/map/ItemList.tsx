// Scaffold: replaced by the real component.
export function ItemList() {
  return null;
}
