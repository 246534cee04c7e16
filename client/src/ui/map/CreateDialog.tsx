// Scaffold: replaced by the real component.
export function CreateDialog() {
  return null;
}
