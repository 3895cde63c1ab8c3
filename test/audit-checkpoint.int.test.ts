// SPDX-License-Identifier: EUPL-1.2
// Regression test for issue #15 (defect 9): deleting the newest access-log entries was not detected, since what
// remains of the chain still links up. A signed checkpoint of the heads, kept outside the database, catches it.
import { describe, expect, it } from 'vitest';
import { checkpointKey, readCheckpoint, signCheckpoint, CheckpointInvalidError } from '../src/platform/audit/checkpoint.ts';
import { useTestApp } from './test-app.ts';

const M = '202151';
const OTHER = '131041';

describe('access-log checkpoints (issue #15)', () => {
  const t = useTestApp();
  const { key } = checkpointKey({});

  /** The attacker: the table owner switches off the append-only trigger and deletes the newest entries. */
  const deleteNewest = (code: string, n: number) => t.services.db.runScript(`
    ALTER TABLE audit.access_log DISABLE TRIGGER access_log_append_only;
    DELETE FROM audit.access_log WHERE municipality_code = '${code}'
      AND seq > (SELECT max(seq) - ${n} FROM audit.access_log WHERE municipality_code = '${code}');
    ALTER TABLE audit.access_log ENABLE TRIGGER access_log_append_only;`);

  it('reports the head of every municipality and detects the deletion of the newest entries', async () => {
    for (const code of [M, OTHER]) for (let i = 0; i < 3; i++) await t.staff(code, ['counter']);
    const clean = await t.services.audit.verify();
    expect(clean.breaks).toEqual([]);
    expect(clean.heads.map((h) => h.municipalityCode)).toEqual([OTHER, M].sort());
    for (const h of clean.heads) expect(h).toMatchObject({ seq: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const file = JSON.stringify(signCheckpoint(clean.heads, key));
    await t.staff(M, ['counter']); // entries after the checkpoint are fine
    expect((await t.services.audit.verify({ checkpoint: readCheckpoint(file, key).heads })).breaks).toEqual([]);

    await deleteNewest(M, 2); // #4 (after the checkpoint) and #3 (its head)
    const without = await t.services.audit.verify();
    expect(without.breaks).toEqual([]); // the chain alone cannot tell: this was the defect
    const withCheckpoint = await t.services.audit.verify({ checkpoint: readCheckpoint(file, key).heads });
    expect(withCheckpoint.breaks).toEqual([{ municipalityCode: M, seq: 3, reason: 'truncated' }]);
    // The append-only guard is back on.
    await expect(t.services.db.owner.deleteFrom('audit.accessLog').execute()).rejects.toThrow(/append-only/);
  });

  it('refuses a forged, altered or foreign-key checkpoint', () => {
    const c = signCheckpoint([{ municipalityCode: M, seq: 9, hash: 'a'.repeat(64) }], key);
    const altered = { ...c, heads: [{ ...c.heads[0]!, seq: 1 }] };
    expect(() => readCheckpoint(JSON.stringify(altered), key)).toThrow(CheckpointInvalidError);
    expect(() => readCheckpoint(JSON.stringify(c), Buffer.alloc(32, 7))).toThrow(/署名が一致しません/);
    expect(() => readCheckpoint('{}', key)).toThrow(/形式/);
    expect(readCheckpoint(JSON.stringify(c), key).heads).toEqual(c.heads);
  });
});
