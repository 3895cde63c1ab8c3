// SPDX-License-Identifier: EUPL-1.2
/**
 * The national template of the life-event rules (every municipality starts from it; a municipality's own
 * version replaces it from its validFrom, see rule-sets.ts). Data only: the engine is rule-engine.ts.
 * Ages are whole years on the event's day.
 */
import type { ProcedureDef, RuleSet, Text } from './rule-set.ts';

const t = (ja: string, en: string): Text => ({ ja, en });
const ID = t('本人確認書類（マイナンバーカード・運転免許証など）', 'Proof of identity (My Number Card, driving licence, …)');
const CARD = t('マイナンバーカード（お持ちの方全員分）', 'My Number Cards of everyone who has one');
const SHIMIN = t('市民課（総合窓口）', 'Residents section (one-stop counter)');
const HOKEN = t('保険年金課', 'Health insurance and pension section');
const KODOMO = t('こども課', 'Children section');
const KAIGO = t('高齢福祉課（介護保険）', 'Elderly welfare section (long-term care)');

const registryProcedures: ProcedureDef[] = [
  {
    code: 'move-in', title: t('転入届', 'Moving-in notification'), where: SHIMIN, when: t('引越した日から14日以内', 'Within 14 days of moving'),
    bring: [t('転出証明書（マイナンバーカードで転出した方は不要）', 'Moving-out certificate (not needed if you moved out with a My Number Card)'), ID, CARD],
    online: 'none', registryChange: 'move-in',
    rules: [{ when: { events: ['move-in'] }, reason: t('市外から引越してきたため（住民基本台帳法第22条）', 'You moved in from another municipality') }],
  },
  {
    code: 'foreign-move-in', title: t('転入届（国外からの転入）', 'Moving-in notification (from abroad)'), where: SHIMIN,
    when: t('住所を定めた日から14日以内', 'Within 14 days of settling'),
    bring: [t('在留カード又は特別永住者証明書（全員分）', 'Residence cards (everyone)'), t('パスポート', 'Passports')],
    online: 'none', registryChange: 'move-in',
    rules: [{ when: { events: ['foreign-move-in'] }, reason: t('国外から住所を定めたため（住民基本台帳法第30条の46）', 'You settled here from abroad') }],
  },
  {
    code: 'move-out', title: t('転出届', 'Moving-out notification'), where: SHIMIN, when: t('引越す前（引越した日から14日以内まで）', 'Before moving (up to 14 days after)'),
    bring: [ID, CARD], online: 'mynaportal', caseType: 'move-out', registryChange: 'move-out',
    rules: [{ when: { events: ['move-out'] }, reason: t('市外へ引越すため（住民基本台帳法第24条）', 'You are moving out of the municipality') }],
  },
  {
    code: 'move-within', title: t('転居届', 'Notification of a move within the municipality'), where: SHIMIN, when: t('引越した日から14日以内', 'Within 14 days of moving'),
    bring: [ID, CARD], online: 'jichi', caseType: 'move-within', registryChange: 'move-within',
    rules: [{ when: { events: ['move-within'] }, reason: t('市内で住所が変わったため（住民基本台帳法第23条）', 'Your address within the municipality changed') }],
  },
  {
    code: 'birth', title: t('出生届', 'Birth registration'), where: SHIMIN, when: t('生まれた日を含めて14日以内', 'Within 14 days of the birth'),
    bring: [t('出生証明書（出生届の右側）', 'Birth certificate (right half of the form)'), t('母子健康手帳', 'Maternal and child health handbook')],
    online: 'none', registryChange: 'birth',
    rules: [{ when: { events: ['birth'] }, reason: t('お子さんが生まれたため（戸籍法第49条）', 'A child was born') }],
  },
  {
    code: 'death', title: t('死亡届・火葬許可申請', 'Death registration and cremation permit'), where: SHIMIN, when: t('亡くなったことを知った日から7日以内', 'Within 7 days of learning of the death'),
    bring: [t('死亡診断書（死亡届の右側）', 'Death certificate (right half of the form)'), ID],
    online: 'none', registryChange: 'death',
    rules: [{ when: { events: ['death'] }, reason: t('ご家族が亡くなったため（戸籍法第86条）', 'A family member died') }],
  },
  {
    code: 'household-change', title: t('世帯変更届', 'Household change notification'), where: SHIMIN, when: t('変更があった日から14日以内', 'Within 14 days of the change'),
    bring: [ID], online: 'none', registryChange: 'household-change',
    rules: [
      { when: { events: ['household-change'] }, reason: t('世帯の構成や世帯主が変わるため（住民基本台帳法第25条）', 'The household or its head changes') },
      { when: { events: ['death'], member: { head: true } }, reason: t('世帯主が亡くなり、残る世帯員に15歳以上の方が2人以上いる場合は新しい世帯主の届出が必要なため', 'The head of household died') },
    ],
  },
];

