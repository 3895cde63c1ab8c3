// SPDX-License-Identifier: EUPL-1.2
/** The `jichi` operator command: one sub-command per task, each with --help, clear errors and exit codes. */
import { Command, CommanderError } from 'commander';
import { registerPlatformCommands } from './platform.commands.ts';
import { registerDaycareCommands } from '../domains/daycare/daycare.cli.ts';
import { registerRegistryCommands } from '../domains/registry/registry.cli.ts';
import { registerInsightsCommands } from '../domains/insights/insights.cli.ts';

/** Exit codes shared by every sub-command. */
export const ExitCode = { ok: 0, failure: 1, invalidInput: 2 } as const;

const program = new Command('jichi')
  .description('Jichi (自治) — 運用コマンド / operator command')
  .showHelpAfterError()
  .exitOverride();

registerPlatformCommands(program);
registerDaycareCommands(program);
registerRegistryCommands(program);
registerInsightsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : ExitCode.invalidInput;
  } else {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`エラー: ${message}\n`);
    process.exitCode = (err as { exitCode?: number }).exitCode ?? ExitCode.failure;
  }
}
