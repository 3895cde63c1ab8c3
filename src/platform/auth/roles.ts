// SPDX-License-Identifier: EUPL-1.2
/** Staff roles and their labels (shared by the actor and the permissions). */

/** Staff roles: 窓口, 審査, 決裁, 保育, 管理者, 分析. */
export const ROLES = ['counter', 'reviewer', 'approver', 'daycare', 'admin', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Japanese and English labels of each role. */
export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  counter: { ja: '窓口', en: 'Counter clerk' },
  reviewer: { ja: '審査', en: 'Reviewer' },
  approver: { ja: '決裁', en: 'Approver' },
  daycare: { ja: '保育', en: 'Daycare officer' },
  admin: { ja: '管理者', en: 'Administrator' },
  analyst: { ja: '分析', en: 'Analyst' },
};
