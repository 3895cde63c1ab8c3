// SPDX-License-Identifier: EUPL-1.2
/**
 * Registry forms of a change (確認書, 受理通知書, 世帯主変更通知書, 職権記録書, 職権記載等通知書, 住民票コード通知票): which
 * apply, and printing one. Every print is recorded (registry.form_print: number, who, when, from where, PDF hash;
 * a second print is marked 再印刷) and access-logged against every person on the form (spec §10.7, MN8). Merged into
 * the registry service.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { japanDay } from '../../../platform/dates/jp-date.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { receiptLabel } from '../changes/change-review.service.ts';
import { fail } from '../registry-errors.ts';
import { reasonLabelOf, type PersonRecord } from '../registry-model.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { CHANGE_FORMS, FORM_TITLES, formContent, formsFor, type ChangeForm, type FormChange } from './change-forms.ts';
import { renderFormPdf } from './form-pdf.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
type Ctx = { clientIp: string; requestId: string };

/** The sender of notices: 「長野県塩尻市長　氏名」 (the name from the tenant's settings, as certificates print it). */
export type SenderOf = (trx: TenantTx, municipalityCode: string, day: string) => Promise<{ municipalityName: string; sender: string }>;

/** The default sender: the mayor's title and name from the tenant settings. */
export const mayorSender: SenderOf = async (trx, m) => {
  const r = await trx.selectFrom('platform.tenant as t').innerJoin('platform.municipality as mu', 'mu.code', 't.municipalityCode')
    .select(['mu.name', 'mu.prefectureName', 't.settings']).where('t.municipalityCode', '=', m).executeTakeFirst();
  const mayor = typeof (r?.settings as { mayorName?: unknown } | undefined)?.mayorName === 'string' ? String((r!.settings as { mayorName: string }).mayorName).trim() : '';
  return { municipalityName: r?.name ?? '', sender: `${r?.prefectureName ?? ''}${r?.name ?? ''}長${mayor ? `　${mayor}` : ''}` };
};

