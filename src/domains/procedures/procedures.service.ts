// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of online procedures for a signed-in resident: the catalogue, starting an application (prefilled from
 * the registry only when the resident is matched to one person), saving it page by page, attachments, checking
 * and submitting it (once: the submission opens a case in the same transaction), and 申請状況 with 補正 answers.
 * Every application is the resident's own: another resident's is "not found". Registry reads are access-logged.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Resident } from '../../platform/auth/resident.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { withResident, withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { japanToday } from '../registry/index.ts';
import type { CaseSubmission, CasesService } from '../cases/index.ts';
import type { DaycareService, ResidentDaycareResult } from '../daycare/index.ts';
import { STANDARD_PROCEDURES, procedureOf } from './definitions/index.ts';
import { sniffMediaType } from './file-sniffing.ts';
import { VirusScannerUnavailableError, type ScanVerdict, type VirusScanner } from '../../platform/files/virus-scanner.ts';
import type { AttachmentDef, PageDef, ProcedureDefinition } from './procedure-definition.ts';
import { toCaseSubmission } from './procedure-case.ts';
import { getPath, readPage, setPath, validate, type ApplicationData, type FieldErrors, type FormBody } from './procedure-form.ts';
import { registryView, registryViewOfRows, type RegistryForProcedures, type RegistryView } from './procedure-prefill.ts';
import type { ApplicationRow, ProceduresRepository, ResidentCaseRow } from './procedures.repository.ts';
import { fail } from './procedures-errors.ts';
import { notifyCaseChangeIn } from './notifications.service.ts';

export interface RequestContext { clientIp: string; requestId: string }

export interface ProceduresDeps {
  db: Database;
  clock: Clock;
  repo: ProceduresRepository;
  cases: Pick<CasesService, 'submitIn' | 'viewIn' | 'answerCorrectionIn' | 'kickJobs'>;
  registry: RegistryForProcedures;
  accessLog: AccessLogRepository;
  /** The daycare office's result of an online 保育所等利用申込 (内定/保留 and the explanation), once the round is decided. */
  daycare?: Pick<DaycareService, 'resultForCaseIn'>;
  /** A virus scanner (clamd, JICHI_CLAMD_URL): every attachment is scanned before it is stored; none: stored as not scanned. */
  scanner?: VirusScanner | null;
  /**
   * 'public': the internet side (`jichi serve --role public`, database role jichi_public). The registry and the cases
   * are read only through the session-keyed functions (procedures.resident_household, procedures.resident_cases); a
   * submission and a 補正 answer go into the inbox, and the LGWAN side's task `procedures_intake` opens the case and
   * records the answer. 'all' (default): one process, the case is opened in the request.
   */
  role?: 'all' | 'public';
}

/** A procedure as this municipality offers it. */
export interface OfferedProcedure { def: ProcedureDefinition; feeYen: number; noteJa: string }

/** Whether a required attachment is needed for the data. */
export function attachmentNeeded(a: AttachmentDef, data: ApplicationData): boolean {
  return a.required === true || (typeof a.required === 'object' && getPath(data, a.required.name) === a.required.equals);
}

