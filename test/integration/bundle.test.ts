/**
 * Test hooks stay out of the production bundle: `npm test` builds the app twice, the
 * production build (dist/, what `npm start` serves) and the test build (dist-e2e/, with
 * `window.buurtweb` for the browser tests). The production one must not carry the hook;
 * the test one must (so this test can tell them apart).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/server.js';

function scripts(dir: string): string {
  const assets = path.join(ROOT, dir, 'assets');
  if (!fs.existsSync(assets)) throw new Error(`${dir}/ is not built: run npm test (it builds both)`);
  return fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(assets, f), 'utf8'))
    .join('\n');
}

describe('the production bundle', () => {
  it('carries no test hook; the test build does', () => {
    const hook = /\.buurtweb\s*=/;
    expect(hook.test(scripts('dist-e2e'))).toBe(true);
    expect(hook.test(scripts('dist'))).toBe(false);
    // Nor the actions without role checks that the tests of a tampered client use.
    expect(scripts('dist-e2e')).toMatch(/[`"']forge[`"']/);
    expect(scripts('dist')).not.toMatch(/[`"']forge[`"']/);
  });
});