/** Creates the form use cases. */
export function createFormUseCases(deps: { db: Database; registry: RegistryRepository; accessLog: AccessLogRepository; clock: Clock; sender?: SenderOf }) {
  const { db, registry: repo, accessLog, clock } = deps;
  const senderOf = deps.sender ?? mayorSender;

  async function loadChange(trx: TenantTx, changeId: string): Promise<FormChange> {
    const c = await repo.findChange(trx, changeId);
    if (!c) fail('change-not-found');
    const persons: FormChange['persons'] = [];
    for (const s of await repo.snapshotsOfChange(trx, changeId)) {
      const prev = await repo.previousFinalSnapshot(trx, s.personId, s.historyNo);
      persons.push({ personId: s.personId, after: s.record as unknown as PersonRecord, before: (prev?.record as unknown as PersonRecord | undefined) ?? null });
    }
    const drawn = persons.length === 0 ? [] : await trx.selectFrom('registry.residentCodeStock').select(['usedBy', 'residentCode']).where('municipalityCode', '=', TENANT)
      .where('usedBy', 'in', persons.map((p) => p.personId)).execute();
    const codesFromStock = new Set(drawn.filter((d) => persons.some((p) => p.personId === d.usedBy && p.after.residentCode === d.residentCode)).map((d) => d.usedBy!));
    const first = persons[0]?.after;
    const headRow = first ? await trx.selectFrom('registry.personCurrent').select('record').where('municipalityCode', '=', TENANT).where('householdId', '=', first.householdId)
      .where('relationship', '=', '世帯主').where('removedOn', 'is', null).executeTakeFirst() : undefined;
    return { householdHead: (headRow?.record as unknown as PersonRecord | undefined) ?? null, codesFromStock, status: c.status, kind: c.kind, reasonLabel: reasonLabelOf(c.reasonCode), receiptLabel: receiptLabel(c), occurredOn: c.occurredOn, notifiedOn: c.notifiedOn,
      processedOn: c.processedOn, exOfficio: c.exOfficio, notifier: c.notifier, note: c.note, persons };
  }

  const printCounts = async (trx: TenantTx, changeId: string) => new Map((await trx.selectFrom('registry.formPrint').select(['form', 'personKey', (eb) => eb.fn.max('printNo').as('n')])
    .where('municipalityCode', '=', TENANT).where('changeId', '=', changeId).groupBy(['form', 'personKey']).execute()).map((r) => [`${r.form}/${r.personKey}`, Number(r.n)]));

  return {
    /** The forms that apply to a change, with how often each was printed. @throws change-not-found */
    async listChangeForms(actor: Actor, changeId: string) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const c = await loadChange(trx, changeId);
        const counts = await printCounts(trx, changeId);
        const nameOf = (id?: string) => {
          const r = c.persons.find((p) => p.personId === id)?.after;
          return r ? (r.residentKind === 'foreign' ? (r.romanName || `${r.familyName} ${r.givenName}`) : `${r.familyName}　${r.givenName}`) : null;
        };
        return formsFor(c).map((f) => ({ form: f.form, title: FORM_TITLES[f.form], personId: f.personId ?? null, personName: nameOf(f.personId), prints: counts.get(`${f.form}/${f.personId ?? ''}`) ?? 0 }));
      });
    },

    /**
     * Prints a form of a change: renders the PDF, records the print (再印刷 from the second one) and logs it against
     * every person on the form. @throws DomainError form-not-applicable (the form does not apply to this change, e.g.
     * a notice before 本登録), change-not-found
     */
    async printChangeForm(actor: Actor, changeId: string, form: ChangeForm, personId: string | undefined, ctx: Ctx) {
      assertAllowed(actor, 'registry:read');
      if (!(CHANGE_FORMS as readonly string[]).includes(form)) throw new DomainError('form-not-applicable', 'この帳票はこの異動では印刷できません', 422, 'Registry form: unknown form');
      const now = clock.now();
      const today = japanDay(now);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await repo.findChange(trx, changeId, true); // one print number at a time per change
        const c = await loadChange(trx, changeId);
        const ref = formsFor(c).find((f) => f.form === form && (f.personId ?? undefined) === (form === 'resident-code-notice' ? personId : undefined));
        if (!ref) {
          throw new DomainError('form-not-applicable', c.status !== 'final' && form !== 'confirmation'
            ? 'この帳票は本登録の後に印刷できます。本登録を済ませてから印刷してください'
            : 'この帳票はこの異動では印刷できません（対象となる住民又は事由がありません）', 422, `Registry form: ${form} does not apply`);
        }
        const personKey = ref.personId ?? '';
        const last = await trx.selectFrom('registry.formPrint').select((eb) => eb.fn.max('printNo').as('n')).where('municipalityCode', '=', TENANT)
          .where('changeId', '=', changeId).where('form', '=', form).where('personKey', '=', personKey).executeTakeFirst();
        const printNo = Number(last?.n ?? 0) + 1;
        const { municipalityName, sender } = await senderOf(trx, actor.municipalityCode, today);
        const pdf = await renderFormPdf(formContent(c, ref, today), { municipalityName, sender, printNo, createdAt: now });
        const pdfSha256 = crypto.createHash('sha256').update(pdf).digest('hex');
        await trx.insertInto('registry.formPrint').values({ municipalityCode: actor.municipalityCode, changeId, form, personKey, printNo, printedBy: actor.staffId,
          printedByName: actor.displayName, printedAt: now, clientIp: ctx.clientIp, pdfSha256 }).execute();
        const persons = ref.personId ? [ref.personId] : c.persons.map((p) => p.personId);
        await accessLog.appendMany(trx, actor.municipalityCode, persons.map((subjectId) => ({ actorType: 'staff' as const, actorId: actor.staffId,
          action: printNo > 1 ? 'registry.form.reprint' : 'registry.form.print', subjectType: 'person', subjectId, purpose: `${form}/${c.receiptLabel ?? changeId}/${printNo}`, ...ctx })));
        return { pdf, printNo, reprint: printNo > 1, filename: `${form}-${changeId.slice(0, 8)}-${printNo}.pdf` };
      });
    },

    /** Every print of a change's forms (who, when, from where), newest first. */
    async listFormPrints(actor: Actor, changeId: string) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => (await trx.selectFrom('registry.formPrint')
        .select(['form', 'personKey', 'printNo', 'printedByName', 'printedAt', 'clientIp']).where('municipalityCode', '=', TENANT).where('changeId', '=', changeId)
        .orderBy('printedAt', 'desc').execute()).map((r) => ({ form: r.form as ChangeForm, title: FORM_TITLES[r.form as ChangeForm] ?? r.form, personId: r.personKey || null,
        printNo: r.printNo, printedByName: r.printedByName, printedAt: new Date(r.printedAt).toISOString(), clientIp: r.clientIp })));
    },
  };
}