const parse = (v: unknown): ApplicationData => (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as ApplicationData;

/** Creates the procedures service. */
export function createProceduresService(deps: ProceduresDeps) {
  const { db, clock, repo, cases, registry, accessLog, daycare } = deps;
  const publicSide = deps.role === 'public';
  const today = () => japanToday(clock);

  async function offered(trx: TenantTx): Promise<OfferedProcedure[]> {
    const settings = new Map((await repo.settings(trx)).map((s) => [s.procedureCode, s]));
    return STANDARD_PROCEDURES.flatMap((def) => {
      const s = settings.get(def.code);
      if (s && !s.enabled) return [];
      return [{ def, feeYen: s?.feeYen ?? def.fee.yen, noteJa: s?.noteJa ?? '' }];
    });
  }

  async function offer(trx: TenantTx, code: string) {
    const o = (await offered(trx)).find((p) => p.def.code === code);
    if (!o) fail('procedure-not-found');
    return o;
  }

  /** The registry view, access-logged as the resident reading their own household. */
  async function readRegistry(trx: TenantTx, r: Resident, action: string, ctx: RequestContext): Promise<RegistryView> {
    const view = publicSide ? registryViewOfRows(await repo.residentHousehold(trx, r.sessionTokenHash), today()) : await registryView(trx, registry, r, today());
    if (view.readPersonIds.length) {
      await accessLog.appendMany(trx, r.municipalityCode, view.readPersonIds.map((id) => ({ actorType: 'resident' as const, actorId: r.residentId, action, subjectType: 'person', subjectId: id, ...ctx })));
    }
    return view;
  }

  /** Eligibility: met, unmet (with the condition), or unknown (not matched; staff will check). */
  function eligibility(def: ProcedureDefinition, r: Resident, view: RegistryView): { state: 'met' | 'unmet' | 'unknown'; unmet: string[] } {
    if (def.eligibility.length === 0) return { state: 'met', unmet: [] };
    if (!r.match) return { state: 'unknown', unmet: [] };
    const unmet = def.eligibility.filter((e) => !view.members.some((m) => !m.isSelf && m.age <= e.params.maxAge)).map((e) => e.labelJa);
    return { state: unmet.length ? 'unmet' : 'met', unmet };
  }

  async function load(trx: TenantTx, r: Resident, applicationId: string, lock = false) {
    if (!/^[0-9a-f-]{36}$/i.test(applicationId)) fail('application-not-found');
    const app = await repo.findApplication(trx, applicationId, r.residentId, lock);
    if (!app) fail('application-not-found');
    const def = procedureOf(app.procedureCode);
    if (!def) fail('procedure-not-found');
    return { app, def, data: parse(app.data) };
  }

  /** The page of an application, or the first one. */
  function pageOf(def: ProcedureDefinition, pageId: string): PageDef {
    const page = def.pages.find((p) => p.id === pageId);
    if (!page) fail('page-not-found');
    return page;
  }

  /** Errors of the whole application: fields and required attachments. */
  function completeness(def: ProcedureDefinition, data: ApplicationData, attachments: Array<{ attachmentCode: string }>) {
    const errors = validate(def, data);
    const missing = def.attachments.filter((a) => attachmentNeeded(a, data) && !attachments.some((x) => x.attachmentCode === a.code));
    return { errors, missing };
  }

  return {
    /**
     * A municipality's configuration of a shared procedure (an administrator): enabled or not, its fee and note.
     * The definition itself is never forked.
     */
    configure: (actor: Actor, code: string, input: { enabled: boolean; feeYen: number | null; noteJa: string }) => {
      if (!can(actor, 'tenant:configure')) throw new ForbiddenError('tenant:configure');
      if (!procedureOf(code)) fail('procedure-not-found');
      if (input.feeYen !== null && !(Number.isInteger(input.feeYen) && input.feeYen >= 0 && input.feeYen <= 100_000)) fail('fee-invalid');
      if ([...input.noteJa].length > 1000) fail('note-too-long');
      return withTenant(db, actor.municipalityCode, (trx) => repo.putSetting(trx, actor.municipalityCode, { procedureCode: code, ...input, updatedBy: actor.staffId }));
    },

    /**
     * Every shared procedure with this municipality's setting, for staff (オンライン手続の設定): offered or not, the
     * fee (the standard one unless configured), the note shown to residents, and the applications submitted this
     * month. Staff who handle cases read it; administrators change it.
     */
    staffSettings: (actor: Actor) => {
      if (!can(actor, 'cases:handle') && !can(actor, 'tenant:configure')) throw new ForbiddenError('cases:handle');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const settings = new Map((await repo.settings(trx)).map((s) => [s.procedureCode, s]));
        const month = `${today().slice(0, 7)}-01`;
        const submitted = new Map((await repo.submittedSince(trx, new Date(`${month}T00:00:00+09:00`))).map((r) => [r.procedureCode, Number(r.n)]));
        return STANDARD_PROCEDURES.map((def) => {
          const s = settings.get(def.code);
          return { def, enabled: s?.enabled ?? true, feeYen: s?.feeYen ?? null, noteJa: s?.noteJa ?? '', updatedAt: s?.updatedAt ?? null, submittedThisMonth: submitted.get(def.code) ?? 0 };
        });
      });
    },

    /**
     * Online applications the intake could not turn into a case yet (still retried each run), with the refusal's
     * words and how often it was tried: for the staff who handle cases. No personal data (procedure and times only).
     */
    intakeRefusals: (actor: Actor) => {
      if (!can(actor, 'cases:handle') && !can(actor, 'tenant:configure')) throw new ForbiddenError('cases:handle');
      return withTenant(db, actor.municipalityCode, (trx) => repo.intakeRefusals(trx));
    },

    /** The procedures this municipality offers online. */
    catalogue: (r: Resident) => withResident(db, r, (trx) => offered(trx)),

    /** One procedure's overview: what it needs, the fee, who may apply, whether the resident is eligible. */
    overview: (r: Resident, code: string, ctx: RequestContext) => withResident(db, r, async (trx) => {
      const o = await offer(trx, code);
      const view = o.def.eligibility.length ? await readRegistry(trx, r, 'procedures.eligibility.read', ctx) : { items: {}, members: [], readPersonIds: [] };
      return { ...o, matched: !!r.match, eligibility: eligibility(o.def, r, view) };
    }),

    /**
     * Starts an application: a draft, prefilled from the registry when the resident is matched.
     * @throws ProcedureError 'procedure-not-found', 'not-eligible'
     */
    start: (r: Resident, code: string, ctx: RequestContext, token?: string) => withResident(db, r, async (trx) => {
      const o = await offer(trx, code);
      // The start form's one-time token is the application's key: a repeated start opens the same draft.
      const key = token && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token) ? token.toLowerCase() : undefined;
      if (key) {
        const existing = await repo.findApplication(trx, key, r.residentId);
        if (existing && existing.procedureCode === code) return { applicationId: key, firstPage: o.def.pages[0]!.id };
        if (existing) fail('application-not-found');
      }
      const view = await readRegistry(trx, r, 'procedures.prefill.read', ctx);
      const el = eligibility(o.def, r, view);
      if (el.state === 'unmet') fail('not-eligible', { unmet: el.unmet });
      const data: ApplicationData = {};
      for (const f of o.def.pages.flatMap((p) => p.fields)) {
        const v = f.prefill ? view.items[f.prefill] : undefined;
        if (v) setPath(data, f.name, v);
      }
      if (o.def.applicants.length > 1) data.relation = 'self';
      const applicationId = key ?? crypto.randomUUID();
      const now = clock.now();
      await repo.insertApplication(trx, r.municipalityCode, { applicationId, residentId: r.residentId, procedureCode: o.def.code, procedureVersion: o.def.version,
        data, prefilled: !!r.match && Object.keys(view.items).length > 0, assurance: r.assurance, createdAt: now, updatedAt: now });
      return { applicationId, firstPage: o.def.pages[0]!.id };
    }),

    /** An application with what its pages need: the definition, the data, attachments, the choices from the registry and the daycare round. */
    get: (r: Resident, applicationId: string, ctx: RequestContext) => withResident(db, r, async (trx) => {
      const { app, def, data } = await load(trx, r, applicationId);
      const needsRegistry = def.pages.some((p) => p.fields.some((f) => f.optionsFrom === 'household-children' || f.optionsFrom === 'household-members'));
      const view = needsRegistry && app.status === 'draft' ? await readRegistry(trx, r, 'procedures.household.read', ctx) : { items: {}, members: [], readPersonIds: [] };
      const facilities = def.pages.some((p) => p.fields.some((f) => f.optionsFrom === 'daycare-facilities')) ? (await repo.openRoundFacilities(trx)).facilities : [];
      const attachments = await repo.attachments(trx, applicationId);
      return { app, def, data, attachments, members: view.members, facilities, ...completeness(def, data, attachments) };
    }),

    /**
     * Saves one page: reads the posted fields, keeps what could be read, and answers the page's errors (Japanese,
     * per field) and the next page. A submitted application cannot change.
     * @throws ProcedureError 'application-not-found', 'page-not-found', 'application-submitted'
     */
    savePage: (r: Resident, applicationId: string, pageId: string, body: FormBody) => withResident(db, r, async (trx) => {
      const { app, def, data } = await load(trx, r, applicationId, true);
      if (app.status !== 'draft') fail('application-submitted');
      const page = pageOf(def, pageId);
      const read = readPage(page, data, body);
      if (read.data.relation !== undefined && !def.applicants.includes(read.data.relation as never)) delete read.data.relation;
      const errors: FieldErrors = { ...validate(def, read.data, page), ...read.errors };
      await repo.updateData(trx, applicationId, read.data, clock.now());
      const i = def.pages.indexOf(page);
      return { errors, next: def.pages[i + 1]?.id ?? null, data: read.data };
    }),

    /**
     * Adds an attachment: its type by content (magic bytes) must be one the definition allows, within the size
     * limit; where a virus scanner is configured the file is scanned first (outside the transaction: a slow scanner
     * holds no database connection) and an infected file is refused and never stored; its SHA-256 and whether it
     * was scanned are kept with it.
     */
    attach: async (r: Resident, applicationId: string, code: string, file: { fileName: string; bytes: Uint8Array }) => {
      const scanned = deps.scanner && file.bytes.length > 0 && sniffMediaType(file.bytes) ? { verdict: await scan(deps.scanner, file.bytes), at: clock.now() } : null;
      return withResident(db, r, async (trx) => {
        const { app, def } = await load(trx, r, applicationId, true);
        if (app.status !== 'draft') fail('application-submitted');
        const a = def.attachments.find((x) => x.code === code);
        if (!a) fail('attachment-unknown');
        if (file.bytes.length === 0) fail('attachment-empty');
        if (file.bytes.length > a.maxBytes) fail('attachment-too-large', { maxBytes: a.maxBytes });
        const mediaType = sniffMediaType(file.bytes);
        if (!mediaType || !a.mediaTypes.includes(mediaType)) fail('attachment-type');
        if (scanned?.verdict.verdict === 'infected') fail('attachment-infected');
        const content = Buffer.from(file.bytes);
        const sha256 = crypto.createHash('sha256').update(content).digest('hex');
        const attachmentId = crypto.randomUUID();
        const fileName = file.fileName.replace(/[\u0000-\u001f\u007f/\\]/g, '').slice(0, 200) || 'file';
        const virusScan = scanned ? 'clean' as const : 'not-configured' as const;
        await repo.insertAttachment(trx, r.municipalityCode, { applicationId, attachmentId, attachmentCode: code, fileName, mediaType, byteSize: content.length, sha256, content, addedAt: clock.now(),
          virusScan, scannedAt: scanned?.at ?? null });
        return { attachmentId, mediaType, sha256, byteSize: content.length, virusScan };
      });
    },

    /** Removes an attachment of a draft. */
    removeAttachment: (r: Resident, applicationId: string, attachmentId: string) => withResident(db, r, async (trx) => {
      const { app } = await load(trx, r, applicationId, true);
      if (app.status !== 'draft') fail('application-submitted');
      if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) fail('attachment-not-found');
      const res = await repo.deleteAttachment(trx, applicationId, attachmentId);
      if (Number(res.numDeletedRows) === 0) fail('attachment-not-found');
    }),

    /** Discards a draft. */
    discard: (r: Resident, applicationId: string) => withResident(db, r, async (trx) => {
      const { app } = await load(trx, r, applicationId, true);
      if (app.status !== 'draft') fail('application-submitted');
      await repo.deleteDraft(trx, applicationId);
    }),

    /**
     * Submits the application once: checks it whole, builds its case submission (channel online, the resident as
     * applicant) and marks it submitted; in one process the case is opened in the same transaction, on the internet
     * side the application waits in the inbox for the LGWAN side (procedures-intake.ts). A repeat answers the same (idempotent).
     * @throws ProcedureError 'application-invalid' (with the field errors), 'attachment-missing'
     */
    async submit(r: Resident, applicationId: string, ctx: RequestContext) {
      const out = await withResident(db, r, async (trx) => {
        const { app, def, data } = await load(trx, r, applicationId, true);
        if (app.status === 'submitted') return { caseId: app.caseId, caseNo: app.caseNo, repeated: true };
        await offer(trx, def.code);
        const attachments = await repo.attachments(trx, applicationId);
        const { errors, missing } = completeness(def, data, attachments);
        if (Object.keys(errors).length) fail('application-invalid', { fields: errors });
        if (missing.length) fail('attachment-missing', { attachments: missing.map((a) => a.labelJa) });
        const view = await readRegistry(trx, r, 'procedures.submission.read', ctx);
        const round = def.caseTypeCode === 'daycare-application' ? await repo.openRoundFacilities(trx) : { roundId: null, facilities: [] };
        const submission = toCaseSubmission(def, data, r, view, round.roundId, round.facilities);
        const now = clock.now();
        await repo.markReceived(trx, applicationId, { submission, assurance: r.assurance, now });
        if (publicSide) return { caseId: null, caseNo: null, repeated: false };
        const opened = await openCaseIn(trx, r.municipalityCode, { applicationId, residentId: r.residentId, submission }, ctx);
        return { ...opened, repeated: false };
      });
      if (!out.repeated && out.caseId) cases.kickJobs(r.municipalityCode);
      return out;
    },

    /**
     * The attachments of the online application behind a case, for staff who handle cases (labels from the
     * definition, no bytes). The case page itself is access-logged by the cases domain.
     */
    staffAttachments: (actor: Actor, caseId: string) => withTenant(db, actor.municipalityCode, async (trx) => {
      if (!can(actor, 'cases:handle') && !can(actor, 'cases:decide')) throw new ForbiddenError('cases:handle');
      return (await repo.attachmentsOfCase(trx, caseId)).map((a) => {
        const def = procedureOf(a.procedureCode)?.attachments.find((x) => x.code === a.attachmentCode);
        return { ...a, labelJa: def?.labelJa ?? '添付書類', labelEn: def?.labelEn ?? 'Attachment' };
      });
    }),

    /**
     * One attachment's bytes for staff (viewed as an image or downloaded as PDF); every read is access-logged with
     * the case as its subject. @throws ProcedureError 'attachment-not-found'
     */
    staffAttachment: (actor: Actor, caseId: string, attachmentId: string, ctx: RequestContext) => withTenant(db, actor.municipalityCode, async (trx) => {
      if (!can(actor, 'cases:handle') && !can(actor, 'cases:decide')) throw new ForbiddenError('cases:handle');
      if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) fail('attachment-not-found');
      const a = await repo.attachmentOfCase(trx, caseId, attachmentId);
      if (!a) fail('attachment-not-found');
      await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'procedures.attachment.read', subjectType: 'case', subjectId: caseId,
        purpose: '電子申請の添付書類の確認', ...ctx });
      return a;
    }),

    /** 申請状況: every application of the resident, drafts first, with the case's status, dates, 補正 and result. */
    list: (r: Resident, ctx: RequestContext, lang: 'ja' | 'en' = 'ja') => withResident(db, r, async (trx) => {
      const apps = await repo.listApplications(trx, r.residentId);
      const seen = publicSide ? await publicCases(trx, r, lang) : undefined;
      const out = [];
      for (const app of apps) out.push(await tracked(trx, r, app, lang, seen));
      const caseIds = apps.filter((a) => a.caseId).map((a) => a.caseId!);
      if (caseIds.length) await accessLog.appendMany(trx, r.municipalityCode, caseIds.map((id) => ({ actorType: 'resident' as const, actorId: r.residentId, action: 'procedures.case.list', subjectType: 'case', subjectId: id, ...ctx })));
      return out;
    }),

    /** One application with its case, as the resident sees it. */
    status: (r: Resident, applicationId: string, ctx: RequestContext, lang: 'ja' | 'en' = 'ja') => withResident(db, r, async (trx) => {
      const { app } = await load(trx, r, applicationId);
      const t = await tracked(trx, r, app, lang, publicSide ? await publicCases(trx, r, lang) : undefined);
      if (app.caseId) await accessLog.appendMany(trx, r.municipalityCode, [{ actorType: 'resident', actorId: r.residentId, action: 'procedures.case.read', subjectType: 'case', subjectId: app.caseId, ...ctx }]);
      if (app.caseId && t.daycare?.state === 'decided') {
        await accessLog.appendMany(trx, r.municipalityCode, [{ actorType: 'resident', actorId: r.residentId, action: 'procedures.daycare-result.read', subjectType: 'case', subjectId: app.caseId, ...ctx }]);
      }
      return t;
    }),

    /**
     * Answers a 補正 request online: the message (and nothing else changes in the data); the clock restarts.
     * @throws ProcedureError 'correction-message-required'; CaseRuleError 'correction-not-found', 'correction-answered', 'case-closed'
     */
    async answerCorrection(r: Resident, applicationId: string, correctionId: string, message: string, ctx: RequestContext) {
      const text = message.trim();
      if (!text) fail('correction-message-required');
      await withResident(db, r, async (trx) => {
        const { app } = await load(trx, r, applicationId);
        if (!app.caseId) fail('application-not-found');
        if (publicSide) {
          // The internet side records the answer in the inbox; the LGWAN side puts it on the case (procedures-intake.ts).
          const k = (await publicCases(trx, r, 'ja')).get(applicationId);
          const c = k?.kase.corrections.find((x) => x.correctionId === correctionId.toLowerCase());
          if (!k || !c) fail('correction-not-found');
          if (c.answeredAt) fail('correction-answered');
          if (k.kase.closedAt) fail('case-closed');
          await repo.insertAnswer(trx, r.municipalityCode, { correctionId: c.correctionId, applicationId, message: text.slice(0, 4000), answeredAt: clock.now() });
        } else await cases.answerCorrectionIn(trx, r.municipalityCode, { type: 'applicant', id: r.residentId }, app.caseId, correctionId, { message: text.slice(0, 4000) });
        await accessLog.appendMany(trx, r.municipalityCode, [{ actorType: 'resident', actorId: r.residentId, action: 'procedures.case.correction-answer', subjectType: 'case', subjectId: app.caseId, ...ctx }]);
      });
      if (!publicSide) cases.kickJobs(r.municipalityCode);
    },

    openCaseIn,
  };

  /**
   * Opens the case of a submitted application (CasesService.submitIn) and links it, in the caller's transaction: the
   * submission in one process, or the LGWAN side's task for the internet side's inbox. Writes the 受付 notification.
   */
  async function openCaseIn(trx: TenantTx, m: string, app: { applicationId: string; residentId: string; submission: unknown }, ctx: RequestContext) {
    const opened = await cases.submitIn(trx, m, { type: 'applicant', id: app.residentId }, app.submission as CaseSubmission, ctx);
    await repo.linkCase(trx, app.applicationId, { caseId: opened.caseId, caseNo: opened.caseNo, now: clock.now() });
    await notifyCaseChangeIn(trx, m, opened.caseId, 'received');
    return { caseId: opened.caseId, caseNo: opened.caseNo };
  }

  /** The internet side's view of the resident's cases, by application (procedures.resident_cases, keyed by the live session). */
  async function publicCases(trx: TenantTx, r: Resident, lang: 'ja' | 'en') {
    const rows = await repo.residentCases(trx, r.sessionTokenHash, lang);
    return new Map(rows.map((row) => [row.applicationId, caseOfRow(row)]));
  }

  async function tracked(trx: TenantTx, r: Resident, app: ApplicationRow, lang: 'ja' | 'en', seen?: Map<string, ReturnType<typeof caseOfRow>>) {
    const def = procedureOf(app.procedureCode)!;
    if (!app.caseId) return { app, def, kase: null, daycare: null };
    if (seen) {
      const k = seen.get(app.applicationId);
      return { app, def, kase: k?.kase ?? null, daycare: k?.daycare ?? null };
    }
    const v = await cases.viewIn(trx, r.municipalityCode, app.caseId);
    const kase = {
      caseNo: v.caseNo, statusCode: v.statusCode, resultCode: v.resultCode, receivedOn: v.receivedOn, legalDueOn: v.legalDueOn, targetDueOn: v.targetDueOn,
      suspended: v.suspended, closedAt: v.closedAt,
      corrections: v.corrections.map((c) => ({ correctionId: c.correctionId, message: c.message, requestedAt: c.requestedAt, answerMessage: c.answerMessage, answeredAt: c.answeredAt })),
      decision: v.decision ? { outcome: v.decision.outcome, reasons: v.decision.reasons, decidedAt: v.decision.decidedAt, byRule: v.decision.decidedByType === 'system' } : null,
    };
    const effect = (v.decision?.effect ?? {}) as { kind?: string; roundId?: string };
    const daycareResult: ResidentDaycareResult | null = daycare && effect.kind === 'daycare-application' && effect.roundId && v.decision?.outcome === 'approved'
      ? await daycare.resultForCaseIn(trx, r.municipalityCode, effect.roundId, v.caseNo, lang) : null;
    return { app, def, kase, daycare: daycareResult };
  }
}

