// SPDX-License-Identifier: EUPL-1.2
/** Operator sub-commands: serve, migrate, tenant, user, backup, restore, audit. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { checkpointKey, newestCheckpointFile, readCheckpoint, signCheckpoint } from '../platform/audit/checkpoint.ts';
import { loadConfig } from '../platform/config.ts';
import { deleteTenantData, TenantDeletionRefused } from '../platform/backup/tenant-deletion.ts';
import { japanDay } from '../platform/dates/jp-date.ts';
import { openConfiguredDatabase } from '../platform/db/open-from-config.ts';
import { DomainError, ValidationError } from '../platform/http/errors.ts';
import { createServices } from '../services.ts';
import { BackupInvalidError, writeBackup, restoreBackup, verifyBackup } from '../platform/backup/backup.ts';

/** An error whose message is already for people, with the exit code to use. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) { super(message); }
}

export async function withServices<T>(fn: (s: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const services = createServices(db, config);
    await services.tenants.loadReferenceData();
    return await fn(services);
  } catch (err) {
    if (err instanceof ValidationError) throw new CliError(err.invalidParams.map((p) => `${p.name}: ${p.reason}`).join('\n'), 2);
    if (err instanceof DomainError) throw new CliError(`${err.title} [${err.code}]`, err.status === 409 ? 1 : 2);
    throw err;
  } finally {
    await db.close();
  }
}

const print = (s: string) => process.stdout.write(`${s}\n`);

/** Registers the platform commands. */
export function registerPlatformCommands(program: Command): void {
  program.command('serve').description('サーバーを起動する / start the server (PORT, HOST, DATABASE_URL)')
    .option('--role <role>', 'all (既定: 職員と住民) / public (インターネット側: 住民ポータル・手続案内・照合のみ、DATABASE_PUBLIC_URL)')
    .action(async (opts: { role?: string }) => {
      const { startServer } = await import('../main.ts');
      if (opts.role && opts.role !== 'all' && opts.role !== 'public') throw new Error(`unknown role: ${opts.role} (all, public)`);
      const running = await startServer({ ...loadConfig(), ...(opts.role ? { role: opts.role as 'all' | 'public' } : {}) });
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => { void running.stop().then(() => process.exit(0)); });
    });

  program.command('migrate').description('データベースを最新のスキーマにする / apply pending migrations')
    .action(async () => {
      const config = loadConfig();
      const db = await openConfiguredDatabase(config);
      try {
        const services = createServices(db, config);
        const n = await services.tenants.loadReferenceData();
        print(db.applied.length ? `適用しました / applied:\n${db.applied.map((m) => `  ${m}`).join('\n')}` : '適用待ちのマイグレーションはありません / nothing to apply');
        print(`全国地方公共団体コード: ${n} 件`);
      } finally {
        await db.close();
      }
    });

  const tenant = program.command('tenant').description('自治体（テナント）の管理 / municipalities served');
  tenant.command('add <code>').description('自治体を登録する（全国地方公共団体コード6桁） / onboard a municipality')
    .option('--mayor <name>', '市区町村長名（証明書に印字）')
    .action(async (code: string, opts: { mayor?: string }) => {
      await withServices(async (s) => {
        const t = await s.tenants.onboard(code, opts.mayor ? { mayorName: opts.mayor } : {});
        print(`登録しました / onboarded: ${t.prefectureName}${t.name} (${t.municipalityCode}, ${t.class})`);
      });
    });
  tenant.command('list').description('登録済みの自治体 / list onboarded municipalities').option('--json', 'JSON で出力')
    .action(async (opts: { json?: boolean }) => {
      await withServices(async (s) => {
        const list = await s.tenants.list();
        if (opts.json) return print(JSON.stringify(list.map(({ settings: _s, ...t }) => t), null, 2));
        if (list.length === 0) return print('登録済みの自治体はありません');
        for (const t of list) print(`${t.municipalityCode}  ${t.prefectureName}${t.name}  ${t.class}`);
      });
    });

  tenant.command('export').description('1自治体のデータだけを書き出す / export one municipality (all its tables, access log included)')
    .requiredOption('--municipality <code>', '全国地方公共団体コード')
    .requiredOption('-o, --output <file>', '出力ファイル')
    .option('--purpose <text>', '利用目的（アクセスログに記録）', '自治体単位のバックアップ')
    .action(async (opts: { municipality: string; output: string; purpose: string }) => {
      await withServices(async (s) => {
        if (!(await s.tenants.isOnboarded(opts.municipality))) throw new CliError(`自治体 ${opts.municipality} は登録されていません`, 2);
        const r = await writeBackup(s.db, opts.output, { purpose: opts.purpose }, opts.municipality);
        print(`書き出しました / written: ${opts.output} (${opts.municipality}: ${r.tables} tables, ${r.rows} rows, sha256 ${r.sha256})`);
      });
    });
  tenant.command('restore').description('1自治体のデータだけをアーカイブから復元する（他の自治体は変わりません） / restore one municipality')
    .requiredOption('--municipality <code>', '全国地方公共団体コード')
    .requiredOption('-i, --input <file>', 'jichi tenant export のファイル')
    .option('--yes', '確認なしで置き換える')
    .option('--purpose <text>', '利用目的（アクセスログに記録）', '自治体単位の復元')
    .action(async (opts: { municipality: string; input: string; yes?: boolean; purpose: string }) => {
      if (!opts.yes) throw new CliError(`復元すると自治体 ${opts.municipality} の現在のデータは置き換えられます。よろしければ --yes を付けて実行してください`, 2);
      await withServices(async (s) => {
        const r = await restoreBackup(s.db, opts.input, { purpose: opts.purpose }, opts.municipality);
        print(`復元しました / restored: ${opts.municipality}: ${r.tables} tables, ${r.rows} rows`);
      });
    });

  tenant.command('offboard <code>').description('利用終了日を設定する（その日から誰もログインできません） / set the end of service')
    .requiredOption('--on <date>', '利用終了日 YYYY-MM-DD（--withdraw で取消し）')
    .option('--withdraw', '利用終了を取り消す')
    .action(async (code: string, opts: { on: string; withdraw?: boolean }) => {
      await withServices(async (s) => {
        await s.tenants.offboard(code, opts.withdraw ? null : opts.on);
        print(opts.withdraw ? `利用終了を取り消しました / withdrawn: ${code}` : `利用終了日を設定しました / offboarded: ${code} on ${opts.on}（データの削除は ${loadConfig().tenantRetentionDays} 日後から）`);
      });
    });
  tenant.command('delete <code>').description('保存期間の過ぎた自治体のデータを削除する（他の自治体は変わりません） / delete a municipality\'s data after retention')
    .requiredOption('--archive <file>', '削除直前の jichi tenant export のファイル（現在のデータと一致すること）')
    .option('--yes', '確認なしで削除する')
    .action(async (code: string, opts: { archive: string; yes?: boolean }) => {
      if (!opts.yes) throw new CliError(`自治体 ${code} のデータをすべて削除します（元に戻せません）。よろしければ --yes を付けて実行してください`, 2);
      const config = loadConfig();
      await withServices(async (s) => {
        try {
          const r = await deleteTenantData(s.db, code, opts.archive, { today: japanDay(new Date()), retentionDays: config.tenantRetentionDays });
          print(`削除しました / deleted: ${code}: ${r.rows} rows in ${r.tables} tables (archive sha256 ${r.archiveSha256})`);
        } catch (err) {
          if (err instanceof TenantDeletionRefused || err instanceof BackupInvalidError) throw new CliError(err.message, 2);
          throw err;
        }
      });
    });

  program.command('user').description('職員アカウント / staff accounts')
    .command('add').description('職員を追加する / add a staff account (password from JICHI_PASSWORD or --password-stdin)')
    .requiredOption('--municipality <code>', '全国地方公共団体コード')
    .requiredOption('--login <id>', '職員ID')
    .requiredOption('--name <name>', '氏名')
    .requiredOption('--roles <roles>', 'counter,reviewer,approver,daycare,admin,analyst（カンマ区切り）')
    .option('--password-stdin', '標準入力からパスワードを読む')
    .option('--oidc-subject <sub>', 'OpenID Connect の subject（パスワードなしでOIDCのみ）')
    .option('--contractor', '委託事業者の職員（窓口業務の民間委託）: 受付・入力のみ、審査・決裁はできない')
    .action(async (opts: { municipality: string; login: string; name: string; roles: string; passwordStdin?: boolean; oidcSubject?: string; contractor?: boolean }) => {
      let password = process.env.JICHI_PASSWORD;
      if (opts.passwordStdin) {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
      }
      await withServices(async (s) => {
        const { staffId } = await s.identity.addStaff({ type: 'operator', id: process.env.USER ?? 'operator' }, opts.municipality, {
          loginId: opts.login, displayName: opts.name, roles: opts.roles.split(',').map((r) => r.trim()).filter(Boolean),
          password: password || undefined, oidcSubject: opts.oidcSubject, contractor: opts.contractor,
        }, { clientIp: '', requestId: 'cli' });
        print(`追加しました / added: ${opts.login} (${staffId})${opts.contractor ? ' 委託事業者 / contractor' : ''}`);
      });
    });

  program.command('backup').description('整合性のあるバックアップを書き出す / write a consistent, checksummed backup')
    .requiredOption('-o, --output <file>', '出力ファイル（.jichi-backup）')
    .option('--purpose <text>', '利用目的（アクセスログに記録）', '定期バックアップ')
    .option('--verify', '一時データベースに復元して表ごとのチェックサムを照合する / restore into a scratch database and compare checksums')
    .action(async (opts: { output: string; purpose: string; verify?: boolean }) => {
      const config = loadConfig();
      const db = await openConfiguredDatabase(config);
      try {
        const r = await writeBackup(db, opts.output, { purpose: opts.purpose });
        print(`バックアップしました / written: ${opts.output} (${r.tables} tables, ${r.rows} rows, sha256 ${r.sha256})`);
        if (opts.verify) {
          const v = await verifyBackup(opts.output, { databaseUrl: config.databaseUrl });
          for (const m of v.mismatches) print(`不一致 / mismatch: ${m.table} (expected ${m.expected?.rows ?? '-'} rows, restored ${m.actual?.rows ?? '-'})`);
          if (v.error) print(`復元できません / restore failed: ${v.error}`);
          if (!v.ok) throw new CliError('バックアップを復元して照合できませんでした（このバックアップは使えません）', 1);
          print(`検証しました / verified: restored into a scratch database, ${v.tables} tables and ${v.rows} rows match`);
        }
      } finally {
        await db.close();
      }
    });

  program.command('restore').description('バックアップから復元する（現在のデータは置き換えられます） / restore a backup')
    .requiredOption('-i, --input <file>', 'バックアップファイル')
    .option('--yes', '確認なしで置き換える')
    .option('--purpose <text>', '利用目的（アクセスログに記録）', 'バックアップからの復元')
    .action(async (opts: { input: string; yes?: boolean; purpose: string }) => {
      if (!opts.yes) throw new CliError('復元すると現在のデータはすべて置き換えられます。よろしければ --yes を付けて実行してください', 2);
      const config = loadConfig();
      const db = await openConfiguredDatabase(config);
      try {
        const r = await restoreBackup(db, opts.input, { purpose: opts.purpose });
        print(`復元しました / restored: ${r.tables} tables, ${r.rows} rows`);
      } finally {
        await db.close();
      }
    });

  const audit = program.command('audit').description('アクセスログ / access log');
  audit.command('verify').description('ハッシュチェーンを検証し、自治体ごとの先頭を表示する / verify the hash chain, print each head')
    .option('--checkpoint <file>', 'jichi audit checkpoint で書き出したファイル（ディレクトリなら定期チェックポイントの最新）: その時点までのエントリが削除されていないことも検証する')
    .action(async (opts: { checkpoint?: string }) => {
      const checkpoint = opts.checkpoint ? loadCheckpoint(opts.checkpoint) : undefined;
      await withServices(async (s) => {
        const r = await s.audit.verify({ checkpoint: checkpoint?.heads });
        for (const h of r.heads) print(`先頭 / head: ${h.municipalityCode} chain ${h.chain} #${h.seq} ${h.hash}`);
        if (r.breaks.length > 0) {
          for (const b of r.breaks.slice(0, 50)) print(`改ざんの疑い / broken: ${b.municipalityCode} chain ${b.chain} #${b.seq} ${b.reason}`);
          const truncated = r.breaks.some((b) => b.reason === 'truncated' || b.reason === 'checkpoint-mismatch');
          throw new CliError(truncated
            ? `チェックポイント（${checkpoint!.createdAt}）の時点までのアクセスログが削除又は改変されています（${r.breaks.length} 件）`
            : `アクセスログのチェーンに ${r.breaks.length} 件の不整合があります`, 1);
        }
        print(`正常 / ok: ${r.entries} entries in ${r.municipalities} municipalities${checkpoint ? `, checkpoint of ${checkpoint.createdAt} intact` : ''}`);
      });
    });
  audit.command('checkpoint').description('検証済みの先頭を署名付きでファイルに書き出す（定期的に実行し、別の場所に保管） / write a signed checkpoint of the heads')
    .requiredOption('-o, --output <file>', '出力ファイル（JSON）')
    .action(async (opts: { output: string }) => {
      const { key, dev } = checkpointKey();
      if (dev) process.stderr.write('警告: JICHI_AUDIT_CHECKPOINT_KEY が未設定のため開発用の鍵で署名します / warning: signing with the development key\n');
      await withServices(async (s) => {
        const r = await s.audit.verify();
        if (r.breaks.length > 0) throw new CliError(`アクセスログのチェーンに ${r.breaks.length} 件の不整合があるため、チェックポイントを書き出しません`, 1);
        const c = signCheckpoint(r.heads, key);
        const tmp = `${opts.output}.partial-${process.pid}`;
        fs.writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`);
        fs.renameSync(tmp, opts.output);
        for (const h of r.heads) print(`先頭 / head: ${h.municipalityCode} chain ${h.chain} #${h.seq} ${h.hash}`);
        print(`書き出しました / written: ${opts.output} (${r.heads.length} chains in ${r.municipalities} municipalities)`);
      });
    });
}

/** Reads and checks a checkpoint file with the configured key. */
function loadCheckpoint(file: string) {
  if (!fs.existsSync(file)) throw new CliError(`ファイルがありません: ${file}`, 2);
  // A directory of scheduled checkpoints (JICHI_AUDIT_CHECKPOINT_DIR): the newest one.
  if (fs.statSync(file).isDirectory()) {
    const newest = newestCheckpointFile(file);
    if (!newest) throw new CliError(`チェックポイントがありません: ${file}`, 2);
    file = newest;
  }
  const { key, dev } = checkpointKey();
  if (dev) process.stderr.write('警告: JICHI_AUDIT_CHECKPOINT_KEY が未設定のため開発用の鍵で検証します / warning: development key\n');
  return readCheckpoint(fs.readFileSync(file, 'utf8'), key);
}
