import type { LimitProofs } from '../properties/limit-proofs.js';
import type { PayloadDialect } from './payload-language.js';

/** How the payload spends its time: on the CPU, asleep on a timer, or in a chain of awaits. */
export const WALL_TIME_STYLES = ['busy-loop', 'timer', 'await-loop'] as const;
export type WallTimeStyle = (typeof WALL_TIME_STYLES)[number];

/**
 * The code announces its start with a tool call, so the harness clock leaves sandbox start-up
 * out. The call carries the positive control: a budget that runs out right after it still leaves
 * the harness its evidence that the code ran. A call that fails (an executor may give it only
 * what is left of the budget) does not end the code: its budget must.
 */
export const STARTED_TOOL = 'fz_started';

/** What one wall-time payload does: spend `overrunMs` in `style`, announcing its start or not. */
export interface WallTimePayload {
  style: WallTimeStyle;
  overrunMs: number;
  announce: boolean;
}

function jsCode({ style, overrunMs, announce }: WallTimePayload, proofs: LimitProofs): string {
  const body = {
    'busy-loop': 'while (Date.now() < until) {}',
    // Engines without timers (node:vm, QuickJS: setTimeout is not ECMAScript) wait in an await loop instead.
    timer: [
      'if (typeof setTimeout === "function") await new Promise((resolve) => setTimeout(resolve, until - Date.now()));',
      'else while (Date.now() < until) { await null; }',
    ].join('\n'),
    'await-loop': 'while (Date.now() < until) { await null; }',
  }[style];
  const start = announce
    ? `try { await tools.${STARTED_TOOL}({ proof: ${proofs.control.expression} }); } catch {}\n`
    : '';
  const past = proofs.pastLimit.expression;
  return (
    `${start}console.log(${proofs.control.expression});\n` +
    `const until = Date.now() + ${overrunMs};\n${body}\nconsole.log(${past});\nreturn ${past};`
  );
}

function pythonCode({ style, overrunMs, announce }: WallTimePayload, proofs: LimitProofs): string {
  const body = {
    'busy-loop': ['while time.time() < until:', '    pass'],
    // time.sleep blocks the whole interpreter where it works; asyncio.sleep is the timer of top-level-await Python.
    timer: ['await asyncio.sleep(max(0, until - time.time()))', 'while time.time() < until:', '    pass'],
    'await-loop': ['while time.time() < until:', '    await asyncio.sleep(0)'],
  }[style];
  // The start comes first: importing asyncio takes a Pyodide sandbox longer than the smallest budgets.
  return [
    ...(announce
      ? ['try:', `    await tools.${STARTED_TOOL}(proof=${proofs.control.expression})`, 'except Exception:', '    pass']
      : []),
    `print(${proofs.control.expression}, flush=True)`,
    style === 'busy-loop' ? 'import time' : 'import asyncio, time',
    `until = time.time() + ${overrunMs / 1000}`,
    ...body,
    `print(${proofs.pastLimit.expression}, flush=True)`,
    proofs.pastLimit.expression,
  ].join('\n');
}

/**
 * Code that prints its positive control, keeps going for `overrunMs` (well past any tolerance,
 * so an unenforced budget shows as data, not as a hang), then prints and returns the proof that
 * it got past its limit.
 */
export function wallTimeCode(dialect: PayloadDialect, payload: WallTimePayload, proofs: LimitProofs): string {
  return dialect === 'python' ? pythonCode(payload, proofs) : jsCode(payload, proofs);
}