/** A row of procedures.resident_cases as 申請状況 shows it (the same shape as the cases domain's view gives). */
function caseOfRow(row: ResidentCaseRow) {
  const d = row.decision as { outcome: string; reasons: string; decidedAt: string; byRule: boolean; effectKind: string | null } | null;
  const kase = {
    caseNo: row.caseNo, statusCode: row.statusCode, resultCode: row.resultCode, receivedOn: row.receivedOn, legalDueOn: row.legalDueOn, targetDueOn: row.targetDueOn,
    suspended: row.suspended, closedAt: row.closedAt,
    corrections: row.corrections as Array<{ correctionId: string; message: string; requestedAt: string; answerMessage: string | null; answeredAt: string | null }>,
    decision: d ? { outcome: d.outcome, reasons: d.reasons, decidedAt: d.decidedAt, byRule: d.byRule } : null,
  };
  const daycare = d?.effectKind === 'daycare-application' && d.outcome === 'approved' ? (row.daycare as ResidentDaycareResult | null) : null;
  return { kase, daycare };
}

export type ProceduresService = ReturnType<typeof createProceduresService>;

/** One scan; a scanner that gives no verdict refuses the upload (503, try again), never lets the file through. */
async function scan(scanner: VirusScanner, bytes: Uint8Array): Promise<ScanVerdict> {
  try {
    return await scanner.scan(bytes);
  } catch (e) {
    if (e instanceof VirusScannerUnavailableError) fail('virus-scan-unavailable');
    throw e;
  }
}
