// SPDX-License-Identifier: EUPL-1.2
/**
 * Serves src/web/static/ at /static/*: a flat directory, known content types, long caching for
 * versioned URLs (`?v=<content hash>`, see `assetUrl`) and revalidation otherwise.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Logger } from '../../platform/logger.ts';

/** The directory of the static files. */
export const STATIC_DIR = fileURLToPath(new URL('../static/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset { body: Buffer; hash: string; mtimeMs: number }
const cache = new Map<string, Asset>();

/** Reads a static file (cached until it changes on disk); undefined when missing or not servable. */
function readAsset(name: string, dir: string): Asset | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || !(path.extname(name) in CONTENT_TYPES)) return undefined;
  const file = path.join(dir, name);
  let stat: fs.Stats;
  try { stat = fs.statSync(file); } catch { return undefined; }
  if (!stat.isFile()) return undefined;
  const key = file;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit;
  const body = fs.readFileSync(file);
  const asset = { body, hash: crypto.createHash('sha256').update(body).digest('hex').slice(0, 12), mtimeMs: stat.mtimeMs };
  cache.set(key, asset);
  return asset;
}

/** The URL of a static file, versioned by its content so browsers may cache it for a year. */
export function assetUrl(name: string, dir = STATIC_DIR): string {
  const asset = readAsset(name, dir);
  return asset ? `/static/${name}?v=${asset.hash}` : `/static/${name}`;
}

/** True when the stylesheet has been built (`npm run build:css`). */
export function stylesheetBuilt(dir = STATIC_DIR): boolean {
  return readAsset('app.css', dir) !== undefined;
}

/** Warns once when the stylesheet is missing: pages still work, unstyled. */
export function warnIfStylesheetMissing(log: Logger | undefined, dir = STATIC_DIR): void {
  if (!stylesheetBuilt(dir)) log?.warn({ file: path.join(dir, 'app.css') }, 'stylesheet not built; pages are served without styles (run `npm run build:css`)');
}

/** Routes for /static/*. */
export function staticRoutes(dir = STATIC_DIR) {
  const app = new Hono<AppEnv>();
  app.get('/static/:name', (c) => {
    const name = c.req.param('name');
    const asset = readAsset(name, dir);
    if (!asset) return c.text('Not found', 404, { 'cache-control': 'no-store' });
    const etag = `"${asset.hash}"`;
    const versioned = c.req.query('v') === asset.hash;
    const headers = {
      'content-type': CONTENT_TYPES[path.extname(name)]!,
      etag,
      'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(asset.body), 200, headers);
  });
  // Browsers ask for /favicon.ico where a page names none (e.g. a PDF opened inline): answer with the SVG icon.
  app.get('/favicon.ico', (c) => c.redirect(assetUrl('favicon.svg'), 302));
  return app;
}
