// The `jichi` operator command, run as a real process on a fresh embedded database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runJichi } from './run-jichi.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const jichi = (args: string[], input?: string) => runJichi(args, { dataDir, input });

describe('jichi CLI', { timeout: 120_000 }, async () => { // each step boots the embedded database in a new process
  it('explains itself with --help', async () => {
    const r = await jichi(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'tenant', 'user', 'backup', 'restore']) expect(r.out).toContain(cmd);
    expect((await jichi(['tenant', 'add', '--help'])).out).toContain('全国地方公共団体コード');
  });

  it('refuses an unknown command with exit code 2', async () => {
    const r = await jichi(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command/);
  });

  it('migrates and loads the national list', async () => {
    const r = await jichi(['migrate']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/全国地方公共団体コード: \d{4} 件/);
  });

  it('refuses a code with a wrong check digit and names the right one', async () => {
    const r = await jichi(['tenant', 'add', '202150']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('検査数字が誤っています');
    expect(r.err).toContain('202151');
  });

  it('refuses malformed and unknown codes, and prefectures', async () => {
    expect((await jichi(['tenant', 'add', 'abc'])).code).toBe(2);
    const unknown = (await jichi(['tenant', 'add', '999997']));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('全国地方公共団体コードにありません');
    const pref = (await jichi(['tenant', 'add', '200000']));
    expect(pref.code).toBe(2);
    expect(pref.err).toContain('市区町村ではありません');
    expect((await jichi(['tenant', 'list'])).out).toContain('登録済みの自治体はありません');
  });

  it('onboards 塩尻市 once and lists it', async () => {
    const r = await jichi(['tenant', 'add', '202151']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('長野県塩尻市 (202151, 一般市)');
    const again = (await jichi(['tenant', 'add', '202151']));
    expect(again.code).toBe(1);
    expect(again.err).toContain('既に登録されています');
    expect((await jichi(['tenant', 'list'])).out).toMatch(/202151\s+長野県塩尻市\s+一般市/);
  });

  it('adds a staff member with a password from standard input and refuses a weak one', async () => {
    const weak = (await jichi(['user', 'add', '--municipality', '202151', '--login', 'weak', '--name', '弱 い', '--roles', 'counter', '--password-stdin'], 'short\n'));
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('12文字以上');
    const ok = (await jichi(['user', 'add', '--municipality', '202151', '--login', 'tanaka', '--name', '田中 一郎', '--roles', 'counter,reviewer', '--password-stdin'], 'a-long-enough-password\n'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('tanaka');
    const role = (await jichi(['user', 'add', '--municipality', '202151', '--login', 'x1', '--name', 'x', '--roles', 'root', '--password-stdin'], 'a-long-enough-password\n'));
    expect(role.code).toBe(2);
    // Issue #15: staff of a contractor (窓口業務の民間委託).
    const itaku = await jichi(['user', 'add', '--municipality', '202151', '--login', 'itaku', '--name', '委託 一郎', '--roles', 'counter,approver', '--contractor', '--password-stdin'], 'a-long-enough-password\n');
    expect(itaku.code, itaku.err).toBe(0);
    expect(itaku.out).toContain('委託事業者 / contractor');
  });

  it('backs up, refuses a damaged archive, restores a good one, and verifies the access log', async () => {
    const file = path.join(dataDir, 'b.jichi-backup');
    expect((await jichi(['backup', '-o', file])).code).toBe(0);
    const bad = path.join(dataDir, 'bad.jichi-backup');
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(bad, bytes);
    expect((await jichi(['restore', '-i', file])).code).toBe(2); // needs --yes
    const refused = (await jichi(['restore', '-i', bad, '--yes']));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('バックアップファイルを復元できません');
    const restored = (await jichi(['restore', '-i', file, '--yes']));
    expect(restored.code).toBe(0);
    const verify = (await jichi(['audit', 'verify']));
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/正常 \/ ok: \d+ entries/);
    // Issue #15: the heads, and a signed checkpoint that verify checks (a forged one is refused).
    expect(verify.out).toMatch(/先頭 \/ head: 202151 chain \d+ #\d+ [0-9a-f]{64}/);
    const cp = path.join(dataDir, 'checkpoint.json');
    const written = await jichi(['audit', 'checkpoint', '--output', cp]);
    expect(written.code, written.err).toBe(0);
    expect(written.err).toContain('開発用の鍵');
    expect((await jichi(['audit', 'verify', '--checkpoint', cp])).out).toMatch(/checkpoint of .* intact/);
    // A directory of scheduled checkpoints: the newest is used; an empty one is refused.
    const cps = path.join(dataDir, 'checkpoints');
    fs.mkdirSync(cps);
    expect((await jichi(['audit', 'verify', '--checkpoint', cps])).code).toBe(2);
    fs.copyFileSync(cp, path.join(cps, 'access-log-checkpoint-20261201T000000Z.json'));
    expect((await jichi(['audit', 'verify', '--checkpoint', cps])).out).toMatch(/checkpoint of .* intact/);
    fs.writeFileSync(cp, fs.readFileSync(cp, 'utf8').replace(/"seq": (\d+)/, (_m, n: string) => `"seq": ${Number(n) - 1}`));
    const forged = await jichi(['audit', 'verify', '--checkpoint', cp]);
    expect(forged.code).toBe(2);
    expect(forged.err).toContain('署名が一致しません');
  }, 180_000);

  it('proves a backup with --verify: restored into a scratch database, checksums compared (issue #15)', async () => {
    const file = path.join(dataDir, 'v.jichi-backup');
    const r = await jichi(['backup', '-o', file, '--verify', '--purpose', '月次バックアップ']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/検証しました \/ verified: .* \d+ tables and \d+ rows match/);
  }, 180_000);
});
