/**
 * What end-to-end tests and the browser benchmark reach that a person cannot — the
 * Cytoscape instance (positions, zoom), a handle on the page's state, and the actions
 * without this device's role checks (a tampered client, `forge`) — exposed as
 * `window.buurtweb` only in the test build (`vite build --mode e2e`, into dist-e2e/, which
 * `npm test` makes). In the production build `import.meta.env.MODE` is `'production'`, so
 * the body is compiled away and the bundle carries no hook (test/integration/bundle.test.ts).
 */
export function exposeForTests(key: string, value: unknown): void {
  if (import.meta.env.MODE !== 'e2e') return;
  const w = window as unknown as { buurtweb?: Record<string, unknown> };
  w.buurtweb = { ...w.buurtweb, [key]: value };
}
