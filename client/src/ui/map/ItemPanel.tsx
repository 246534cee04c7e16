// Scaffold: replaced by the real component.
export function ItemPanel() {
  return null;
}
