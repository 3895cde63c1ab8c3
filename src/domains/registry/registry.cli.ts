// SPDX-License-Identifier: EUPL-1.2
/**
 * `jichi registry import|export|generate-csv`: moving a municipality in and out with the registry CSV layout
 * (docs/registry-csv-layout.md). Progress goes to stderr (rows, rows/s, ETA; never personal data).
 * Exit codes: 0 ok, 1 failure, 2 invalid input (nothing imported; the reject report lists every rejected row).
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { openConfiguredDatabase } from '../../platform/db/open-from-config.ts';
import { isValidMunicipalityCode } from '../../platform/tenancy/municipality-code.ts';
import { createServices } from '../../services.ts';
import { createMyNumberCipher } from './numbers/my-number-cipher.ts';
import { loadMyNumberKeys } from './registry.config.ts';
import { csvLine } from './csv/registry-csv-format.ts';
import { csvText } from '../../platform/csv/csv-cell.ts';
import { operatorId } from '../../platform/audit/batch-access.ts';
import { generateRegistryCsv } from './csv/registry-csv-generate.ts';
import { createRegistryCsvService, CsvImportRefused } from './csv/registry-csv.service.ts';
import { RegistryRuleError } from './registry-errors.ts';
import { CONSUMER_SCOPES, FEED_CONSUMER_KINDS, FEED_SCOPE_LABELS, type FeedConsumerKind } from './feed/feed-items.ts';
import { createFileJukinetAdapter } from './jukinet/jukinet-adapter.ts';
import { AddressMasterFileError } from './addresses/address-master.ts';

const EXIT_FAILURE = 1;
const EXIT_INVALID_INPUT = 2;

class Refused extends Error {
  constructor(message: string, readonly exitCode: number) { super(message); }
}

/** A one-line progress display on stderr, redrawn at most 5 times a second (a new line every 10 s when not a TTY). */
function progressBar(label: string) {
  const started = performance.now();
  let lastDraw = 0;
  const tty = process.stderr.isTTY;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const clock = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  return {
    update(done: number, total?: number, unit = '行', force = false) {
      const now = performance.now();
      if (!force && now - lastDraw < (tty ? 200 : 10_000)) return;
      lastDraw = now;
      const secs = (now - started) / 1000;
      const rate = secs > 0 ? done / secs : 0;
      const width = 24;
      const frac = total ? Math.min(1, done / total) : 0;
      const bar = total ? `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(1).padStart(5)}% ` : '';
      const eta = total && rate > 0 ? ` 残り ${clock((total - done) / rate)}` : '';
      const text = `${label} ${bar}${fmt(done)}${total ? `/${fmt(total)}` : ''} ${unit} ${fmt(Math.round(rate))} ${unit}/秒${eta}`;
      process.stderr.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
    },
    done() { if (tty) process.stderr.write('\n'); },
  };
}

async function withCsv<T>(municipality: string, fn: (csv: ReturnType<typeof createRegistryCsvService>) => Promise<T>): Promise<T> {
  if (!isValidMunicipalityCode(municipality)) throw new Refused(`全国地方公共団体コードが正しくありません: ${municipality}`, EXIT_INVALID_INPUT);
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const tenants = await createServices(db, config).tenants.list();
    if (!tenants.some((t) => t.municipalityCode === municipality)) throw new Refused(`自治体 ${municipality} は登録されていません（jichi tenant add ${municipality}）`, EXIT_INVALID_INPUT);
    return await fn(createRegistryCsvService({ db, cipher: createMyNumberCipher(loadMyNumberKeys(process.env)), clock: systemClock }));
  } finally {
    await db.close();
  }
}

/** Runs `fn` with the registry service of a registered municipality. */
async function withRegistry<T>(municipality: string, fn: (registry: ReturnType<typeof createServices>['registry'], served: boolean) => Promise<T>, opts: { anyMunicipality?: boolean } = {}): Promise<T> {
  if (!isValidMunicipalityCode(municipality)) throw new Refused(`全国地方公共団体コードが正しくありません: ${municipality}`, EXIT_INVALID_INPUT);
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const services = createServices(db, config);
    const served = (await services.tenants.list()).some((t) => t.municipalityCode === municipality);
    if (!served && !opts.anyMunicipality) throw new Refused(`自治体 ${municipality} は登録されていません（jichi tenant add ${municipality}）`, EXIT_INVALID_INPUT);
    return await fn(services.registry, served);
  } catch (err) {
    if (err instanceof RegistryRuleError) throw new Refused(`${err.title}（${err.code}）`, EXIT_INVALID_INPUT);
    throw err;
  } finally {
    await db.close();
  }
}

