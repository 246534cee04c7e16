/**
 * What end-to-end tests and the browser benchmark read that a person cannot see — the
 * Cytoscape instance (positions, zoom) and a handle on the page's state — exposed as
 * `window.buurtweb` only in the test build (`vite build --mode e2e`, into dist-e2e/, which
 * `npm test` makes). In the production build `import.meta.env.MODE` is `'production'`, so
 * the body is compiled away and the bundle carries no hook (test/integration/bundle.test.ts).
 */
export function exposeForTests(key: string, value: unknown): void {
  if (import.meta.env.MODE !== 'e2e') return;
  const w = window as unknown as { buurtweb?: Record<string, unknown> };
  w.buurtweb = { ...w.buurtweb, [key]: value };
}
