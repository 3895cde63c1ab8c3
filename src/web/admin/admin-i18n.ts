// SPDX-License-Identifier: EUPL-1.2
/** Words of the administration screens: 端末・場所 (spec §1.3.1) and the access log (spec §10.2). */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  home: { title: '管理', lead: '入力場所・入力端末の登録と、アクセスログの確認を行います。', terminals: '端末・場所', terminalsHint: '窓口の場所と端末を登録し、端末のブラウザを登録端末にします。', log: 'アクセスログ', logHint: '誰が、いつ、どの端末・場所から、何を操作したかを確認します。' },
  terminals: {
    title: '端末・場所', lead: '場所（本庁・支所など）と、その場所の端末を登録します。端末のブラウザで「このブラウザをこの端末にする」を押すと、以後そのブラウザでログインした職員の操作はすべて、その端末・場所から行われたものとしてアクセスログ・異動・証明書の交付記録に記録されます。登録されていないブラウザからの操作は「未登録の端末」と記録されます。',
    current: (terminal: string) => `このログインの端末: ${terminal}`, unregistered: '未登録の端末',
    places: '場所', terminals: '端末', code: '記号', name: '名称', place: '場所', status: '状態', issued: 'このブラウザへの登録', actions: '操作',
    active: '使用中', retired: '廃止', notIssued: '未登録', issuedAt: (at: string) => `${at} に登録`,
    bind: 'このブラウザをこの端末にする', retire: '廃止する', noPlaces: '場所は登録されていません。', noTerminals: '端末は登録されていません。',
    addPlace: '場所を登録する', addTerminal: '端末を登録する', codeHint: '半角英数字・_・- で20文字以内（例: HONCHO、HON1）', placeNameHint: '例: 本庁舎 市民課', terminalNameHint: '例: 本庁1',
    submitPlace: '場所を登録', submitTerminal: '端末を登録', choosePlace: '場所を選んでください',
    done: { place: '場所を登録しました。', terminal: '端末を登録しました。', bound: 'このブラウザをこの端末にしました。次にログインした職員から、この端末・場所が記録されます。', retired: '端末を廃止しました。' } as Record<string, string>,
  },
  log: {
    title: 'アクセスログ', lead: '新しい順に最大100件を表示します。改ざん検知のための連鎖（ハッシュ）は jichi audit verify で検証できます。',
    filter: '絞り込み', terminal: '端末', all: 'すべて', apply: '表示', more: 'さらに古い記録',
    columns: { at: '日時', who: '操作者', action: '操作', subject: '対象', terminal: '端末', place: '場所', screen: '画面', outcome: '結果', myNumber: '個人番号', disclosed: '表示した制限項目' },
    none: '該当する記録はありません。', yes: 'あり', no: '—',
    outcomes: { ok: '成功', denied: '拒否', failed: '失敗' } as Record<string, string>,
    actorTypes: { staff: '職員', contractor: '委託事業者の職員', resident: '住民', system: 'システム', operator: '運用者' } as Record<string, string>,
    subjects: { person: '住民', household: '世帯', staff: '職員', terminal: '端末', place: '場所', resident: '住民（ポータル）', case: '案件', issuance: '証明書', change: '異動' } as Record<string, string>,
    disclosed: { domicile: '戸籍の表示', 'resident-code': '住民票コード', 'residence-status': '在留資格等' } as Record<string, string>,
    actions: {
      'auth.login.password': 'ログイン（パスワード）', 'auth.login.oidc': 'ログイン（組織アカウント）', 'auth.logout': 'ログアウト',
      'registry.person.read': '住民記録の照会', 'registry.person.search': '住民の検索', 'registry.person.history.read': '履歴の照会',
      'registry.change.record': '異動の入力（仮登録）', 'registry.change.approve': '異動の本登録', 'registry.change.read': '異動の照会', 'registry.change.preview': '異動の事前確認',
      'registry.provisional.read': '仮登録の照会', 'registry.change.list': '自分の入力の一覧', 'certificates.issue': '証明書の交付', 'certificates.print': '証明書の印刷',
      'terminal.create': '端末の登録', 'terminal.place.create': '場所の登録', 'terminal.retire': '端末の廃止', 'terminal.issue': '端末のブラウザ登録',
      'staff.create': '職員の登録', 'staff.read': '職員の照会',
    } as Record<string, string>,
    domains: { registry: '住民記録の操作', certificates: '証明書の操作', cases: '案件の操作', counter: '窓口の操作', daycare: '保育の操作', procedures: '手続の操作', insights: '見える化の操作', resident: '住民の操作', auth: 'ログイン', platform: '運用の操作', staff: '職員の管理', terminal: '端末の管理' } as Record<string, string>,
    otherAction: 'その他の操作',
  },
};

