// SPDX-License-Identifier: EUPL-1.2
/** Browser end-to-end tests: one real server (fresh PGlite with the demo seed) and Debian's Chromium. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
