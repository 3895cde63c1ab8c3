// SPDX-License-Identifier: EUPL-1.2
/**
 * 文字の拡大表示とコード参照 on the 個人票 (spec §2.2.3): the name's characters enlarged, each with its code points,
 * its variation selector made visible, its JIS X 0208 区点 and 水準 and how the search treats it. No script needed
 * (a details element).
 */
import { glyphsOf } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import type { Lang } from '../ui/i18n.ts';
import { registryToolsText } from './registry-tools-i18n.ts';
import { ErrorSummary, RegistryLayout, td, TextField, th } from './registry-ui.tsx';

/** The enlarged view of the parts of a name (氏, 名, 旧氏, 通称) that are set. */
export function GlyphView(p: { lang: Lang; parts: Array<['familyName' | 'givenName' | 'oldSurname' | 'alias' | 'lookup', string | null | undefined]>; open?: boolean }) {
  const t = registryToolsText(p.lang).glyphs;
  const parts = p.parts.filter(([, v]) => !!v?.trim());
  if (parts.length === 0) return null;
  return (
    <details class="mt-4" data-testid="glyph-view" open={p.open}>
      <summary class="link text-std-16B-170">{t.summary}</summary>
      <p class="mt-2 text-std-16N-170">{t.lead}</p>
      {parts.map(([part, value]) => (
        <div class="mt-4 overflow-x-auto">
          <table class="w-full table-fixed border-collapse" data-testid={`glyphs-${part}`}>
            <caption class="text-left text-std-18B-160">{t.part[part]}</caption>
            <thead><tr>
              <th scope="col" class={th}>{t.columns.glyph}</th><th scope="col" class={th}>{t.columns.codePoints}</th><th scope="col" class={th}>{t.columns.selector}</th>
              <th scope="col" class={th}>{t.columns.jis}</th><th scope="col" class={th}>{t.columns.kind}</th><th scope="col" class={th}>{t.columns.searchAs}</th>
            </tr></thead>
            <tbody>
              {glyphsOf(value!).map((g) => (
                <tr>
                  <td class={td}><span class="text-[4rem] leading-tight" lang="ja" data-testid="glyph">{g.text}</span></td>
                  <td class={`${td} font-mono`}>{g.codePoints.join(' ')}</td>
                  <td class={`${td} font-mono`}>{g.selector ? (g.selectorKind === 'ivs' ? t.ivs(g.selector) : t.svs(g.selector)) : t.noSelector}</td>
                  <td class={td}>{g.jisKuten ? t.jis(g.jisKuten, t.levels[g.jisLevel!] ?? '') : t.outsideJis}</td>
                  <td class={td}>{t.kinds[g.kind] ?? g.kind}</td>
                  <td class={td}>{g.searchAs ? t.searchAs(g.searchAs) : t.same}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </details>
  );
}

/** 文字コード参照 (/console/registry/glyphs): type characters, a code point (U+9AD9) or a JIS 区点 (1-25-66) and see them enlarged. */
export function GlyphLookupPage(p: ConsoleContext & { canReview: boolean; canChange: boolean; q: string; text?: string; notFound?: boolean }) {
  const t = registryToolsText(p.lang).glyphs;
  return (
    <RegistryLayout {...p} title={t.lookupTitle} sub="glyphs">
      <h1 class="text-std-32B-150">{t.lookupTitle}</h1>
      <p class="mt-2 max-w-4xl">{t.lookupLead}</p>
      {p.notFound ? <ErrorSummary title={t.notFound} message={t.notFoundHint} /> : null}
      <form method="get" action="/console/registry/glyphs" class="mt-4 flex flex-wrap items-end gap-4" role="search" aria-label={t.lookupTitle}>
        <TextField name="q" label={t.lookupField} value={p.q} hint={t.lookupHint} autofocus />
        <button class="button-primary" type="submit">{t.lookupSubmit}</button>
      </form>
      {p.text ? <GlyphView lang={p.lang} parts={[['lookup', p.text]]} open /> : null}
    </RegistryLayout>
  );
}