const cardProcedures: ProcedureDef[] = [
  {
    code: 'my-number-card-address', title: t('マイナンバーカードの住所変更（継続利用）', 'Address change on the My Number Card'), where: SHIMIN,
    when: t('転入届・転居届と同時に（転入日から90日以内）', 'Together with the moving notification (within 90 days)'),
    bring: [CARD, t('暗証番号（4桁）', 'PIN (4 digits)')], online: 'none',
    rules: [{ when: { events: ['move-in', 'move-within'] }, reason: t('券面の住所を書き換え、カードを続けて使うため', 'The address on the card must be updated') }],
  },
  {
    code: 'residence-card-address', title: t('在留カードの住居地届出', 'Residence card: notifying the address'), where: SHIMIN,
    when: t('住居地を定めた日から14日以内（転入届と同時に）', 'Within 14 days, with the moving notification'),
    bring: [t('在留カード又は特別永住者証明書', 'Residence card or special permanent resident certificate')], online: 'none',
    rules: [{ when: { events: ['move-in', 'move-within', 'foreign-move-in'], member: { foreign: true } }, reason: t('外国人住民の住居地が変わるため（入管法第19条の7・9）', 'A foreign resident\'s address changes') }],
  },
  {
    code: 'seal-registration', title: t('印鑑登録', 'Seal registration'), where: SHIMIN, when: t('必要なときに（転入届と同時が便利）', 'When you need it (easiest with the moving notification)'),
    bring: [t('登録する印鑑', 'The seal to register'), ID], online: 'none', caseType: 'seal-registration',
    rules: [{ when: { events: ['move-in', 'foreign-move-in'], member: { minAge: 15 } }, reason: t('前の市区町村の印鑑登録は転出で廃止されたため（15歳以上）', 'Your registration in the former municipality ended when you moved out (15 and over)') }],
  },
  {
    code: 'seal-registration-end', title: t('印鑑登録の廃止（手続不要）', 'Seal registration ends (nothing to do)'), where: SHIMIN, when: t('転出届・死亡届で自動的に廃止', 'Ends automatically'),
    bring: [t('印鑑登録証（返却）', 'Seal registration card (return it)')], online: 'none',
    rules: [{ when: { events: ['move-out', 'death'], member: { minAge: 15 } }, reason: t('転出・死亡により印鑑登録が廃止されるため（登録証をお返しください）', 'The registration ends with the move or death') }],
  },
];

