// SPDX-License-Identifier: EUPL-1.2
/**
 * Small server-rendered SVG charts (no script, no inline style: the CSP allows neither): a bar chart with labels and
 * values, readable in Japanese, with a title and a text alternative for screen readers.
 */

/** One bar. */
export interface Bar { label: string; value: number; text: string }

/** A bar chart; `title` is also its accessible name. */
export function BarChart(p: { title: string; bars: Bar[]; width?: number; height?: number; testId?: string }) {
  const width = p.width ?? 640;
  const height = p.height ?? 220;
  const top = 28, bottom = 28, left = 8;
  const max = Math.max(1, ...p.bars.map((b) => b.value));
  const slot = (width - left * 2) / Math.max(1, p.bars.length);
  const barW = Math.max(4, Math.min(48, slot * 0.6));
  const plotH = height - top - bottom;
  return (
    <figure class="mt-4" data-testid={p.testId}>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={p.title} class="max-w-3xl">
        <title>{p.title}</title>
        <line x1={left} y1={height - bottom} x2={width - left} y2={height - bottom} stroke="#767676" stroke-width="1" />
        {p.bars.map((b, i) => {
          const h = (b.value / max) * plotH;
          const x = left + slot * i + (slot - barW) / 2;
          const y = height - bottom - h;
          return (
            <g>
              <rect x={x.toFixed(1)} y={y.toFixed(1)} width={barW.toFixed(1)} height={h.toFixed(1)} fill="#0017c1" />
              <text x={(x + barW / 2).toFixed(1)} y={(y - 6).toFixed(1)} text-anchor="middle" font-size="12" fill="#1a1a1a">{b.text}</text>
              <text x={(x + barW / 2).toFixed(1)} y={(height - 8).toFixed(1)} text-anchor="middle" font-size="12" fill="#333">{b.label}</text>
            </g>
          );
        })}
      </svg>
      <figcaption class="text-dns-16N-130 mt-1">{p.title}</figcaption>
    </figure>
  );
}
