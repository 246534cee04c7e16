/** `npm start`: the whole app in one process, with a demo map on first start. */
import fs from 'node:fs';
import path from 'node:path';
import { createInvite, inviteUrl, authorize } from './auth.js';
import { startApp } from './app.js';
import { configFromEnv, recordServerUrl } from './config.js';
import { DEMO_MAP_ID, createDemoMap } from './demo.js';
import { log } from './log.js';
import { openSqliteStorage } from './sqlite-storage.js';

/** The demo owner's token is kept beside the database so every start can print the link. */
const DEMO_TOKEN_FILE = 'demo-owner-token';

async function main(): Promise<void> {
  const cfg = configFromEnv();
  const storage = openSqliteStorage(cfg.dataDir);
  const tokenFile = path.join(cfg.dataDir, DEMO_TOKEN_FILE);

  if (cfg.seedDemo && storage.listMaps().length === 0) {
    createDemoMap(storage);
    const { token } = createInvite(storage, DEMO_MAP_ID, 'owner', 'Demo-eigenaar');
    fs.writeFileSync(tokenFile, token + '\n', { mode: 0o600 });
    log.info('created the demo map', { mapId: DEMO_MAP_ID });
  }

  const app = await startApp(cfg, storage);
  const base = cfg.publicUrl ?? app.url;
  recordServerUrl(cfg.dataDir, base);
  console.log(`\nBuurtweb is running at ${base}  (health: ${base}/health)`);
  if (fs.existsSync(tokenFile)) {
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    if (authorize(storage, DEMO_MAP_ID, token).ok) {
      console.log(`Open the demo map as its owner:\n\n  ${inviteUrl(base, DEMO_MAP_ID, token)}\n`);
    }
  }
  console.log('More maps and invites: npm run admin -- help\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    app.close().then(
      () => process.exit(0),
      (err) => {
        log.error('error during shutdown', { err: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error(`Buurtweb could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
