// 認証者 with periods and the automatic switch to the deputy (issue #13, spec §1.3.7, §1.3.9): a certificate issued on a
// day a 職務代理者 acts is certified in the deputy's title and name with the deputy's seal; before and after, by the
// mayor; overlapping periods, a deputy without a title and a non-PNG seal are refused with a code, nothing stored.
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { addDays, japanDay } from '../../platform/dates/jp-date.ts';
import { pdfPageTexts, squash } from './testing/pdf-text.ts';
import { certifierOn, readCertificateSettings } from './certificate-settings.ts';

const M = '202151';

/** A tiny valid PNG of one colour (w × h), so the seal of the mayor and the deputy can be told apart by size. */
function png(w: number): string {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(w, 4); ihdr[8] = 8; ihdr[9] = 0;
  const raw = Buffer.alloc((w + 1) * w);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]).toString('base64');
}

describe('certifiers (認証者) and the deputy', () => {
  const t = useTestApp();
  let counter: Client, admin: Client;
  let today: string;
  let householdId: string;
  let head: string;
  const issue = async () => {
    const res = await counter.request('POST', '/api/v1/certificates', { kind: 'residence-copy', householdId, requester: { type: 'self', personId: head }, purpose: '勤務先へ提出' });
    expect(res.status, await res.clone().text()).toBe(201);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { text: squash((await pdfPageTexts(bytes)).join('')), raw: Buffer.from(bytes).toString('latin1') };
  };
  const put = (certifiers: unknown[]) => admin.request('PUT', '/api/v1/certificate-settings', { mayorName: '塩尻　一郎', certifiers });

  beforeAll(async () => {
    today = japanDay(new Date());
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    const approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
    const res = await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -30), previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '77番地' },
      persons: [newPerson(71, '世帯主', '1970-01-01')] });
    const rec = (await res.json()) as { changeId: string; personIds: string[]; householdIds: string[] };
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    householdId = rec.householdIds[0]!;
    head = rec.personIds[0]!;
  });

  it('certifies in the deputy\'s name and title with the deputy\'s seal on the days the deputy acts, by the mayor otherwise', async () => {
    const mayor = { role: 'mayor', name: '塩尻　一郎', validFrom: '2020-01-01', sealPngBase64: png(40) };
    const deputy = { role: 'deputy', title: '副市長', name: '代理　花子', validFrom: addDays(today, -1), validTo: addDays(today, 1), sealPngBase64: png(24) };
    const set = await put([mayor, deputy]);
    expect(set.status, await set.clone().text()).toBe(200);
    expect(((await set.json()) as { certifiers: Array<{ role: string; sealConfigured: boolean }> }).certifiers).toEqual([
      expect.objectContaining({ role: 'mayor', sealConfigured: true }), expect.objectContaining({ role: 'deputy', title: '副市長', sealConfigured: true })]);
    const byDeputy = await issue();
    expect(byDeputy.text).toContain(squash('長野県塩尻市長職務代理者　副市長　代理　花子'));
    expect(byDeputy.raw).toContain('/Width 24'); // the deputy's seal image
    expect(byDeputy.raw).not.toContain('/Width 40');
    // The deputy's period ended yesterday: the mayor certifies again, with the mayor's seal.
    expect((await put([mayor, { ...deputy, validFrom: addDays(today, -5), validTo: addDays(today, -1) }])).status).toBe(200);
    const byMayor = await issue();
    expect(byMayor.text).toContain(squash('長野県塩尻市長　塩尻　一郎'));
    expect(byMayor.text).not.toContain('職務代理者');
    expect(byMayor.raw).toContain('/Width 40');
  });

  it('refuses overlapping periods of one role, a deputy without a title and a seal that is no PNG; keeps what was stored', async () => {
    const mayor = { role: 'mayor', name: '塩尻　一郎', validFrom: '2020-01-01' };
    const overlap = await put([mayor, { role: 'deputy', title: '副市長', name: 'A', validFrom: today, validTo: addDays(today, 3) }, { role: 'deputy', title: '教育長', name: 'B', validFrom: addDays(today, 2) }]);
    expect(overlap.status).toBe(422);
    expect((await overlap.json()) as { code: string; title: string }).toMatchObject({ code: 'invalid-certifiers', title: expect.stringContaining('期間が重なっています') });
    expect(((await (await put([mayor, { role: 'deputy', name: 'C', validFrom: today }])).json()) as { title: string }).title).toContain('職名');
    expect(((await (await put([{ ...mayor, sealPngBase64: Buffer.from('GIF89a').toString('base64') }])).json()) as { title: string }).title).toContain('PNG');
    expect(((await (await put([{ ...mayor, validFrom: today, validTo: addDays(today, -1) }])).json()) as { title: string }).title).toContain('期間の終わり');
    // Nothing of the refused lists was stored: the list of the previous test is in force (its deputy's period is over).
    expect((await issue()).text).not.toContain('職務代理者');
  });

  it('picks the deputy before the mayor and falls back to the settings\' mayor (pure rule)', () => {
    const s = readCertificateSettings({ mayorName: '旧　市長', certifiers: [{ role: 'mayor', name: '新　市長', validFrom: '2026-04-01' }, { role: 'deputy', title: '副市長', name: '代理', validFrom: '2026-05-01', validTo: '2026-05-03' }] });
    expect(certifierOn(s, '2026-03-31')).toMatchObject({ deputy: false, name: '旧　市長' });
    expect(certifierOn(s, '2026-04-30')).toMatchObject({ deputy: false, name: '新　市長', titleSuffix: '' });
    expect(certifierOn(s, '2026-05-03')).toMatchObject({ deputy: true, name: '代理', titleSuffix: '職務代理者　副市長' });
    expect(certifierOn(readCertificateSettings({}), '2026-05-03')).toBeUndefined();
  });
});
