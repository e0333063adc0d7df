#!/usr/bin/env node
// Lets `npm start`, `npm test` and `npm run report` be the first command on a fresh clone:
// installs the locked dependencies when node_modules is missing or older than the lock file.
// Plain Node with no dependencies, so it runs before anything is installed. Output goes to stderr
// so that `npm run -s report -- import --json` keeps a clean stdout.
const { existsSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');

const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  process.stderr.write('gongkai: installing dependencies (npm ci)…\n');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write('gongkai: npm ci failed\n');
    process.exit(r.status || 1);
  }
}