const insuranceProcedures: ProcedureDef[] = [
  {
    code: 'nhi-enrolment', title: t('国民健康保険の加入', 'Enrolling in National Health Insurance'), where: HOKEN, when: t('資格を得た日から14日以内', 'Within 14 days'),
    bring: [ID, t('前の健康保険の資格喪失証明書（会社の保険をやめた方）', 'Certificate of loss of the previous insurance (if any)')], online: 'none', caseType: 'nhi-enrolment',
    rules: [
      { when: { events: ['move-in', 'foreign-move-in'], member: { nhi: true, maxAge: 74 } }, reason: t('国民健康保険に入る方が転入するため（資格異動）', 'A National Health Insurance member moves in') },
      { when: { events: ['birth'], member: { nhi: true }, scope: 'household' }, reason: t('国民健康保険の世帯にお子さんが生まれたため', 'A child was born into a National Health Insurance household') },
    ],
  },
  {
    code: 'nhi-withdrawal', title: t('国民健康保険の資格喪失', 'Leaving National Health Insurance'), where: HOKEN, when: t('転出・死亡の日から14日以内', 'Within 14 days'),
    bring: [ID, t('資格確認書・保険証（お持ちの方）', 'Insurance certificate (if any)')], online: 'none', caseType: 'nhi-withdrawal',
    rules: [{ when: { events: ['move-out', 'death'], member: { nhi: true, maxAge: 74 } }, reason: t('国民健康保険の被保険者が転出又は死亡するため（資格異動）', 'A member leaves or died') }],
  },
  {
    code: 'nhi-address', title: t('国民健康保険の住所・世帯主変更', 'National Health Insurance: address or head of household'), where: HOKEN, when: t('変更から14日以内', 'Within 14 days'),
    bring: [ID], online: 'none',
    rules: [{ when: { events: ['move-within', 'household-change'], member: { nhi: true }, scope: 'household' }, reason: t('国民健康保険の世帯の住所や世帯主が変わるため（資格異動）', 'The address or head of an insured household changes') }],
  },
  {
    code: 'funeral-expenses', title: t('葬祭費の支給申請', 'Funeral expenses'), where: HOKEN, when: t('葬儀を行った日の翌日から2年以内', 'Within 2 years of the funeral'),
    bring: [t('葬儀の領収書（喪主の名前があるもの）', 'Funeral receipt'), t('喪主名義の口座', 'Bank account of the chief mourner')], online: 'none',
    rules: [{ when: { events: ['death'], member: { nhi: true } }, reason: t('亡くなった方が国民健康保険（又は後期高齢者医療）に加入していたため', 'The deceased was insured') }],
  },
  {
    code: 'late-elderly-medical', title: t('後期高齢者医療の資格異動', 'Medical care for the elderly (75+)'), where: HOKEN, when: t('転入・転出・死亡から14日以内', 'Within 14 days'),
    bring: [t('負担区分等証明書（転入の方）', 'Certificate of the burden class (moving in)'), ID], online: 'none',
    rules: [{ when: { events: ['move-in', 'foreign-move-in', 'move-out', 'death'], member: { minAge: 75 } }, reason: t('75歳以上の方が転入・転出又は死亡するため', 'A person aged 75 or over moves or died') }],
  },
  {
    code: 'long-term-care', title: t('介護保険の資格異動', 'Long-term care insurance'), where: KAIGO, when: t('転入・転出・死亡から14日以内', 'Within 14 days'),
    bring: [t('受給資格証明書（要介護認定を受けている方・転入）', 'Certificate of care eligibility (if certified)'), ID], online: 'none', caseType: 'long-term-care',
    rules: [{ when: { events: ['move-in', 'foreign-move-in', 'move-out', 'death'], member: { minAge: 65 } }, reason: t('65歳以上の方（介護保険の第1号被保険者）が転入・転出又は死亡するため', 'A person aged 65 or over (category 1 insured) moves or died') }],
  },
];

