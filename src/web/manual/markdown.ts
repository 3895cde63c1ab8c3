// SPDX-License-Identifier: EUPL-1.2
/**
 * A small Markdown reader for the operation manual (docs/manual): headings, paragraphs, bullet and numbered lists,
 * tables, **bold**, `code` and links. Everything is HTML-escaped first; links go only to this site (a path or
 * an anchor). The manual is written by the project, but escaping keeps a slip from becoming markup.
 */

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline markup of one escaped line. */
function inline(text: string): string {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(((?:\/|#)[^)\s]*)\)/g, '<a class="link" href="$2">$1</a>');
}

/** A slug for a heading's id (ASCII letters and digits kept; Japanese headings get their number). */
const slug = (text: string, n: number) => (text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `s${n}`);

/** Renders the manual's Markdown to HTML, and returns the first heading as the title. */
export function renderManual(markdown: string): { title: string; html: string } {
  const out: string[] = [];
  let title = '';
  let para: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
  let table: string[][] | undefined;
  let headings = 0;
  const flush = () => {
    if (para.length) out.push(`<p class="mt-3">${para.map(inline).join('<br>')}</p>`);
    para = [];
    if (list) out.push(`<${list.tag} class="mt-3 ${list.tag === 'ul' ? 'list-disc' : 'list-decimal'} pl-6">${list.items.map((i) => `<li class="mt-1">${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = undefined;
    if (table) {
      const [head, ...rows] = table.filter((r) => !r.every((c) => /^:?-+:?$/.test(c)));
      const th = 'border-b-2 border-solid-gray-536 px-3 py-2 text-left';
      const td = 'border-b border-solid-gray-420 px-3 py-2 align-top';
      out.push(`<table class="mt-3 border-collapse"><thead><tr>${(head ?? []).map((c) => `<th scope="col" class="${th}">${inline(c)}</th>`).join('')}</tr></thead>`
        + `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td class="${td}">${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    }
    table = undefined;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const h = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    if (!line.trim()) { flush(); continue; }
    if (h) {
      flush();
      const level = h[1]!.length;
      const text = h[2]!;
      if (level === 1 && !title) { title = text; continue; }
      headings++;
      out.push(`<h${level} id="${slug(text, headings)}" class="mt-8 ${level === 2 ? 'text-std-24B-150' : 'text-std-20B-150'}">${inline(text)}</h${level}>`);
    } else if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (para.length || table || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (/^\|.*\|$/.test(line.trim())) {
      if (para.length || list) flush();
      table ??= [];
      table.push(line.trim().slice(1, -1).split('|').map((c) => c.trim()));
    } else {
      if (list || table) flush();
      para.push(line.trim());
    }
  }
  flush();
  return { title, html: out.join('\n') };
}
