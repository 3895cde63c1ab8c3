// SPDX-License-Identifier: EUPL-1.2
/**
 * `jichi daycare …`: allocate, verify and generate, reading and writing the v1 exchange format.
 * Exit codes: 0 ok, 1 failure (e.g. a result that does not verify), 2 invalid input (nothing written).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AllocationRequest, AllocationResult } from './engine/allocation-format.ts';
import { allocate } from './engine/allocate.ts';
import { formatProblems, validateRequest, type InputProblem } from './engine/request-validation.ts';
import { verifyResult } from './engine/result-verification.ts';
import { generateRequest } from './generator/generate-request.ts';
import { isPresetName, PRESETS } from './generator/generator-presets.ts';

const EXIT_FAILURE = 1;
const EXIT_INVALID_INPUT = 2;

/** Reading a file failed or its content (or an argument) is not acceptable: report and exit 2. */
class InputRejected extends Error {
  constructor(readonly problems: InputProblem[], readonly source: string) { super(`invalid input ${source}`); }
}

function readJson(file: string): { bytes: Buffer; value: unknown } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new InputRejected([{ pointer: '', message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }], file);
  }
  try {
    return { bytes, value: JSON.parse(bytes.toString('utf8')) };
  } catch (err) {
    throw new InputRejected([{ pointer: '', message: `not valid JSON: ${(err as Error).message}` }], file);
  }
}

function readRequest(file: string): { bytes: Buffer; request: AllocationRequest } {
  const { bytes, value } = readJson(file);
  const problems = validateRequest(value);
  if (problems.length > 0) throw new InputRejected(problems, file);
  return { bytes, request: value as AllocationRequest };
}

function writeOut(text: string, output: string | undefined): void {
  if (output) writeFileSync(output, text);
  else process.stdout.write(text);
}

const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Runs a command body, turning rejected input into the documented stderr listing and exit status 2. */
async function guarded(body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (!(err instanceof InputRejected)) throw err;
    // Only the problem lines, one per line as `<JSON Pointer>: <message>` (format §"Input that does not conform").
    process.stderr.write(`${formatProblems(err.problems)}\n`);
    process.exitCode = EXIT_INVALID_INPUT;
  }
}

