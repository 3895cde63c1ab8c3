// SPDX-License-Identifier: EUPL-1.2
import type { Command } from 'commander';

/** Registers `jichi daycare …` (placeholder until the daycare engine lands). */
export function registerDaycareCommands(program: Command): void {
  program.command('daycare').description('保育所等利用調整 / daycare allocation');
}