const en: typeof ja = {
  home: { title: 'Administration', lead: 'Register input places and terminals, and look at the access log.', terminals: 'Terminals and places', terminalsHint: 'Register the counters’ places and terminals, and make a terminal’s browser a registered terminal.', log: 'Access log', logHint: 'Who did what, when, from which terminal and place.' },
  terminals: {
    title: 'Terminals and places', lead: 'Register places (main office, branches) and the terminals at each. On a terminal’s browser, “Make this browser this terminal”: from then on, everything staff signed in on that browser do is recorded with that terminal and place (access log, changes, certificates). Work from any other browser is recorded as “unregistered terminal”.',
    current: (terminal: string) => `Terminal of this sign-in: ${terminal}`, unregistered: 'Unregistered terminal',
    places: 'Places', terminals: 'Terminals', code: 'Code', name: 'Name', place: 'Place', status: 'Status', issued: 'Browser', actions: 'Actions',
    active: 'In use', retired: 'Retired', notIssued: 'None yet', issuedAt: (at: string) => `Registered ${at}`,
    bind: 'Make this browser this terminal', retire: 'Retire', noPlaces: 'No places are registered.', noTerminals: 'No terminals are registered.',
    addPlace: 'Register a place', addTerminal: 'Register a terminal', codeHint: 'Up to 20 letters, digits, _ or - (e.g. HONCHO, HON1)', placeNameHint: 'e.g. 本庁舎 市民課', terminalNameHint: 'e.g. 本庁1',
    submitPlace: 'Register the place', submitTerminal: 'Register the terminal', choosePlace: 'Choose a place',
    done: { place: 'The place is registered.', terminal: 'The terminal is registered.', bound: 'This browser is now this terminal. Staff who sign in from now on are recorded at this terminal and place.', retired: 'The terminal is retired.' },
  },
  log: {
    title: 'Access log', lead: 'The newest 100 entries first. The tamper-evident hash chain is checked with the command jichi audit verify.',
    filter: 'Filter', terminal: 'Terminal', all: 'All', apply: 'Show', more: 'Older entries',
    columns: { at: 'When', who: 'Who', action: 'Operation', subject: 'Record', terminal: 'Terminal', place: 'Place', screen: 'Screen', outcome: 'Result', myNumber: 'My Number', disclosed: 'Restricted items shown' },
    none: 'No entries.', yes: 'Yes', no: '—',
    outcomes: { ok: 'Done', denied: 'Refused', failed: 'Failed' },
    actorTypes: { staff: 'Staff', contractor: 'Contractor staff', resident: 'Resident', system: 'System', operator: 'Operator' },
    subjects: { person: 'Resident', household: 'Household', staff: 'Staff', terminal: 'Terminal', place: 'Place', resident: 'Resident (portal)', case: 'Case', issuance: 'Certificate', change: 'Change' },
    disclosed: { domicile: 'Family register', 'resident-code': 'Resident record code', 'residence-status': 'Status of residence' },
    actions: {
      'auth.login.password': 'Sign-in (password)', 'auth.login.oidc': 'Sign-in (organisation account)', 'auth.logout': 'Sign-out',
      'registry.person.read': 'Resident record read', 'registry.person.search': 'Resident search', 'registry.person.history.read': 'History read',
      'registry.change.record': 'Change entered (provisional)', 'registry.change.approve': 'Change approved', 'registry.change.read': 'Change read', 'registry.change.preview': 'Change checked in advance',
      'registry.provisional.read': 'Provisional change read', 'registry.change.list': 'Own entries listed', 'certificates.issue': 'Certificate issued', 'certificates.print': 'Certificate printed',
      'terminal.create': 'Terminal registered', 'terminal.place.create': 'Place registered', 'terminal.retire': 'Terminal retired', 'terminal.issue': 'Terminal browser registered',
      'staff.create': 'Staff registered', 'staff.read': 'Staff read',
    },
    domains: { registry: 'Registry operation', certificates: 'Certificate operation', cases: 'Case operation', counter: 'Counter operation', daycare: 'Daycare operation', procedures: 'Procedure operation', insights: 'Insights operation', resident: 'Resident operation', auth: 'Sign-in', platform: 'Operation', staff: 'Staff administration', terminal: 'Terminal administration' },
    otherAction: 'Other operation',
  },
};

export type AdminDictionary = typeof ja;

/** The administration screens' words in the UI language. */
export function adminText(lang: Lang): AdminDictionary {
  return lang === 'en' ? en : ja;
}

/** The label of an access-log action: its own, else its domain's, never the code. */
export function actionLabel(t: AdminDictionary['log'], action: string): string {
  return t.actions[action] ?? t.domains[action.split('.')[0] ?? ''] ?? t.otherAction;
}
