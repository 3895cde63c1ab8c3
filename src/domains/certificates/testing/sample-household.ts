// SPDX-License-Identifier: EUPL-1.2
/** Fictitious records for tests and the benchmark: a 4-person Japanese household and a foreign resident. */
import type { CertificatePerson } from '../certificate-model.ts';

const day = (sortKey: string) => ({ sortKey, precision: 'day' as const });

/** A household member with sensible defaults; override what the test needs. */
export function samplePerson(over: Partial<CertificatePerson> & { personId: string }): CertificatePerson {
  return {
    householdId: 'h-1', relationship: '世帯主', memberOrder: 1, residentKind: 'japanese',
    familyName: '住民', givenName: '太郎', familyNameKana: 'ジュウミン', givenNameKana: 'タロウ',
    // Readings certified by the 本籍地 (公証): printed as 振り仮名.
    readingStatus: { familyNameKana: 'certified', givenNameKana: 'certified', oldSurnameKana: 'certified' },
    birthDate: day('1980-04-01'), sex: 'male', honseki: '長野県塩尻市大門一番町１２番地', hittosha: '住民　太郎',
    address: { townName: '大門一番町', banchi: '12番2号', katagaki: 'サンハイツ101' },
    becameResidentOn: day('2015-04-01'), addressFixedOn: day('2015-04-01'), notifiedOn: '2015-04-03',
    previousAddress: '東京都千代田区霞が関二丁目1番2号', residentCode: '12345678901', supportMeasure: false,
    history: [{ on: '2015-04-01', label: '国内転入', detail: '東京都千代田区霞が関二丁目1番2号' }],
    ...over,
  };
}

/** 住民 family: head, spouse (with 旧氏), two children. */
export function sampleHousehold(): CertificatePerson[] {
  return [
    samplePerson({ personId: 'p-1' }),
    samplePerson({ personId: 'p-2', relationship: '妻', memberOrder: 2, givenName: '花子', givenNameKana: 'ハナコ', sex: 'female', birthDate: day('1982-11-23'), oldSurname: '佐藤', oldSurnameKana: 'サトウ', residentCode: '23456789012' }),
    samplePerson({ personId: 'p-3', relationship: '子', memberOrder: 3, givenName: '一郎', givenNameKana: 'イチロウ', birthDate: day('2010-06-15'), residentCode: '34567890123' }),
    samplePerson({
      personId: 'p-4', relationship: '子', memberOrder: 4, givenName: '桜', givenNameKana: 'サクラ', sex: 'female', birthDate: day('2019-05-01'),
      becameResidentOn: day('2019-05-01'), addressFixedOn: day('2019-05-01'), notifiedOn: '2019-05-10', previousAddress: undefined,
      residentCode: '45678901234', history: [{ on: '2019-05-01', label: '出生' }],
    }),
  ];
}

/** A foreign resident (中長期在留者) living alone, with 通称. */
export function sampleForeignResident(): CertificatePerson {
  return samplePerson({
    personId: 'f-1', householdId: 'h-2', residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '',
    romanName: 'NGUYEN VAN AN', alias: '山田　安', aliasKana: 'ヤマダ　アン', birthDate: day('1995-02-14'), honseki: undefined, hittosha: undefined,
    address: { townName: '広丘野村', banchi: '1780番地', katagaki: '' },
    becameResidentOn: day('2022-10-01'), addressFixedOn: day('2023-03-15'), notifiedOn: '2022-10-05', previousAddress: 'ベトナム社会主義共和国',
    foreign: {
      nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技術・人文知識・国際業務', residencePeriod: '3年',
      residenceExpiry: '2026-09-30', residenceCardNo: 'AB12345678CD', foreignResidentSince: day('2022-10-01'),
    },
    history: [{ on: '2022-10-01', label: '国外転入' }, { on: '2023-03-15', label: '転居', detail: '長野県塩尻市大門七番町3番4号' }],
  });
}
