// SPDX-License-Identifier: EUPL-1.2
/** Fixed UI text of the resident's own pages (sign-in, マイページ, 閲覧履歴), Japanese first with English. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  signIn: 'ログイン',
  signInLead: 'マイナンバーカードなどで本人確認をしてログインすると、申請や申請状況の確認ができます。',
  chooseMunicipality: 'お住まいの市区町村',
  notConfigured: '住民の方のログインは、この環境ではまだ設定されていません。',
  signOut: 'ログアウト',
  signedOut: 'ログアウトしました。',
  myPage: 'マイページ',
  greeting: (name: string) => `${name} さん`,
  assurance: '本人確認の方法',
  assuranceLabel: (acr: string): string => (acr.includes('mynumbercard') ? 'マイナンバーカード（デモ）' : acr === 'unspecified' ? '不明' : '認証基盤による本人確認'),
  matched: '住民記録と照合できました。申請の画面には、市区町村が持っている情報があらかじめ入力されます。',
  householdHead: 'あなたは世帯主です。世帯全員の住民票の写しを申請できます。',
  householdMember: 'あなたの世帯の住民票の写しは、本人と同じ世帯の方の分を申請できます。',
  unmatched: {
    'missing-attributes': '認証基盤から氏名・生年月日・性別・住所の4情報を受け取れなかったため、住民記録と照合していません。申請の画面は空欄から始まります。',
    'not-found': '氏名・生年月日・性別・住所が一致する住民記録が見つかりませんでした。転入したばかりの方や、ほかの市区町村にお住まいの方は、申請の画面に入力してください。',
    several: '氏名・生年月日・性別・住所が一致する住民記録が複数あったため、本人を特定できませんでした。申請の画面は空欄から始まります。お手数ですが窓口にお問い合わせください。',
  } as Record<string, string>,
  menu: 'できること',
  links: {
    accessHistory: { title: 'わたしの記録の閲覧履歴', body: '市区町村の職員が、いつ、どの部署で、何のためにあなたの記録を見たかを確認できます。' },
    notifications: { title: 'メールでのお知らせ', body: '申請の受付・補正のお願い・結果をメールで受け取る設定です。' },
  },
  sessionNote: (minutes: number) => `操作をしないまま${minutes}分たつと、自動的にログアウトします。`,
  history: {
    title: 'わたしの記録の閲覧履歴',
    lead: 'あなたの住民記録を、いつ、どの部署の誰（役割）が、何のために利用したかの記録です。職員の氏名は表示しません。',
    withheld: '犯罪捜査のための捜査機関からの照会（捜査関係事項照会）に応じた利用は、法律により表示しません（個人情報保護法第78条）。',
    household: 'ご家族の記録の閲覧履歴は、ご家族ご本人がログインして確認できます。',
    unmatched: 'あなたの住民記録を特定できなかったため、閲覧履歴を表示できません。',
    none: 'あなたの記録が利用された記録はありません。',
    latest: (n: number) => `新しい順に最大${n}件を表示しています。`,
    columns: { when: '日時', who: '部署・役割', what: '内容', purpose: '目的' },
    who: {
      self: 'ご本人', contractor: '委託事業者', system: 'システム（自動処理）', operator: 'システムの運用担当', staff: '職員',
    } as Record<string, string>,
    roles: {
      counter: '市民課（窓口）', reviewer: '市民課（審査）', approver: '市民課（決裁）', daycare: '保育課', admin: 'システム管理担当', analyst: '統計・分析担当',
    } as Record<string, string>,
    actions: {
      'registry.person.read': '住民記録の閲覧', 'registry.person.search': '住民記録の検索（検索結果に表示）', 'registry.person.match': 'ログイン時の本人確認',
      'registry.change.record': '異動届の処理', 'registry.change.preview': '異動届の内容確認', 'registry.change.review': '異動の審査',
      'certificates.subject.read': '証明書の交付のための確認', 'certificates.preview': '証明書の作成（確認）', 'certificates.issue': '証明書の交付',
      'certificates.issuance.read': '証明書の交付記録の確認', 'certificates.reprint': '証明書の再印刷',
    } as Record<string, string>,
    actionFallback: (action: string): string => (action.startsWith('registry.support-measure') ? '支援措置の確認' : action.startsWith('registry.') ? '住民記録の利用'
      : action.startsWith('certificates.') ? '証明書の交付事務' : action.startsWith('cases.') ? '手続の処理' : action.startsWith('daycare.') ? '保育の利用調整' : '記録の利用'),
    noPurpose: '（記録なし）',
  },
};

export type ResidentDictionary = typeof ja;

const en: ResidentDictionary = {
  signIn: 'Sign in',
  signInLead: 'Sign in with your My Number Card or another identity check to apply online and follow your applications.',
  chooseMunicipality: 'Your municipality',
  notConfigured: 'Sign-in for residents is not set up in this environment yet.',
  signOut: 'Sign out',
  signedOut: 'You have signed out.',
  myPage: 'My page',
  greeting: (name: string) => name,
  assurance: 'How you were identified',
  assuranceLabel: (acr: string) => (acr.includes('mynumbercard') ? 'My Number Card (demo)' : acr === 'unspecified' ? 'Unknown' : 'Identity provider'),
  matched: 'You were matched to the resident register. Application forms start with what the municipality already knows.',
  householdHead: 'You are the head of your household and may request the certificate of residence of the whole household.',
  householdMember: 'You may request the certificate of residence for yourself and the members of your household.',
  unmatched: {
    'missing-attributes': 'The identity provider did not send your name, date of birth, sex and address, so you were not matched to the resident register. Forms start empty.',
    'not-found': 'No resident record has your name, date of birth, sex and address. If you have just moved in or live elsewhere, please fill in the forms.',
    several: 'Several resident records have your name, date of birth, sex and address, so you could not be identified. Forms start empty; please contact the office.',
  },
  menu: 'What you can do',
  links: {
    accessHistory: { title: 'Who viewed my records', body: 'See when, in which department and for what purpose staff viewed your records.' },
    notifications: { title: 'E-mail notifications', body: 'Receive an e-mail when an application is received, needs a correction or has a result.' },
  },
  sessionNote: (minutes: number) => `You are signed out automatically after ${minutes} minutes without activity.`,
  history: {
    title: 'Who viewed my records',
    lead: 'When your resident record was used, by which department and role, and for what purpose. Staff names are not shown.',
    withheld: 'Uses for inquiries of investigative authorities (捜査関係事項照会) are not shown, as the law provides (Act on the Protection of Personal Information, art. 78).',
    household: 'Members of your household see the history of their own records when they sign in.',
    unmatched: 'Your resident record could not be identified, so there is no history to show.',
    none: 'Your record has not been used.',
    latest: (n: number) => `Showing up to ${n} entries, newest first.`,
    columns: { when: 'When', who: 'Department / role', what: 'What', purpose: 'Purpose' },
    who: { self: 'You', contractor: 'Contractor', system: 'System (automatic)', operator: 'System operations', staff: 'Staff' },
    roles: { counter: 'Residents division (counter)', reviewer: 'Residents division (review)', approver: 'Residents division (approval)', daycare: 'Childcare division', admin: 'System administration', analyst: 'Statistics' },
    actions: {
      'registry.person.read': 'Record viewed', 'registry.person.search': 'Record found in a search', 'registry.person.match': 'Identity check at sign-in',
      'registry.change.record': 'Notification processed', 'registry.change.preview': 'Notification checked', 'registry.change.review': 'Change reviewed',
      'certificates.subject.read': 'Checked for a certificate', 'certificates.preview': 'Certificate prepared', 'certificates.issue': 'Certificate issued',
      'certificates.issuance.read': 'Certificate record checked', 'certificates.reprint': 'Certificate reprinted',
    },
    actionFallback: (action: string) => (action.startsWith('registry.support-measure') ? 'Support measure checked' : action.startsWith('registry.') ? 'Record used'
      : action.startsWith('certificates.') ? 'Certificate work' : action.startsWith('cases.') ? 'Procedure handled' : action.startsWith('daycare.') ? 'Daycare allocation' : 'Record used'),
    noPurpose: '(not recorded)',
  },
};

/** The resident pages' text in a language. */
export function residentText(lang: Lang): ResidentDictionary {
  return lang === 'en' ? en : ja;
}
