// SPDX-License-Identifier: EUPL-1.2
/**
 * The operation manual (標準仕様書 §10.5 ヘルプ機能): one page per registry console screen, written in Markdown under
 * docs/manual/<lang>/<slug>.md (Japanese, and English), served at /console/manual/<slug>. Every console page whose path
 * matches a screen gets a help link to its page (ConsoleLayout); `manual.test.ts` keeps every registry screen route
 * covered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../ui/i18n.ts';

/** The manual folder (docs/manual). */
export const MANUAL_DIR = process.env.JICHI_MANUAL_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'manual');

/** A screen of the console and its manual page. */
export interface ManualScreen {
  slug: string;
  /** The screen's paths (pathname only). */
  path: RegExp;
}

const ID = '[0-9a-fA-F-]{36}';

/** Registry screens (and the catalogue of errors and alerts), most specific first. */
export const MANUAL_SCREENS: readonly ManualScreen[] = [
  { slug: 'search', path: /^\/console\/registry\/?$/ },
  { slug: 'person', path: /^\/console\/registry\/persons\/[^/]+$/ },
  { slug: 'household', path: /^\/console\/registry\/households\/[^/]+$/ },
  { slug: 'approval', path: new RegExp(`^/console/registry/changes/${ID}/approve$`) },
  { slug: 'change-detail', path: new RegExp(`^/console/registry/changes/${ID}(/.*)?$`) },
  { slug: 'change-entry', path: /^\/console\/registry\/changes\/[a-z-]+$/ },
  { slug: 'provisional', path: /^\/console\/registry\/provisional(\/approve)?$/ },
  { slug: 'mine', path: /^\/console\/registry\/mine$/ },
  { slug: 'statistics', path: /^\/console\/registry\/statistics$/ },
  { slug: 'glyphs', path: /^\/console\/registry\/glyphs$/ },
  { slug: 'batches', path: /^\/console\/registry\/batches(\/.*)?$/ },
  { slug: 'address-changes', path: /^\/console\/registry\/address-changes(\/.*)?$/ },
  { slug: 'euc', path: /^\/console\/registry\/euc(\/.*)?$/ },
  { slug: 'immigration-notices', path: /^\/console\/registry\/immigration-notices(\/.*)?$/ },
  { slug: 'messages', path: /^\/console\/admin\/messages$/ },
];

/** The manual page of a console path (query ignored), if the screen has one. */
export function manualSlugFor(pathWithQuery: string): string | undefined {
  const pathname = pathWithQuery.split(/[?#]/)[0]!;
  return MANUAL_SCREENS.find((s) => s.path.test(pathname))?.slug;
}

/** The Markdown of a manual page in a language, or undefined (unknown slug or no file). */
export function manualSource(slug: string, lang: Lang): string | undefined {
  if (!MANUAL_SCREENS.some((s) => s.slug === slug) && slug !== 'index') return undefined;
  const file = path.join(MANUAL_DIR, lang, `${slug}.md`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** Words around the manual. */
export const MANUAL_TEXT = {
  ja: { help: 'ヘルプ（操作マニュアル）', twoFactor: '二要素認証', manual: '操作マニュアル', other: 'English', otherLang: 'en' as Lang, index: '操作マニュアルの目次', notFound: 'マニュアルのページが見つかりません' },
  en: { help: 'Help (operation manual)', twoFactor: 'Two-factor sign-in', manual: 'Operation manual', other: '日本語', otherLang: 'ja' as Lang, index: 'Contents of the manual', notFound: 'Manual page not found' },
} satisfies Record<Lang, unknown>;