/** Registers `jichi daycare allocate|verify|generate`. */
export function registerDaycareCommands(program: Command): void {
  const daycare = program.command('daycare').description('保育所等利用調整 / daycare allocation (exchange format v1)');

  daycare.command('allocate')
    .description('割当を計算する / allocate seats for a request')
    .requiredOption('--input <file>', 'request JSON (AllocationRequest v1)')
    .option('--output <file>', 'where to write the result (default: stdout)')
    .option('--exact <mode>', 'exact MILP mode: auto | always | never', 'auto')
    .option('--time-limit-ms <ms>', 'override policy.timeLimitMs')
    .option('--timing', 'include runtimeMs (makes the output differ between runs)')
    .action((opts: { input: string; output?: string; exact: string; timeLimitMs?: string; timing?: boolean }) => guarded(async () => {
      if (!['auto', 'always', 'never'].includes(opts.exact)) {
        throw new InputRejected([{ pointer: '--exact', message: `must be auto, always or never (got "${opts.exact}")` }], '--exact');
      }
      const { bytes, request } = readRequest(opts.input);
      const timeLimitMs = opts.timeLimitMs === undefined ? undefined : Number(opts.timeLimitMs);
      if (timeLimitMs !== undefined && !(Number.isInteger(timeLimitMs) && timeLimitMs > 0)) {
        throw new InputRejected([{ pointer: '--time-limit-ms', message: 'must be a positive integer' }], '--time-limit-ms');
      }
      const result = await allocate(request, {
        inputSha256: createHash('sha256').update(bytes).digest('hex'),
        exact: opts.exact as 'auto', timeLimitMs, includeRuntime: opts.timing === true,
      });
      if (result.status === 'INVALID') {
        process.stderr.write(`エラー: the engine produced an invalid outcome; nothing written\n${toJson(result.checks)}`);
        process.exitCode = EXIT_FAILURE;
        return;
      }
      writeOut(toJson(result), opts.output);
      const m = result.metrics;
      process.stderr.write(`${result.status}: ${m.offers} OFFER, ${m.holds} HOLD, ${m.stays} STAY; blocking coalitions ${result.checks.blockingCoalitions} (${result.engine.algorithm})\n`);
    }));

  daycare.command('verify')
    .description('結果を検証する / verify a result against its request')
    .requiredOption('--input <file>', 'request JSON')
    .requiredOption('--result <file>', 'result JSON to check')
    .action((opts: { input: string; result: string }) => guarded(() => {
      const { request } = readRequest(opts.input);
      const { value } = readJson(opts.result);
      const shape = resultShapeProblems(value);
      if (shape.length > 0) throw new InputRejected(shape, opts.result);
      const claimed = value as AllocationResult;
      const report = verifyResult(request, claimed);
      const c = report.checks;
      const claimedChecks = claimed.checks;
      const hasClaim = typeof claimed.status === 'string' && typeof claimedChecks === 'object' && claimedChecks !== null;
      const agrees = hasClaim ? claimed.status === report.status
        && claimedChecks.capacityViolations === c.capacityViolations
        && claimedChecks.individualRationalityViolations === c.individualRationalityViolations
        && claimedChecks.blockingCoalitions === c.blockingCoalitions : null;
      process.stdout.write(toJson({ status: report.status, claimedStatus: hasClaim ? claimed.status : null, agreesWithClaim: agrees, formatErrors: report.formatErrors, checks: c }));
      process.stderr.write(`${report.status}: capacity ${c.capacityViolations}, IR ${c.individualRationalityViolations}, blocking ${c.blockingCoalitions}${agrees === false ? ' (differs from the result\'s own checks)' : ''}\n`);
      // Exit 0 for a stable result, or an unstable one that honestly reports its blocking coalitions.
      const acceptable = report.status === 'STABLE' || (report.status === 'UNSTABLE' && agrees === true);
      if (!acceptable || agrees === false) process.exitCode = EXIT_FAILURE;
    }));

  daycare.command('generate')
    .description('合成データを生成する / generate a synthetic request')
    .requiredOption('--preset <name>', `one of ${Object.keys(PRESETS).join(', ')}`)
    .requiredOption('--seed <n>', 'non-negative integer seed')
    .option('--output <file>', 'where to write the request (default: stdout)')
    .action((opts: { preset: string; seed: string; output?: string }) => guarded(() => {
      const problems: InputProblem[] = [];
      if (!isPresetName(opts.preset)) problems.push({ pointer: '--preset', message: `must be one of ${Object.keys(PRESETS).join(', ')} (got "${opts.preset}")` });
      const seed = Number(opts.seed);
      if (!/^\d+$/.test(opts.seed) || !Number.isSafeInteger(seed)) problems.push({ pointer: '--seed', message: `must be a non-negative integer (got "${opts.seed}")` });
      if (problems.length > 0) throw new InputRejected(problems, 'arguments');
      writeOut(toJson(generateRequest(opts.preset as 'town', seed)), opts.output);
    }));
}

/** Minimal structural checks of a result document before verifying it. */
function resultShapeProblems(value: unknown): InputProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ pointer: '', message: 'the result must be a JSON object' }];
  const r = value as Record<string, unknown>;
  if (!Array.isArray(r.assignments)) return [{ pointer: '/assignments', message: 'must be an array' }];
  const problems: InputProblem[] = [];
  r.assignments.forEach((a, i) => {
    const p = `/assignments/${i}`;
    if (typeof a !== 'object' || a === null) return problems.push({ pointer: p, message: 'must be an object' });
    const o = a as Record<string, unknown>;
    if (typeof o.childId !== 'string') problems.push({ pointer: `${p}/childId`, message: 'must be a string' });
    if (!['OFFER', 'HOLD', 'STAY'].includes(o.status as string)) problems.push({ pointer: `${p}/status`, message: 'must be OFFER, HOLD or STAY' });
    if (o.facilityId !== null && typeof o.facilityId !== 'string') problems.push({ pointer: `${p}/facilityId`, message: 'must be a facility id or null' });
    if (o.preferenceRank !== null && !Number.isInteger(o.preferenceRank)) problems.push({ pointer: `${p}/preferenceRank`, message: 'must be an integer or null' });
  });
  return problems;
}
