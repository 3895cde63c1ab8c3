// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { renderManual } from './markdown.ts';

describe('the manual’s Markdown reader', () => {
  it('renders headings, paragraphs, lists, tables, bold, code and site links; the first heading is the title', () => {
    const { title, html } = renderManual('# 住民検索\n\n検索します。\n次の行\n\n## Steps\n\n1. **氏名**を入力\n2. `検索` を押す\n\n- [個人票](/console/manual/person)\n\n| 項目 | 説明 |\n|---|---|\n| 氏名 | 漢字 |\n');
    expect(title).toBe('住民検索');
    expect(html).toContain('<p class="mt-3">検索します。<br>次の行</p>');
    expect(html).toContain('<h2 id="steps" class="mt-8 text-std-24B-150">Steps</h2>');
    expect(html).toContain('<li class="mt-1"><strong>氏名</strong>を入力</li><li class="mt-1"><code>検索</code> を押す</li></ol>');
    expect(html).toContain('<a class="link" href="/console/manual/person">個人票</a>');
    expect(html).toMatch(/<th scope="col"[^>]*>項目<\/th>.*<td[^>]*>漢字<\/td>/);
  });

  it('escapes HTML and keeps links to other sites and scripts as text', () => {
    const { html } = renderManual('<script>alert(1)</script> [x](https://evil.example) [y](javascript:alert(1)) "q"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="https://evil.example"');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&quot;q&quot;');
  });
});
