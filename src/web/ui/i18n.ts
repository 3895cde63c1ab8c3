// SPDX-License-Identifier: EUPL-1.2
/** UI language: Japanese by default, English when the `lang` cookie says so. */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { en } from './en.ts';
import { ja, type Dictionary } from './ja.ts';

export type { Dictionary } from './ja.ts';

/** Languages of the UI. */
export type Lang = 'ja' | 'en';

/** Name of the cookie that keeps the chosen language. */
export const LANG_COOKIE = 'lang';

const dictionaries: Record<Lang, Dictionary> = { ja, en };

/** The dictionary of a language. */
export function dictionary(lang: Lang): Dictionary {
  return dictionaries[lang];
}

/** The UI language of a request (the `lang` cookie; Japanese unless it says `en`). */
export function requestLang(c: Context): Lang {
  return getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'ja';
}
