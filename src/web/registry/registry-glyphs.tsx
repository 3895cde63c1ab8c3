// SPDX-License-Identifier: EUPL-1.2
/**
 * 文字の拡大表示とコード参照 on the 個人票 (spec §2.2.3): the name's characters enlarged, each with its code points,
 * its variation selector made visible, its JIS X 0208 区点 and 水準 and how the search treats it. No script needed
 * (a details element).
 */
import { glyphsOf } from '../../domains/registry/index.ts';
import type { Lang } from '../ui/i18n.ts';
import { registryToolsText } from './registry-tools-i18n.ts';
import { td, th } from './registry-ui.tsx';

/** The enlarged view of the parts of a name (氏, 名, 旧氏, 通称) that are set. */
export function GlyphView(p: { lang: Lang; parts: Array<['familyName' | 'givenName' | 'oldSurname' | 'alias', string | null | undefined]> }) {
  const t = registryToolsText(p.lang).glyphs;
  const parts = p.parts.filter(([, v]) => !!v?.trim());
  if (parts.length === 0) return null;
  return (
    <details class="mt-4" data-testid="glyph-view">
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
