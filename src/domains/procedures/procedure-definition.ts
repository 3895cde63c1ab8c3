// SPDX-License-Identifier: EUPL-1.2
/**
 * A procedure definition (手続定義) as data: shared by every municipality, versioned, enabled and configured per
 * municipality (procedures.procedure_setting), never forked. It states the data asked for (a JSON Schema, checked
 * with ajv), the pages and their fields, the registry items that prefill them, the eligibility conditions, the
 * required attachments, the fee, who may apply and the case type the submission opens.
 */

/** Registry items a field may be prefilled from (only when the resident is matched to one registry person). */
export type RegistryItem = 'person.familyName' | 'person.givenName' | 'person.familyNameKana' | 'person.givenNameKana' | 'person.birthDate' | 'person.address';

/** Option lists filled at run time. */
export type OptionSource = 'daycare-facilities' | 'household-children' | 'household-members';

/** One input on a page. `name` is a dot path into the application data (`applicant.familyName`). */
export interface FieldDef {
  name: string;
  kind: 'text' | 'kana' | 'date' | 'radio' | 'select' | 'number' | 'textarea' | 'checkbox' | 'tel' | 'email' | 'rank' | 'members';
  labelJa: string;
  labelEn: string;
  hintJa?: string;
  required?: boolean;
  options?: Array<{ value: string; labelJa: string; labelEn: string }>;
  optionsFrom?: OptionSource;
  /** rank: how many ranked choices. */
  count?: number;
  prefill?: RegistryItem;
  autocomplete?: string;
  /** Shown (and validated) only when another field has this value. */
  showIf?: { name: string; equals: string };
}

/** A page (step) of the form. */
export interface PageDef { id: string; titleJa: string; titleEn: string; leadJa?: string; fields: FieldDef[] }

/** An attachment the procedure asks for; content type checked by magic bytes. */
export interface AttachmentDef {
  code: string;
  labelJa: string;
  labelEn: string;
  /** Required always, or only when a field has a value (e.g. 委任状 when 代理人). */
  required: boolean | { name: string; equals: string };
  mediaTypes: Array<'application/pdf' | 'image/jpeg' | 'image/png'>;
  maxBytes: number;
}

/** An eligibility condition, evaluated before the form starts. */
export interface EligibilityDef { rule: 'household-has-child'; params: { maxAge: number }; labelJa: string; labelEn: string }

/** Who may apply: 本人, 同一世帯員, 代理人. */
export type ApplicantKind = 'self' | 'household' | 'proxy';

/** How a submission becomes a case: case data fields from data paths, the subjects. */
export interface CaseMapping {
  /**
   * case data key → a data path (dot path), a constant, a はい/いいえ field as a boolean, or the daycare facts the
   * rule table scores (from the fields need1, hours1, need2, hours2, waitingMonths), a choice field's Japanese label
   * (`label`), or the chosen daycare facilities by name (`facilityNames`; staff read names, not ids).
   */
  data: Record<string, string | { const: unknown } | { yesNo: string } | { daycareFacts: true } | { daycareRound: true } | { label: string } | { facilityNames: string }>;
  /** Who the case is about: the applicant, or the household members chosen in `data.<field>` (宛名番号 list). */
  subjects: 'applicant' | { membersField: string };
}

export interface ProcedureDefinition {
  code: string;
  version: number;
  validFrom: string;
  titleJa: string;
  titleEn: string;
  summaryJa: string;
  summaryEn: string;
  /** The case type the submission opens (src/domains/cases/standard-case-types.ts). */
  caseTypeCode: string;
  applicants: ApplicantKind[];
  fee: { yen: number; noteJa: string; noteEn: string };
  attachments: AttachmentDef[];
  eligibility: EligibilityDef[];
  /** JSON Schema (draft 07) of the application data. */
  schema: Record<string, unknown>;
  pages: PageDef[];
  toCase: CaseMapping;
}
