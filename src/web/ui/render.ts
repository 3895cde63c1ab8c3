// SPDX-License-Identifier: EUPL-1.2
/** Small helpers shared by the web routes: rendering a page, the current path, safe redirects. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Anything JSX renders to. */
type Renderable = { toString(): string | Promise<string> };

/** Renders a JSX page as an HTML5 document. */
export async function renderPage(c: Context, page: Renderable, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(`<!DOCTYPE html>${await page.toString()}`, status);
}

/** Path and query of the request, e.g. `/console?x=1` (for links back to the same page). */
export function currentPath(c: Context): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/**
 * The `next` target when it is a same-site relative path, else undefined: refuses absolute and
 * protocol-relative URLs (`//evil.example`, `/\evil.example`), schemes and control characters.
 */
export function safeNextPath(value: string | undefined | null): string | undefined {
  if (!value || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  try {
    const base = 'http://jichi.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return undefined;
    return url.pathname + url.search + url.hash;
  } catch {
    return undefined;
  }
}

/**
 * True when an unsafe request comes from this site: its Origin (or, without one, its Referer) is
 * this server's origin or the configured public URL. Requests with neither (non-browser clients)
 * pass; browsers always send Origin with a form POST.
 */
export function isSameOriginRequest(c: Context, publicUrl: string): boolean {
  const allowed = new Set<string>([new URL(c.req.url).origin]);
  try { allowed.add(new URL(publicUrl).origin); } catch { /* unset or malformed: only the request origin */ }
  const origin = c.req.header('origin');
  if (origin !== undefined) return allowed.has(origin);
  const referer = c.req.header('referer');
  if (referer !== undefined) {
    try { return allowed.has(new URL(referer).origin); } catch { return false; }
  }
  return true;
}