/** Runs a command body; refusals print one Japanese message and set the exit code. */
async function guarded(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof Refused) {
      process.stderr.write(`エラー: ${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof CsvImportRefused) {
      process.stderr.write(`エラー: ${err.message}\n`);
      process.exitCode = EXIT_INVALID_INPUT;
      return;
    }
    throw err;
  }
}

/** A file writer that respects back-pressure. */
function fileWriter(file: string) {
  const out = fs.createWriteStream(file);
  return {
    async write(s: string) { if (!out.write(s)) await once(out, 'drain'); },
    async close() { out.end(); await once(out, 'finish'); },
  };
}

/** Registers `jichi registry …`. */
export function registerRegistryCommands(program: Command): void {
  const registry = program.command('registry').description('住民記録 / resident registry: CSV の取込・出力 (docs/registry-csv-layout.md)');

  registry.command('import')
    .description('CSV を取り込む（全件検査し、誤りが1行でもあれば何も取り込まない。中断しても --resume で続きから） / import a CSV file')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .requiredOption('--input <file>', '取り込む CSV（UTF-8、docs/registry-csv-layout.md の形式）')
    .option('--report <file>', '不備のある行の報告（CSV: 行番号,列,理由）の出力先（既定: <input>.rejects.csv）')
    .option('--resume', '中断した取込を、最後に確定したバッチの次から再開する')
    .option('--append', '既に住民がいる自治体に追加で取り込む（宛名番号・世帯番号・個人番号・住民票コード・在留カード番号の重複を検査）')
    .option('--batch-size <rows>', '1バッチ（1トランザクション）の行数の目安', '5000')
    .option('--purpose <text>', '利用目的（アクセスログに記録）', '住民記録の移行（CSV取込）')
    .action((opts: { municipality: string; input: string; report?: string; resume?: boolean; append?: boolean; batchSize: string; purpose: string }) => guarded(async () => {
      if (!fs.existsSync(opts.input)) throw new Refused(`ファイルがありません: ${opts.input}`, EXIT_INVALID_INPUT);
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Refused('--batch-size は正の整数で指定してください', EXIT_INVALID_INPUT);
      const reportFile = opts.report ?? `${opts.input}.rejects.csv`;
      const size = fs.statSync(opts.input).size;
      await withCsv(opts.municipality, async (csv) => {
        const report = fs.openSync(reportFile, 'w');
        fs.writeSync(report, csvLine(['行番号', '列', '理由']));
        const check = progressBar('検査');
        const load = progressBar('取込');
        let phase = 'validate' as 'validate' | 'import';
        try {
          const r = await csv.importCsv(opts.municipality, () => fs.createReadStream(opts.input, { highWaterMark: 1 << 20 }), {
            fileName: opts.input, resume: opts.resume, append: opts.append, batchSize, operatorId: `cli:${operatorId()}`, purpose: opts.purpose,
            onProblem: (p) => { fs.writeSync(report, `${[p.line, p.column, p.reason].map(csvText).join(',')}\r\n`); },
            onProgress: (p) => {
              if (p.phase === 'validate') check.update(p.bytes ?? 0, size, 'バイト');
              else {
                if (phase === 'validate') { check.update(size, size, 'バイト', true); check.done(); phase = 'import'; process.stderr.write(`検査を終え、取込を始めました / validated, importing: ${(p.totalRows ?? 0).toLocaleString('en-US')} 行\n`); }
                load.update(p.rows, p.totalRows);
              }
            },
          });
          if (phase === 'import') { load.update(r.rows, r.rows, '行', true); load.done(); }
          process.stdout.write(`取り込みました / imported: ${r.rows.toLocaleString('en-US')} 行（今回 ${r.written.toLocaleString('en-US')} 行${r.resumedFrom ? `、${r.resumedFrom.toLocaleString('en-US')} 行目の次から再開` : ''}）, ${r.batches} バッチ, ${Math.round(r.written / Math.max(0.001, r.loadMs / 1000)).toLocaleString('en-US')} 行/秒, sha256 ${r.sha256}\n`);
        } catch (err) {
          if (phase === 'validate') check.done();
          if (err instanceof CsvImportRefused && err.code === 'rejected-rows') {
            throw new CsvImportRefused(`${err.message}。報告: ${reportFile}`, err.code);
          }
          throw err;
        } finally {
          fs.closeSync(report);
        }
      });
    }));

  registry.command('export')
    .description('住民記録を CSV に書き出す（現在又は指定日時点） / export the registry as CSV')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .requiredOption('--output <file>', '出力する CSV')
    .option('--as-of <date>', 'この日（YYYY-MM-DD）時点の記録を出力する')
    .option('--include-removed', '除票（転出・死亡等で消除された住民）も出力する')
    .requiredOption('--purpose <text>', '利用目的（必須、アクセスログに記録。例: 「標準準拠システムへの移行」）')
    .option('--include-my-number', '個人番号を出力する（特定個人情報。指定しなければ個人番号の列は空）')
    .action((opts: { municipality: string; output: string; asOf?: string; includeRemoved?: boolean; purpose: string; includeMyNumber?: boolean }) => guarded(async () => {
      if (!opts.purpose.trim()) throw new Refused('--purpose に利用目的を指定してください', EXIT_INVALID_INPUT);
      if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new Refused('--as-of は YYYY-MM-DD で指定してください', EXIT_INVALID_INPUT);
      await withCsv(opts.municipality, async (csv) => {
        const out = fileWriter(opts.output);
        const bar = progressBar('出力');
        const r = await csv.exportCsv(opts.municipality, (s) => out.write(s), {
          asOf: opts.asOf, includeRemoved: opts.includeRemoved, includeMyNumber: opts.includeMyNumber, purpose: opts.purpose.trim(), operatorId: `cli:${operatorId()}`,
          onProgress: (n, t) => bar.update(n, t),
        });
        await out.close();
        bar.update(r.rows, r.rows, '行', true);
        bar.done();
        process.stdout.write(`書き出しました / exported: ${r.rows.toLocaleString('en-US')} 行 → ${opts.output}\n`);
      });
    }));

  const consumers = registry.command('consumers').description('変更フィードの連携先（税・国保・介護・選挙等の標準準拠システム） / change-feed consumers');
  consumers.command('add')
    .description('連携先を登録し、連携用トークンを一度だけ表示する / register a consumer and print its token once')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .requiredOption('--name <name>', '連携先の名前（英小文字・数字・ハイフン、例 tax）')
    .requiredOption('--purpose <text>', '利用目的（アクセスログに記録）')
    .option('--scopes <list>', `提供する項目群（カンマ区切り）: ${CONSUMER_SCOPES.join(',')}`, 'basic')
    .option('--kind <kind>', `連携先の種別: ${FEED_CONSUMER_KINDS.join(',')}（個人番号は団体内統合宛名だけ）`, 'standard')
    .action((opts: { municipality: string; name: string; purpose: string; scopes: string; kind: string }) => guarded(async () => {
      const scopes = opts.scopes.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = scopes.filter((x) => !(CONSUMER_SCOPES as readonly string[]).includes(x));
      if (bad.length > 0) throw new Refused(`提供項目群が正しくありません: ${bad.join(',')}（${CONSUMER_SCOPES.join(',')}）`, EXIT_INVALID_INPUT);
      if (!(FEED_CONSUMER_KINDS as readonly string[]).includes(opts.kind)) throw new Refused(`連携先の種別が正しくありません: ${opts.kind}（${FEED_CONSUMER_KINDS.join(',')}）`, EXIT_INVALID_INPUT);
      const r = await withRegistry(opts.municipality, (reg) => reg.feedConsumersAsOperator.add(opts.municipality, `cli:${operatorId()}`,
        { name: opts.name, kind: opts.kind as FeedConsumerKind, purpose: opts.purpose, scopes }));
      process.stdout.write(`登録しました / added: ${r.consumer.name}（${r.consumer.scopes.map((x) => FEED_SCOPE_LABELS[x as keyof typeof FEED_SCOPE_LABELS]).join('、')}）\n`);
      process.stdout.write(`連携用トークン（再表示できません） / token (shown once): ${r.token}\n`);
    }));
  consumers.command('list')
    .description('連携先の一覧 / list consumers')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .action((opts: { municipality: string }) => guarded(async () => {
      const items = await withRegistry(opts.municipality, (reg) => reg.feedConsumersAsOperator.list(opts.municipality));
      process.stdout.write(csvLine(['名前', '種別', '利用目的', '提供項目群', '登録者', '登録日時', '失効日時']));
      for (const c of items) process.stdout.write(csvLine([c.name, c.kind, c.purpose, c.scopes.join(' '), c.createdBy, c.createdAt, c.revokedAt ?? ''].map(csvText)));
    }));
  consumers.command('revoke')
    .description('連携先を失効させる（トークンは直ちに使えなくなる） / revoke a consumer')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .requiredOption('--name <name>', '連携先の名前')
    .action((opts: { municipality: string; name: string }) => guarded(async () => {
      const c = await withRegistry(opts.municipality, (reg) => reg.feedConsumersAsOperator.revoke(opts.municipality, `cli:${operatorId()}`, opts.name));
      process.stdout.write(`失効させました / revoked: ${c.name}\n`);
    }));

  const jukinet = registry.command('jukinet').description('住基ネット（CS）への通知の送信箱 / the 住基ネット outbox');
  const printStatus = (s: { mode: string; pending: number; failed: number; sent: number; lastError: string | null; residentCodesFree: number; stockAlertThreshold: number; stockLow: boolean }) => {
    process.stdout.write(`送信モード: ${s.mode === 'auto' ? '自動' : '手動'} / 未送信 ${s.pending} 件・送信失敗 ${s.failed} 件・送信済み ${s.sent} 件\n`);
    if (s.lastError) process.stdout.write(`最初の送信失敗: ${s.lastError}\n`);
    process.stdout.write(`住民票コード在庫: ${s.residentCodesFree} 件（基準 ${s.stockAlertThreshold} 件${s.stockLow ? '、基準を下回っています。追加の払出しを依頼してください' : ''}）\n`);
  };
  jukinet.command('status').description('送信箱と住民票コード在庫の状況 / outbox and stock status')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .action((opts: { municipality: string }) => guarded(async () => printStatus(await withRegistry(opts.municipality, (reg) => reg.jukinetStatus(opts.municipality)))));
  jukinet.command('send').description('未送信の通知を順に送る（手動モードでの送信・失敗後の再試行） / send now, in order')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .action((opts: { municipality: string }) => guarded(async () => {
      const r = await withRegistry(opts.municipality, (reg) => reg.sendJukinet(opts.municipality, createFileJukinetAdapter(loadConfig().jukinetDir)));
      process.stdout.write(`送信しました / sent: ${r.sent} 件、残り ${r.remaining} 件\n`);
      if (r.failed) throw new Refused(`送信に失敗したため、順序を守って停止しました: ${r.failed}`, EXIT_FAILURE);
    }));
  jukinet.command('mode').description('送信モード（auto: 定期送信、manual: 手動でのみ送信） / sending mode')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .option('--manual', '手動モードにする').option('--auto', '自動モードにする')
    .option('--stock-alert-threshold <n>', '住民票コード在庫の警告基準（件）')
    .action((opts: { municipality: string; manual?: boolean; auto?: boolean; stockAlertThreshold?: string }) => guarded(async () => {
      if (opts.manual && opts.auto) throw new Refused('--manual と --auto は同時に指定できません', EXIT_INVALID_INPUT);
      const threshold = opts.stockAlertThreshold === undefined ? undefined : Number(opts.stockAlertThreshold);
      if (threshold !== undefined && (!Number.isInteger(threshold) || threshold < 0)) throw new Refused('--stock-alert-threshold は0以上の整数で指定してください', EXIT_INVALID_INPUT);
      printStatus(await withRegistry(opts.municipality, (reg) => reg.setJukinetLink(opts.municipality, `cli:${operatorId()}`,
        { mode: opts.manual ? 'manual' : opts.auto ? 'auto' : undefined, stockAlertThreshold: threshold })));
    }));
  jukinet.command('resend').description('指定した番号以降の通知を再送の対象に戻す / mark messages for resending')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .requiredOption('--from <seq>', 'この連携番号（変更フィードの番号）以降')
    .action((opts: { municipality: string; from: string }) => guarded(async () => {
      if (!/^\d{1,15}$/.test(opts.from)) throw new Refused('--from は番号で指定してください', EXIT_INVALID_INPUT);
      const r = await withRegistry(opts.municipality, (reg) => reg.resendJukinet(opts.municipality, `cli:${operatorId()}`, Number(opts.from)));
      process.stdout.write(`再送の対象にしました / marked: ${r.marked} 件\n`);
    }));
  registry.command('resident-codes').description('住民票コードの在庫（住基ネットからの払出し） / resident code stock')
    .command('load').description('払出しを受けた住民票コード（1行に1コード）を在庫に登録する / load allotted codes')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .requiredOption('--input <file>', '住民票コードのファイル（11桁、1行に1コード）')
    .requiredOption('--allotted-on <date>', '払出しの日（YYYY-MM-DD）')
    .action((opts: { municipality: string; input: string; allottedOn: string }) => guarded(async () => {
      if (!fs.existsSync(opts.input)) throw new Refused(`ファイルがありません: ${opts.input}`, EXIT_INVALID_INPUT);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.allottedOn)) throw new Refused('--allotted-on は YYYY-MM-DD で指定してください', EXIT_INVALID_INPUT);
      const codes = fs.readFileSync(opts.input, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      const r = await withRegistry(opts.municipality, (reg) => reg.loadResidentCodes(opts.municipality, codes, opts.allottedOn, `cli:${operatorId()}`));
      if (r.invalid > 0) throw new Refused(`検査数字の合わない住民票コードが ${r.invalid} 件あります。何も登録していません`, EXIT_INVALID_INPUT);
      process.stdout.write(`登録しました / loaded: ${r.added} 件（既にあったものを除く）\n`);
    }));

  registry.command('addresses').description('住所マスター（町字・郵便番号） / address masters')
    .command('load').description('町字マスター（ABR 町字マスター CSV 又は Geolonia 住所データ JSON）と郵便番号（KEN_ALL.CSV）を取り込む。再取込では無くなった町字を廃止扱いにする / load the 町字 and postal codes')
    .requiredOption('--municipality <code>', '全国地方公共団体コード（6桁）')
    .requiredOption('--towns <file>', '町字ファイル（mt_town_*.csv 又は 住所データ JSON）')
    .option('--postal <file>', '郵便番号ファイル（KEN_ALL.CSV の UTF-8 版、又は postal_code,area_name,area_kana）')
    .action((opts: { municipality: string; towns: string; postal?: string }) => guarded(async () => {
      for (const f of [opts.towns, opts.postal]) if (f !== undefined && !fs.existsSync(f)) throw new Refused(`ファイルがありません: ${f}`, EXIT_INVALID_INPUT);
      const files = { towns: fs.readFileSync(opts.towns, 'utf8'), postal: opts.postal === undefined ? undefined : fs.readFileSync(opts.postal, 'utf8'), source: opts.towns.split(/[\\/]/).pop()! };
      const r = await withRegistry(opts.municipality, async (reg, served) => {
        try {
          // A municipality not served here goes into the national dictionary only (本籍・転入前住所・転出先, spec §1.3.3).
          return served ? await reg.loadAddressMaster(opts.municipality, files, `cli:${operatorId()}`) : await reg.loadNationalAddresses(opts.municipality, files);
        } catch (e) {
          if (e instanceof AddressMasterFileError) throw new Refused(`${e.message}。何も取り込んでいません`, EXIT_INVALID_INPUT);
          throw e;
        }
      }, { anyMunicipality: true });
      process.stdout.write(`取り込みました / loaded: 町字 ${r.towns} 件（郵便番号あり ${r.withPostalCode}、読みあり ${r.withKana}）、廃止扱い ${r.abolished} 件、郵便番号 ${r.postalCodes} 件\n`);
    }));

  registry.command('generate-csv')
    .description('デモ用の大きな CSV を生成する（決定的: 同じ指定なら同じ内容） / generate a large demo CSV')
    .requiredOption('--persons <n>', '住民数（おおよそ、除票を除く）')
    .requiredOption('--output <file>', '出力する CSV')
    .option('--municipality <code>', '町字一覧を使う自治体', '202151')
    .option('--seed <text>', '乱数の種', 'jichi-csv')
    .option('--as-of <date>', '生成する履歴の基準日（YYYY-MM-DD）', '2026-04-01')
    .option('--no-removed', '除票を含めない')
    .action((opts: { persons: string; output: string; municipality: string; seed: string; asOf: string; removed: boolean }) => guarded(async () => {
      const persons = Number(opts.persons);
      if (!Number.isInteger(persons) || persons < 1) throw new Refused('--persons は正の整数で指定してください', EXIT_INVALID_INPUT);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new Refused('--as-of は YYYY-MM-DD で指定してください', EXIT_INVALID_INPUT);
      const out = fileWriter(opts.output);
      const bar = progressBar('生成');
      let bytes = 0;
      try {
        const gen = generateRegistryCsv({ municipalityCode: opts.municipality, persons, seed: opts.seed, asOf: opts.asOf, includeRemoved: opts.removed });
        let step = gen.next();
        while (!step.done) { bytes += Buffer.byteLength(step.value); await out.write(step.value); bar.update(bytes, undefined, 'バイト'); step = gen.next(); }
        await out.close();
        bar.done();
        process.stdout.write(`生成しました / generated: ${step.value.rows.toLocaleString('en-US')} 行, ${bytes.toLocaleString('en-US')} バイト → ${opts.output}\n`);
      } catch (err) {
        if (err instanceof Error && /no 町字 list/.test(err.message)) throw new Refused(`町字一覧のない自治体です: ${opts.municipality}`, EXIT_INVALID_INPUT);
        throw err;
      }
    }));
}
