// SPDX-License-Identifier: EUPL-1.2
/**
 * Roles and the actions each allows. Permissions follow organisational roles (事務分掌), not job titles
 * (標準仕様書 §10.3). A staff member may hold several roles; an action is allowed when any role allows it.
 */
import { ForbiddenError } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { ROLES, type Role } from './roles.ts';

export { ROLES, ROLE_LABELS, type Role } from './roles.ts';

/** Every action the platform checks, named `<domain>:<verb>`. */
export const ACTIONS = {
  'console:use': ['counter', 'reviewer', 'approver', 'daycare', 'admin', 'analyst'],
  'registry:read': ['counter', 'reviewer', 'approver'],
  'registry:change': ['counter'],
  'registry:review': ['reviewer'],
  'registry:approve': ['approver'],
  'registry:unmask-my-number': ['approver'],
  // 項目単位の表示制御 (spec §10.4): who sees 戸籍の表示 (本籍・筆頭者), 住民票コード and 在留資格等 on every screen and in the
  // API; everyone else gets them masked. 窓口 handle 本籍 and 在留資格 in 転入・出生 and 在留資格の変更; 住民票コード only
  // concerns the 住基ネット (審査・決裁). Contractor staff (CONTRACTOR_ACTIONS) see none of them.
  'registry:view-domicile': ['counter', 'reviewer', 'approver'],
  'registry:view-resident-code': ['reviewer', 'approver'],
  'registry:view-residence-status': ['counter', 'reviewer', 'approver'],
  // 署名用・利用者証明用電子証明書のシリアル番号 (spec §7.1.2.4): like the 住民票コード, a 住基ネット item for 審査・決裁.
  'registry:view-jpki-serial': ['reviewer', 'approver'],
  // J-LIS requests and the マイナンバーカード (spec §7.1.1.3–7.1.2.4): 個人番号の変更請求, 符号取得, 送付先情報, the card's
  // status and the JPKI certificates entered by staff. The municipality's own staff only (not contractors).
  'registry:card': ['counter', 'reviewer', 'approver'],
  // DV等支援措置: the decision on a victim's request (with the 相談機関's opinion) and the most sensitive data in the
  // registry; 決裁 only — not 窓口 (who serve requesters, possibly the 加害者) nor 管理者 (a system role).
  'registry:support-measure': ['approver'],
  // 抑止 (spec §3.1): setting and ending a suppression (決裁) and lifting one temporarily (審査, for the counter's
  // request) are separate permissions; neither for 窓口, who would lift their own stop.
  'registry:suppression': ['approver'],
  'registry:suppression-lift': ['reviewer', 'approver'],
  // 連携先 (systems reading the change feed) and what each may receive, 個人番号 included: a system setting.
  'registry:feed-admin': ['admin'],
  // Batch work of the registry (年報, 入管への報告, 閲覧用写し, 無作為抽出): bulk extracts of personal data, so 審査・決裁 only.
  'registry:batch': ['reviewer', 'approver'],
  // EUC (spec §10.1): staff extract registry data themselves (items and conditions, CSV). An independent permission
  // (§10.3); bulk personal data, so 審査・決裁 only. 個人番号 also needs 'registry:unmask-my-number'.
  'registry:euc': ['reviewer', 'approver'],
  // Address masters (住居表示・地番, 方書; spec §1.3.2–1.3.4) and the input places and terminals (§1.3.1): the registry
  // section's 決裁 or the administrator.
  'registry:masters': ['approver', 'admin'],
  // メモ (spec §1.1.15): the registry section's own notes on a person or household. Writing and changing one's own:
  // 窓口・審査・決裁 (not contractors); changing or deleting another's: 決裁.
  'registry:memo': ['counter', 'reviewer', 'approver'],
  'registry:memo-manage': ['approver'],
  // 成年被後見人 (spec §9.4): the 法務局's 後見開始/終了 notices of a resident, recorded and read by the registry section's
  // 審査・決裁 only — not 窓口 (the status is not shown at the counter), nor contractors or 管理者.
  'registry:guardianship': ['reviewer', 'approver'],
  // 入管 notices (住基法30条の50): the pending list and its 処理 (the 職権 change is then entered as 仮登録 by the
  // counter, 本登録 by the approver). The notices carry 在留資格等, so never contractor staff.
  'registry:immigration-notice': ['counter', 'reviewer', 'approver'],
  'certificates:issue': ['counter'],
  // Issuing a certificate that shows 個人番号: the counter, unless withheld from an account (利用範囲, spec §10.3).
  'certificates:issue-my-number': ['counter'],
  // 交付履歴の無効 (spec §1.3.8): the clerk who issues or the approver; never contractor staff.
  'certificates:void': ['counter', 'approver'],
  // Reading one issuance's record (who, what, 発行番号, prints): the clerk who issues, and the reviewer or approver
  // whose decision of a 住民票の写し case issued it (the case page links to it). Printing stays with the counter.
  'certificates:read': ['counter', 'reviewer', 'approver'],
  // 書かない窓口: reception, the interview and filing every procedure of a visit (受付・入力).
  'counter:serve': ['counter'],
  // Handling cases; each case type also names the roles that may handle and decide it (data, cases domain).
  'cases:handle': ['counter', 'reviewer', 'daycare'],
  'cases:decide': ['approver'],
  'daycare:manage': ['daycare'],
  'insights:read': ['analyst', 'admin', 'approver'],
  // 定例調査 answers (業務改革の実施状況): the analyst or the administrator.
  'insights:answer-survey': ['analyst', 'admin'],
  'staff:manage': ['admin'],
  // 入力場所・入力端末 (spec §1.3.1): registering places and terminals and issuing a terminal's cookie.
  'terminal:manage': ['admin'],
  'access-log:read': ['admin'],
  'tenant:configure': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

/**
 * 窓口業務の民間委託 (issue #15): what staff of a contractor may do, whatever roles they are given. Receiving and
 * entering (受付・入力, 仮登録, and issuing certificates whose entitlement the platform decides) only; never 審査
 * (review), 決裁 (本登録, decisions, 支援措置) or administration, which stay with the municipality's own staff. An
 * action not listed here is refused to contractors, so a new action is safe by default.
 */
export const CONTRACTOR_ACTIONS: ReadonlySet<Action> = new Set<Action>(['console:use', 'registry:read', 'registry:change', 'certificates:issue', 'certificates:issue-my-number', 'certificates:read', 'counter:serve']);

/** True when one of the actor's roles allows the action (and, for contractor staff, the action is theirs to do). */
export function can(actor: Pick<Actor, 'roles'> & { contractor?: boolean; withheld?: readonly string[] }, action: Action): boolean {
  if (actor.contractor && !CONTRACTOR_ACTIONS.has(action)) return false;
  if (actor.withheld?.includes(action)) return false;
  const allowed: readonly Role[] = ACTIONS[action];
  return actor.roles.some((r) => allowed.includes(r));
}

/** Throws `ForbiddenError` unless the actor may perform the action. */
export function assertAllowed(actor: Pick<Actor, 'roles'> & { contractor?: boolean; withheld?: readonly string[] }, action: Action): void {
  if (!can(actor, action)) throw new ForbiddenError(action);
}

/** Narrows a list of strings to known roles, refusing unknown ones. */
export function parseRoles(values: string[]): Role[] {
  const unknown = values.filter((v) => !(ROLES as readonly string[]).includes(v));
  if (unknown.length > 0 || values.length === 0) throw new Error(`unknown roles: ${unknown.join(', ') || '(none)'}; choose from ${ROLES.join(', ')}`);
  return [...new Set(values)] as Role[];
}
