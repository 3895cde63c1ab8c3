// SPDX-License-Identifier: EUPL-1.2
/** Operator sub-commands: serve, migrate, tenant, user, backup, restore, audit. */
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../platform/db/open-from-config.ts';
import { DomainError, ValidationError } from '../platform/http/errors.ts';
import { createServices } from '../services.ts';
import { writeBackup, restoreBackup, verifyBackup } from '../platform/backup/backup.ts';

/** An error whose message is already for people, with the exit code to use. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) { super(message); }
}

async function withServices<T>(fn: (s: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
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
    .action(async () => {
      const { startServer } = await import('../main.ts');
      const running = await startServer();
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

  program.command('audit').description('アクセスログ / access log')
    .command('verify').description('ハッシュチェーンを検証する / verify the hash chain')
    .action(async () => {
      await withServices(async (s) => {
        const r = await s.audit.verify();
        if (r.breaks.length > 0) {
          for (const b of r.breaks.slice(0, 50)) print(`改ざんの疑い / broken: ${b.municipalityCode} #${b.seq} ${b.reason}`);
          throw new CliError(`アクセスログのチェーンに ${r.breaks.length} 件の不整合があります`, 1);
        }
        print(`正常 / ok: ${r.entries} entries in ${r.municipalities} municipalities`);
      });
    });
}
