// SPDX-License-Identifier: EUPL-1.2
/** HTTP-level tests of the change screens' confirmation step: the service's preview shows alerts before 仮登録, and refusals at once. */
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, post } = consoleSessions(t, CODE);

let clerk: ConsoleSession;
let householdId: string, personIds: string[];

const changes = () => withTenant(t.services.db, CODE, async (trx) =>
  Number((await trx.selectFrom('registry.change').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));

beforeAll(async () => {
  clerk = await signIn(['counter']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '7-7', katagaki: '', unlisted: false },
    persons: [
      { residentKind: 'japanese', familyName: '確認', givenName: '一郎', familyNameKana: 'カクニン', givenNameKana: 'イチロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '確認', givenName: '花子', familyNameKana: 'カクニン', givenNameKana: 'ハナコ', birthDate: '1982-05-05', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' },
    ],
  });
  householdId = plan.snapshots[0]!.record.householdId;
  personIds = plan.snapshots.map((s) => s.personId);
});

describe('change confirmation (preview)', () => {
  const move = { step: 'confirm', occurredOn: '令和6年5月1日', townName: '大字広丘吉田', banchi: '3-1' };

  it('shows the late-notification alert of a 転居 above 仮登録する, and records nothing', async () => {
    const before = await changes();
    const res = await post(clerk, '/console/registry/changes/move-within', { ...move, householdId, personIds, _csrf: clerk.csrf });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="preview-alerts"');
    expect(html).toContain('異動日から14日を超えた届出です');
    expect(html.indexOf('異動日から14日を超えた届出です')).toBeLessThan(html.indexOf('仮登録する</button>'));
    expect(await changes()).toBe(before);
  });

  it('shows no alert list for a timely change', async () => {
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const res = await post(clerk, '/console/registry/changes/move-within', { ...move, householdId, personIds, occurredOn: today, _csrf: clerk.csrf });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('data-testid="preview-alerts"');
  });

  it('shows a refusal of the service on the form at confirmation, and records nothing', async () => {
    const before = await changes();
    const res = await post(clerk, '/console/registry/changes/move-within', { ...move, householdId, personIds, occurredOn: '2999-01-01', _csrf: clerk.csrf });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('異動日が未来の日付です');
    expect(html).toMatch(/id="occurredOn"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="3-1"');
    expect(html).not.toContain('仮登録する</button>');
    expect(await changes()).toBe(before);
  });

  it('shows a stale household at confirmation as the conflict, with the fresh version', async () => {
    const res = await post(clerk, '/console/registry/changes/move-within', { ...move, householdId, personIds, version: '99', _csrf: clerk.csrf });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('他の職員がこの世帯を更新しました');
  });
});
