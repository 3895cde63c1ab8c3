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
  },
  sessionNote: (minutes: number) => `操作をしないまま${minutes}分たつと、自動的にログアウトします。`,
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
  },
  sessionNote: (minutes: number) => `You are signed out automatically after ${minutes} minutes without activity.`,
};

/** The resident pages' text in a language. */
export function residentText(lang: Lang): ResidentDictionary {
  return lang === 'en' ? en : ja;
}
