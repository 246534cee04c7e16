/**
 * `npm run bench`: every benchmark, each against its baseline in the same process.
 * Figures are printed as Markdown; record them in test/bench/RESULTS.md.
 * `npm run bench -- doc` runs one suite; `npm run bench -- browser` the canvas in Chromium;
 * `npm run bench -- relay` our server against @y/websocket-server under load; `guard` the
 * server's write rules on a large update.
 */
import os from 'node:os';
import { browserBench } from './browser.js';
import { docBench } from './doc.js';
import { guardBench } from './guard.js';
import { relayBench } from './relay.js';
import { table } from './util.js';

const suites: Record<string, () => Promise<string> | string> = {
  doc: () => table('Document: 10,000 items, 15,000 links', 'raw Yjs, one JSON value per item', docBench()),
  browser: browserBench,
  guard: () =>
    table('Server write rules: a large update', 'applying the update (Yjs), which the relay does anyway', guardBench()),
  relay: relayBench,
};

const wanted = process.argv.slice(2);
console.log(`# Buurtweb benchmarks — ${new Date().toISOString()}`);
console.log(
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB\n`,
);
for (const [name, run] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(await run());
}
