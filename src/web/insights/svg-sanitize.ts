// SPDX-License-Identifier: EUPL-1.2
/**
 * A whitelist sanitizer for SVG produced by the chart library before it is placed in a page: only drawing elements
 * and presentation attributes pass; <style>, <script>, <foreignObject> and event handlers are dropped with their
 * content; inline `style` becomes presentation attributes (the CSP forbids inline styles); every text and attribute
 * value is decoded and escaped again, so no label (a user-entered name included) can break out as markup.
 */

const ELEMENTS = new Set(['svg', 'g', 'rect', 'path', 'text', 'tspan', 'line', 'polyline', 'polygon', 'circle', 'ellipse', 'title', 'desc', 'defs',
  'clipPath', 'linearGradient', 'radialGradient', 'stop']);
/** Dropped with everything inside them. */
const DROPPED = new Set(['style', 'script', 'foreignObject', 'image', 'use', 'a', 'iframe', 'animate', 'set']);
const ATTRIBUTES = new Set(['width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'transform', 'viewBox',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap',
  'stroke-linejoin', 'stroke-miterlimit', 'paint-order', 'opacity', 'text-anchor', 'dominant-baseline', 'font-size', 'font-family', 'font-weight',
  'font-style', 'xmlns', 'version', 'id', 'clip-path', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'dx', 'dy',
  'role', 'aria-label', 'aria-hidden', 'preserveAspectRatio']);
/** Inline style properties kept as presentation attributes. */
const STYLE_PROPS = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'stroke', 'opacity']);
const SAFE_VALUE = /^[^<>"`]*$/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Decodes the XML entities of a text or attribute value. */
export function decodeXml(v: string): string {
  return v.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[e] ?? '';
  });
}
/** Escapes text for XML content and attribute values. */
export function escapeXml(v: string): string {
  // eslint-disable-next-line no-control-regex
  return v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function safeAttr(name: string, raw: string): string | null {
  const v = decodeXml(raw).trim();
  if (!SAFE_VALUE.test(v) || /javascript:|data:|expression\(/i.test(v)) return null;
  // Only local references in url(): clip paths and gradients of the same SVG.
  if (/url\(/i.test(v) && !/^url\(#[\w-]+\)$/.test(v)) return null;
  return `${name}="${escapeXml(v)}"`;
}

/** Sanitizes an SVG document (string) to a fragment that is safe to insert in HTML. */
export function sanitizeSvg(svg: string): string {
  const out: string[] = [];
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>|([^<]+)|(<)/g;
  let skipping: string | null = null;
  let depth = 0;
  for (const m of svg.matchAll(token)) {
    const [all, closing, name, attrs, selfClosing, text] = m;
    if (skipping) {
      if (name === skipping && !selfClosing) depth += closing ? -1 : 1;
      if (depth === 0) skipping = null;
      continue;
    }
    if (text !== undefined) { out.push(escapeXml(decodeXml(text))); continue; }
    if (!name) { if (all === '<') out.push('&lt;'); continue; }
    if (DROPPED.has(name)) { if (!closing && !selfClosing) { skipping = name; depth = 1; } continue; }
    if (!ELEMENTS.has(name)) continue;
    if (closing) { out.push(`</${name}>`); continue; }
    const kept: string[] = [];
    for (const a of (attrs ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g)) {
      const an = a[1]!;
      const av = a[2] ?? a[3] ?? '';
      if (an === 'style') {
        for (const decl of decodeXml(av).split(';')) {
          const i = decl.indexOf(':');
          const prop = decl.slice(0, i).trim().toLowerCase();
          if (i > 0 && STYLE_PROPS.has(prop)) { const s = safeAttr(prop, escapeXml(decl.slice(i + 1).trim())); if (s) kept.push(s); }
        }
        continue;
      }
      if (!ATTRIBUTES.has(an)) continue;
      const s = safeAttr(an, av);
      if (s) kept.push(s);
    }
    out.push(`<${name}${kept.length ? ' ' + kept.join(' ') : ''}${selfClosing ? '/' : ''}>`);
  }
  return out.join('').replace(/>\s+</g, '><').trim();
}
