// SPDX-License-Identifier: EUPL-1.2
/** Parts every procedure definition shares: the applicant page and its JSON Schema, option lists. */
import type { ApplicantKind, FieldDef, PageDef } from '../procedure-definition.ts';

export const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

const RELATIONS: Record<ApplicantKind, { labelJa: string; labelEn: string }> = {
  self: { labelJa: '本人', labelEn: 'The person concerned' },
  household: { labelJa: '同一世帯の方', labelEn: 'A member of the same household' },
  proxy: { labelJa: '代理人（委任状が必要です）', labelEn: 'A representative (power of attorney required)' },
};

/** The applicant page: name, reading, birth date (prefilled), contact, and who applies. */
export function applicantPage(applicants: ApplicantKind[]): PageDef {
  const fields: FieldDef[] = [
    { name: 'applicant.familyName', kind: 'text', labelJa: '氏', labelEn: 'Family name', required: true, prefill: 'person.familyName', autocomplete: 'family-name' },
    { name: 'applicant.givenName', kind: 'text', labelJa: '名', labelEn: 'Given name', required: true, prefill: 'person.givenName', autocomplete: 'given-name' },
    { name: 'applicant.familyNameKana', kind: 'kana', labelJa: '氏（フリガナ）', labelEn: 'Family name (katakana)', required: true, prefill: 'person.familyNameKana' },
    { name: 'applicant.givenNameKana', kind: 'kana', labelJa: '名（フリガナ）', labelEn: 'Given name (katakana)', required: true, prefill: 'person.givenNameKana' },
    { name: 'applicant.birthDate', kind: 'date', labelJa: '生年月日', labelEn: 'Date of birth', required: true, prefill: 'person.birthDate' },
    { name: 'applicant.phone', kind: 'tel', labelJa: '日中の連絡先電話番号', labelEn: 'Daytime phone number', hintJa: '補正のお願いなど、確認が必要なときに連絡します（例: 0263-52-0280）', required: true, autocomplete: 'tel' },
    { name: 'applicant.email', kind: 'email', labelJa: 'メールアドレス', labelEn: 'E-mail address', hintJa: '申請状況が変わったときにお知らせします（任意）', autocomplete: 'email' },
  ];
  if (applicants.length > 1) {
    fields.push({ name: 'relation', kind: 'radio', labelJa: '申請する方', labelEn: 'Who is applying', required: true,
      options: applicants.map((a) => ({ value: a, ...RELATIONS[a] })) });
  }
  return { id: 'applicant', titleJa: '申請する方', titleEn: 'Applicant', leadJa: 'お名前などを確認してください。', fields };
}

/** JSON Schema of the applicant part. */
export function applicantSchema(applicants: ApplicantKind[]) {
  return {
    applicant: {
      type: 'object', additionalProperties: false,
      required: ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'phone'],
      properties: {
        familyName: { type: 'string', minLength: 1, maxLength: 100 },
        givenName: { type: 'string', minLength: 1, maxLength: 100 },
        familyNameKana: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[ァ-ヶー　 ]+$' },
        givenNameKana: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[ァ-ヶー　 ]+$' },
        birthDate: { type: 'string', pattern: ISO_DATE },
        phone: { type: 'string', minLength: 10, maxLength: 13, pattern: '^[0-9-]+$' },
        email: { type: 'string', maxLength: 200, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
      },
    },
    relation: { type: 'string', enum: applicants },
  };
}

/** The top-level schema around a procedure's own properties. */
export function procedureSchema(applicants: ApplicantKind[], properties: Record<string, unknown>, required: string[]) {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', additionalProperties: false,
    required: ['applicant', ...(applicants.length > 1 ? ['relation'] : []), ...required],
    properties: { ...applicantSchema(applicants), ...properties },
  };
}

/** 委任状 when a representative applies. */
export const POWER_OF_ATTORNEY = {
  code: 'power-of-attorney', labelJa: '委任状', labelEn: 'Power of attorney', required: { name: 'relation', equals: 'proxy' },
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] as Array<'application/pdf' | 'image/jpeg' | 'image/png'>, maxBytes: 1_000_000,
};

/** A photo or scan of an identity document. */
export const IDENTITY_DOCUMENT = {
  code: 'identity-document', labelJa: '本人確認書類の写し（運転免許証など）', labelEn: 'Copy of an identity document', required: false as const,
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] as Array<'application/pdf' | 'image/jpeg' | 'image/png'>, maxBytes: 1_000_000,
};

export const YES_NO = [{ value: 'yes', labelJa: 'はい', labelEn: 'Yes' }, { value: 'no', labelJa: 'いいえ', labelEn: 'No' }];
