// SPDX-License-Identifier: EUPL-1.2
/** The HTML document every page shares: head, skip link, header slot, footer. */
import type { Child } from 'hono/jsx';
import { assetUrl } from './static-files.ts';
import type { Dictionary, Lang } from './i18n.ts';

/** What the shell needs to know about the page. */
export interface ShellProps {
  lang: Lang;
  t: Dictionary;
  /** The page's own title; the document title becomes "<title> | Jichi <municipality>". */
  title: string;
  /** Municipality name for the title (when the page belongs to one). */
  municipalityName?: string;
  header: Child;
  /** Full-width footer (the console) instead of the centred column of public pages. */
  wide?: boolean;
  children?: Child;
}

/** The document title: "<page> | Jichi <municipality>". */
export function documentTitle(title: string, municipalityName?: string): string {
  return `${title} | Jichi${municipalityName ? ` ${municipalityName}` : ''}`;
}

/** The HTML document around a page. */
export function PageShell(props: ShellProps) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(props.title, props.municipalityName)}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <script src={assetUrl('app.js')} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">{props.t.skipToContent}</a>
        {props.header}
        {props.children}
        <footer class="mt-auto border-t border-solid-gray-420 bg-solid-gray-50">
          <p class={`${props.wide ? '' : 'mx-auto max-w-6xl '}px-4 py-6 text-dns-14N-130 text-solid-gray-700 md:px-6`}>{props.t.footer}</p>
        </footer>
      </body>
    </html>
  );
}

/** The link that switches the UI language and comes back to the same page. */
export function LanguageSwitch(props: { lang: Lang; t: Dictionary; currentPath: string }) {
  const other: Lang = props.lang === 'ja' ? 'en' : 'ja';
  return (
    <a class="link text-dns-16N-130" href={`/lang/${other}?next=${encodeURIComponent(props.currentPath)}`}
      lang={other} hreflang={other}>
      {props.t.languageSwitch}
    </a>
  );
}

/** The product mark: "Jichi 自治" with an optional subtitle. */
export function Brand(props: { t: Dictionary; href: string; subtitle?: string }) {
  return (
    <a href={props.href} class="flex items-baseline gap-3 text-solid-gray-900 no-underline hover:underline">
      <span class="text-std-24B-150 text-blue-900">Jichi<span class="ml-1 text-std-20B-150">自治</span></span>
      {props.subtitle ? <span class="text-dns-16N-130 text-solid-gray-700">{props.subtitle}</span> : null}
    </a>
  );
}

/** Header of public pages (login, resident portal): brand and language switch. */
export function PublicHeader(props: { lang: Lang; t: Dictionary; currentPath: string; subtitle?: string }) {
  return (
    <header class="border-b border-solid-gray-420 bg-white">
      <div class="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 md:px-6">
        <Brand t={props.t} href="/portal" subtitle={props.subtitle ?? props.t.appTagline} />
        <LanguageSwitch lang={props.lang} t={props.t} currentPath={props.currentPath} />
      </div>
    </header>
  );
}
