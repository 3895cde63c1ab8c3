#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// Builds src/web/static/app.css from src/web/styles/app.css with the Tailwind CSS CLI, only when a
// source is newer than the output (so `npm start` / `npm test` stay fast). `--force` always rebuilds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const input = path.join(here, 'app.css');
const output = path.join(webDir, 'static', 'app.css');
const require = createRequire(import.meta.url);

/** Newest modification time of the sources the stylesheet depends on. */
function newestSource() {
  let newest = fs.statSync(input).mtimeMs;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) { if (entry.name !== 'static') walk(p); }
      else if (/\.(ts|tsx|css)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(webDir);
  try { newest = Math.max(newest, fs.statSync(require.resolve('@digital-go-jp/tailwind-theme-plugin/v4')).mtimeMs); } catch { /* resolved by tailwind */ }
  return newest;
}

const force = process.argv.includes('--force');
let outputTime = 0;
try { outputTime = fs.statSync(output).mtimeMs; } catch { /* not built yet */ }
if (!force && outputTime >= newestSource()) process.exit(0);

let cli;
try {
  cli = path.join(path.dirname(require.resolve('@tailwindcss/cli/package.json')), 'dist', 'index.mjs');
} catch {
  console.warn('build-css: @tailwindcss/cli is not installed; pages will be served without styles');
  process.exit(0);
}
const result = spawnSync(process.execPath, [cli, '--input', input, '--output', output, '--minify'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (result.status !== 0) {
  console.error(`build-css: tailwindcss failed (exit ${result.status})`);
  process.exit(result.status ?? 1);
}
