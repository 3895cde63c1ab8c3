// SPDX-License-Identifier: EUPL-1.2
/**
 * `jichi insights …`: refresh the daily aggregates now (the periodic task `insights_refresh` does it every night), and
 * generate the demo municipalities with a year of activity. Exit codes: 0 ok, 1 failure, 2 invalid input.
 */
import type { Command } from 'commander';
import { CliError, withServices } from '../../cli/platform.commands.ts';
import { japanDay, isCalendarDate, addDays } from '../../platform/dates/jp-date.ts';
import { runInsightsDemo, pickDemoMunicipalities } from './insights-demo.ts';

const print = (s: string) => process.stdout.write(`${s}\n`);
const positive = (v: string, what: string) => {
  if (!/^\d+$/.test(v) || Number(v) <= 0) throw new CliError(`${what}は1以上の整数で指定してください`, 2);
  return Number(v);
};

/** Registers `jichi insights`. */
export function registerInsightsCommands(program: Command): void {
  const insights = program.command('insights').description('見える化 / insights: daily aggregates, peers, demo data');
  insights.command('refresh').description('集計を今すぐ更新する / recompute the daily aggregates, peers and survey results now')
    .option('--from <day>', 'この日（YYYY-MM-DD）以降を再計算（既定: 前月1日）')
    .action(async (o: { from?: string }) => {
      if (o.from !== undefined && !isCalendarDate(o.from)) throw new CliError('--from は YYYY-MM-DD の日付で指定してください', 2);
      await withServices(async (s) => {
        const started = Date.now();
        const r = await s.insights.refresh({ fromDay: o.from });
        print(`${r.municipalities} 団体、${r.facts} 件の案件を集計しました（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
      });
    });
  insights.command('demo').description('デモ用の団体と1年分の案件・窓口データを生成する / generate demo municipalities with a year of activity')
    .option('--count <n>', '団体数（塩尻市を含む）', '36')
    .option('--days <n>', '日数', '365')
    .option('--seed <text>', '乱数の種（同じ種なら同じデータ）', 'jichi-demo')
    .option('--all', '全国1,741団体（ベンチマーク用）')
    .action(async (o: { count: string; days: string; seed: string; all?: boolean }) => {
      const count = positive(o.count, '--count');
      const days = positive(o.days, '--days');
      await withServices(async (s) => {
        const endDay = addDays(japanDay(s.clock.now()), -1);
        const municipalities = pickDemoMunicipalities({ count, seed: o.seed, all: o.all });
        const r = await runInsightsDemo(s, { endDay, days, seed: o.seed, municipalities,
          onProgress: (done, total) => { if (done % 10 === 0 || done === total) process.stderr.write(`${done}/${total}\n`); } });
        print(`${r.municipalities} 団体、${r.cases} 件の案件を生成し、集計しました`);
      });
    });
}
