// SPDX-License-Identifier: EUPL-1.2
/**
 * Server-rendered charts with Apache ECharts' SVG renderer (`ssr: true`, no browser, no script on the page): the
 * option is rendered to an SVG string, then sanitized (no <style>, no inline style, every text escaped again) and
 * given an accessible name. Animation is off: the SVG is final.
 */
import { createRequire } from 'node:module';
import { escapeXml, sanitizeSvg } from './svg-sanitize.ts';

/** The part of the ECharts API used here (server-side rendering to an SVG string). */
interface EChartsSsr {
  init(dom: null, theme: null, opts: { renderer: 'svg'; ssr: true; width: number; height: number; locale?: string }): {
    setOption(option: Record<string, unknown>): void; renderToSVGString(): string; dispose(): void;
  };
}
/** An ECharts option (https://echarts.apache.org/en/option.html). */
export type ChartOption = Record<string, unknown>;

// Loaded on first use: only pages with charts pay for the library.
let loaded: EChartsSsr | undefined;
const echarts = (): EChartsSsr => (loaded ??= createRequire(import.meta.url)('echarts') as EChartsSsr);

/** Japanese-first font stack of the design system (the SVG inherits no CSS). */
export const CHART_FONT = "'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";

/** Renders an ECharts option to a sanitized SVG fragment with a <title> (its accessible name). */
export function renderChartSvg(option: ChartOption, opts: { width: number; height: number; title: string }): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: opts.width, height: opts.height, locale: 'JA' });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    const svg = sanitizeSvg(chart.renderToSVGString());
    // The root: responsive width, an image with a name, the title first.
    return svg.replace(/^<svg([^>]*)>/, (_all, attrs: string) =>
      `<svg${attrs.replace(/\s(width|height)="[^"]*"/g, '')} width="100%" role="img" aria-label="${escapeXml(opts.title)}"><title>${escapeXml(opts.title)}</title>`);
  } finally {
    chart.dispose();
  }
}
