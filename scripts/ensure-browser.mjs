#!/usr/bin/env node
// Finds the Chromium the browser tests drive: $CHROMIUM_PATH, then /usr/bin/chromium.
// Where none is found and apt-get can run (as root), installs Debian's chromium.
// Otherwise fails at once with one line saying what to do. Browser tests are never skipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const DEFAULT = '/usr/bin/chromium';
const fromEnv = process.env.CHROMIUM_PATH;

function works(path) {
  try {
    execFileSync(path, ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

if (fromEnv) {
  if (fs.existsSync(fromEnv) && works(fromEnv)) process.exit(0);
  console.error(`CHROMIUM_PATH=${fromEnv} is not a working browser: fix or unset it.`);
  process.exit(1);
}
if (fs.existsSync(DEFAULT) && works(DEFAULT)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = fs.existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log("No Chromium found: installing Debian's chromium with apt-get (once per machine)…");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(
      'apt-get could not install chromium: install it by hand (apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
  if (works(DEFAULT)) process.exit(0);
}
console.error(
  'No Chromium for the browser tests: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.',
);
process.exit(1);
