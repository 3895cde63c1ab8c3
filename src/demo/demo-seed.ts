// SPDX-License-Identifier: EUPL-1.2
/** The demo municipality (塩尻市) and its demo staff, created on first start. */
import type { Services } from '../services.ts';
import type { Role } from '../platform/auth/permissions.ts';

/** 塩尻市, 長野県: 全国地方公共団体コード 20215 with its check digit. */
export const DEMO_MUNICIPALITY_CODE = '202151';

/** The demo password of every demo account (printed at start; change it for anything but a demo). */
export const DEMO_PASSWORD = 'shiojiri-demo-2026';

/** Demo staff: one per role, plus an administrator. */
export const DEMO_STAFF: Array<{ loginId: string; displayName: string; roles: Role[] }> = [
  { loginId: 'madoguchi', displayName: '窓口 花子', roles: ['counter'] },
  { loginId: 'shinsa', displayName: '審査 太郎', roles: ['reviewer'] },
  { loginId: 'kessai', displayName: '決裁 次郎', roles: ['approver'] },
  { loginId: 'hoiku', displayName: '保育 三郎', roles: ['daycare'] },
  { loginId: 'kanri', displayName: '管理 良子', roles: ['admin'] },
  { loginId: 'bunseki', displayName: '分析 四郎', roles: ['analyst'] },
];

/** Creates the demo tenant and staff unless the tenant exists; true when it seeded. */
export async function seedDemo(services: Services): Promise<boolean> {
  if (await services.tenants.isOnboarded(DEMO_MUNICIPALITY_CODE)) return false;
  await services.tenants.onboard(DEMO_MUNICIPALITY_CODE, { mayorName: '百瀬 敬' });
  const ctx = { clientIp: '', requestId: 'demo-seed' };
  for (const s of DEMO_STAFF) {
    await services.identity.addStaff({ type: 'operator', id: 'demo-seed' }, DEMO_MUNICIPALITY_CODE, { ...s, password: DEMO_PASSWORD }, ctx);
  }
  await services.registry.seedDemo(DEMO_MUNICIPALITY_CODE);
  // The national standard case types (転居届, 転出届, 住民票の写し等の交付請求, 保育所等利用申込).
  await services.cases.install(DEMO_MUNICIPALITY_CODE);
  return true;
}
