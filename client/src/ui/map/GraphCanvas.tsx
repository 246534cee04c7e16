// Scaffold: replaced by the real component.
export function GraphCanvas() {
  return null;
}