const childProcedures: ProcedureDef[] = [
  {
    code: 'child-allowance', title: t('児童手当の認定請求', 'Child allowance'), where: KODOMO,
    when: t('転入・出生の翌日から15日以内（遅れると遅れた月分がもらえません）', 'Within 15 days of the move or birth'),
    bring: [t('請求者名義の口座', 'Bank account of the claimant'), ID], online: 'mynaportal', caseType: 'child-allowance',
    rules: [{ when: { events: ['move-in', 'foreign-move-in', 'birth'], member: { maxAge: 17 } }, reason: t('18歳未満（高校生年代まで）のお子さんがいるため（令和6年10月から）', 'There are children under 18 (from October 2024)') }],
  },
  {
    code: 'child-allowance-end', title: t('児童手当の受給事由消滅届', 'Child allowance: ending'), where: KODOMO, when: t('転出の日まで', 'By the day of moving'),
    bring: [ID], online: 'mynaportal',
    rules: [{ when: { events: ['move-out'], member: { maxAge: 17 } }, reason: t('お子さんと市外へ引越すため（新しい市区町村で改めて請求）', 'You move out with children (claim again at the new address)') }],
  },
  {
    code: 'child-medical', title: t('子ども医療費受給資格の申請', 'Children\'s medical expenses'), where: KODOMO, when: t('転入・出生から1か月以内', 'Within one month'),
    bring: [t('お子さんの資格確認書・保険証', 'The child\'s health insurance certificate'), ID], online: 'none', caseType: 'child-medical',
    rules: [{ when: { events: ['move-in', 'foreign-move-in', 'birth'], member: { maxAge: 5 } }, reason: t('小学校入学前（0〜5歳）のお子さんがいるため', 'There are children aged 0–5') }],
  },
  {
    code: 'daycare', title: t('保育所等の利用申込（転園）', 'Daycare application (change of daycare)'), where: KODOMO, when: t('利用したい月の前月10日まで', 'By the 10th of the month before'),
    bring: [t('就労証明書など保育が必要なことの書類', 'Proof of the need for care (employment certificate, …)'), ID], online: 'mynaportal', caseType: 'daycare-application',
    rules: [{ when: { events: ['move-in', 'foreign-move-in'], member: { maxAge: 5 } }, reason: t('0〜5歳のお子さんがいるため（保育所等を利用する場合）', 'There are children aged 0–5 (if you need daycare)') }],
  },
  {
    code: 'school-enrolment', title: t('小中学校の転入学', 'School transfer (primary and junior high)'), where: t('教育委員会 学校教育課', 'Board of education'),
    when: t('転入届の後すぐに', 'Right after the moving notification'),
    bring: [t('在学証明書・教科書給与証明書（前の学校から）', 'Certificates from the former school')], online: 'none', caseType: 'school-enrolment',
    rules: [{ when: { events: ['move-in', 'foreign-move-in', 'move-within'], member: { minAge: 6, maxAge: 14 } }, reason: t('小学生・中学生の年齢（6〜14歳）のお子さんがいるため', 'There are children of school age (6–14)') }],
  },
];

const otherProcedures: ProcedureDef[] = [
  {
    code: 'national-pension', title: t('国民年金の手続', 'National pension'), where: HOKEN, when: t('14日以内', 'Within 14 days'),
    bring: [t('基礎年金番号がわかるもの', 'Your basic pension number'), ID], online: 'none',
    rules: [
      { when: { events: ['foreign-move-in'], member: { minAge: 20, maxAge: 59 } }, reason: t('20〜59歳の方は国民年金に加入するため', 'People aged 20–59 join the national pension') },
      { when: { events: ['death'], member: { minAge: 60 } }, reason: t('年金を受け取っていた方が亡くなった場合は停止と未支給年金の請求が必要なため', 'A pension must be stopped and unpaid amounts claimed') },
    ],
  },
  {
    code: 'dog-registration', title: t('犬の登録事項変更', 'Dog registration change'), where: t('環境課', 'Environment section'), when: t('30日以内', 'Within 30 days'),
    bring: [t('前の市区町村の鑑札・注射済票', 'Licence tag and vaccination tag')], online: 'none',
    rules: [{ when: { events: ['move-in', 'move-within', 'move-out'], dog: true }, reason: t('犬を飼っている方の住所が変わるため（狂犬病予防法第4条）', 'A dog owner\'s address changes') }],
  },
];

/** Version 2024-10: 児童手当 up to 高校生年代 (age under 18). */
export const NATIONAL_RULES_2024: RuleSet = {
  municipalityCode: '*', version: 'national/2024-10', validFrom: '2024-10-01',
  procedures: [...registryProcedures, ...cardProcedures, ...insuranceProcedures, ...childProcedures, ...otherProcedures],
};

/** The earlier version: 児童手当 up to 中学生 (age under 15). */
export const NATIONAL_RULES_2020: RuleSet = {
  ...NATIONAL_RULES_2024, version: 'national/2020-01', validFrom: '2020-01-01',
  procedures: NATIONAL_RULES_2024.procedures.map((p) => p.code === 'child-allowance' || p.code === 'child-allowance-end'
    ? { ...p, rules: p.rules.map((r) => ({ ...r, when: { ...r.when, member: { ...r.when.member, maxAge: 14 } },
        reason: r.reason.ja.startsWith('18') ? t('15歳未満（中学生まで）のお子さんがいるため', 'There are children under 15') : r.reason })) }
    : p),
};
