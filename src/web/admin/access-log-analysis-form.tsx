// SPDX-License-Identifier: EUPL-1.2
/**
 * 管理 → アクセスログ: the form that downloads the analysis of a period as CSV (spec §10.2: per operator × operation,
 * persons, after-hours and refused entries, flags), from GET /api/v1/access-log-analysis.
 */
import type { Lang } from '../ui/i18n.ts';
import { toWareki } from '../../platform/dates/jp-date.ts';

const TEXT = {
  ja: { title: 'アクセスログの分析（CSV）', hint: '期間を指定して、操作者・操作ごとの件数、対象者数、時間外（8時前・19時以降・土日）の件数、拒否の件数と注意（時間外・大量照会・拒否あり）をCSVで出力します。', from: '開始日', to: '終了日', dateHint: '例: 令和8年12月1日', download: 'CSVを出力' },
  en: { title: 'Access log analysis (CSV)', hint: 'For a period: entries per operator and operation, persons, after-hours entries (before 8:00, from 19:00, weekends), refused entries and flags, as CSV.', from: 'From', to: 'To', dateHint: 'e.g. 令和8年12月1日 or 2026-12-01', download: 'Download CSV' },
};

/** The analysis form; `today` (YYYY-MM-DD, Japan) fills both dates. */
export function AccessLogAnalysisForm(p: { lang: Lang; today: string }) {
  const t = TEXT[p.lang === 'en' ? 'en' : 'ja'];
  const monthStart = `${p.today.slice(0, 8)}01`;
  return (
    <section class="card mt-6" aria-labelledby="log-analysis" data-testid="log-analysis">
      <h2 id="log-analysis" class="text-std-20B-150">{t.title}</h2>
      <p class="mt-1">{t.hint}</p>
      <form method="get" action="/api/v1/access-log-analysis" class="mt-2 flex flex-wrap items-end gap-4">
        <input type="hidden" name="format" value="csv" />
        <div class="form-field"><label class="form-label" for="analysis-from">{t.from}</label><input class="form-control" type="text" inputmode="text" id="analysis-from" name="from" value={toWareki(monthStart)} aria-describedby="analysis-date-hint" required /></div>
        <div class="form-field"><label class="form-label" for="analysis-to">{t.to}</label><input class="form-control" type="text" inputmode="text" id="analysis-to" name="to" value={toWareki(p.today)} aria-describedby="analysis-date-hint" required /></div>
        <button type="submit" class="button-secondary">{t.download}</button>
        <p id="analysis-date-hint" class="w-full text-dns-16N-130">{t.dateHint}</p>
      </form>
    </section>
  );
}
