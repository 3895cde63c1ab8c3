// SPDX-License-Identifier: EUPL-1.2
/**
 * The 帳票 of a change on its page (issue #13, spec §4.0.9, §4.1.0.3, §10.7): the change page lists the forms that
 * apply with their print counts; opening one delivers the PDF and records the print; a bad link is not found.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const pages = consoleSessions(t, CODE);
let clerk: Session;
let changeId: string;

beforeAll(async () => {
  clerk = await pages.signIn(['counter']);
  const { changeId: id } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字大門', banchi: '5番地', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '帳票', givenName: '花子', familyNameKana: 'チョウヒョウ', givenNameKana: 'ハナコ', birthDate: '1980-01-01', sex: 'female', honseki: '長野県塩尻市', relationship: '世帯主' }],
  });
  changeId = id;
});

describe('帳票 on the change page', () => {
  it('lists the forms, prints one as PDF and counts the print', async () => {
    let html = await (await pages.get(clerk, `/console/registry/changes/${changeId}`)).text();
    expect(html).toContain('帳票の印刷');
    expect(html).toContain('住民異動届受理通知書');
    expect(html).toMatch(/data-form="acceptance-notice".*?未印刷/s);
    const pdf = await pages.get(clerk, `/console/registry/changes/${changeId}/forms/acceptance-notice.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    html = await (await pages.get(clerk, `/console/registry/changes/${changeId}`)).text();
    expect(html).toMatch(/data-form="acceptance-notice".*?印刷済み 1回/s);
    expect((await pages.get(clerk, `/console/registry/changes/${changeId}/forms/unknown.pdf`)).status).toBe(404);
    expect((await pages.get(clerk, `/console/registry/changes/${changeId}/forms/acceptance-notice.pdf?person=x`)).status).toBe(404);
  });
});
