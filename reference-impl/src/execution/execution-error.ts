import { HarnessError, HarnessErrorCode } from '../../../src/errors/harness-error.js';
import type { ExecutionError, Policy } from '../../../src/protocol/generated/types.js';
import type { Redactor } from '../redaction/redactor.js';
import type { ExecutionStop, RunDone } from './execution-stop.js';

export interface ErrorContext {
  policy: Policy;
  peakMemoryBytes: number;
  redactor: Redactor;
  /** Folder of the bootstrap, whose frames are left out of stacks (unless leaky-errors). */
  sandboxDir: string;
  leaky: boolean;
}

const CODE_ERROR_TYPES = ['syntax', 'runtime', 'permission', 'validation', 'resource'] as const;

/**
 * The typed error of a stop, or undefined when the run finished without one. The type comes from
 * the mechanism that fired, in the protocol's order of precedence: the executor's own limits
 * first, then what the code reported about its own failure.
 */
export function executionError(
  stop: ExecutionStop,
  context: ErrorContext,
): { error: ExecutionError; redactions: number } | undefined {
  const { policy } = context;
  switch (stop.kind) {
    case 'cancelled':
      return plain({ type: 'cancelled', message: 'the execution was cancelled' });
    case 'timeout':
      return plain({
        type: 'timeout',
        message: `the execution ran out of its ${policy.wallTimeMs} ms wall-time budget`,
        limit: { kind: 'wall_time', configured: policy.wallTimeMs, observed: stop.observedMs },
      });
    case 'output': {
      const configured = stop.stream === 'stdout' ? policy.output.stdoutBytes : policy.output.stderrBytes;
      return plain({
        type: 'output_limit',
        message: `${stop.stream} exceeded its cap of ${configured} bytes`,
        limit: { kind: stop.stream, configured, observed: stop.observed },
      });
    }
    case 'memory':
      return plain({
        type: 'resource',
        message: `the execution exceeded its memory cap of ${policy.memoryBytes} bytes`,
        limit: { kind: 'memory', configured: policy.memoryBytes, observed: stop.observed },
      });
    case 'crashed':
      if (stop.outOfMemory)
        return plain({
          type: 'resource',
          message: stop.exit.oomKilled
            ? 'the kernel killed the code for exceeding its memory cap'
            : stop.exit.memoryStalled
              ? 'the code filled its memory cap and the sandbox stalled there, its runtime evicted and re-read'
              : 'the JavaScript heap ran out of memory',
          limit: {
            kind: 'memory',
            configured: policy.memoryBytes,
            observed: Math.max(stop.exit.memoryPeakBytes ?? 0, context.peakMemoryBytes, policy.memoryBytes),
          },
        });
      if (stop.exit.signal === null && stop.exit.code === 0) return undefined;
      if (stop.exit.signal === null)
        return plain({
          type: 'runtime',
          name: 'Exit',
          message: `the code ended its sandbox with exit status ${stop.exit.code}`,
        });
      return plain({ type: 'internal', message: `the sandbox died (${stop.exit.signal})` });
    case 'done':
      return stop.done.ok ? undefined : codeError(stop.done.error, context);
    default:
      return assertNever(stop);
  }
}

function codeError(reported: RunDone['error'], context: ErrorContext): { error: ExecutionError; redactions: number } {
  const type = CODE_ERROR_TYPES.find((t) => t === reported?.kind) ?? 'runtime';
  const message = context.redactor.redact(String(reported?.message ?? 'the code failed'));
  const stack =
    reported?.stack === undefined
      ? undefined
      : context.redactor.redact(context.leaky ? reported.stack : tidyStack(reported.stack, context.sandboxDir));
  const error: ExecutionError = {
    type,
    message: message.text,
    ...(reported?.name ? { name: String(reported.name).slice(0, 256) } : {}),
    ...(stack ? { stack: stack.text } : {}),
  };
  if (reported?.resource) error.resource = context.redactor.redact(String(reported.resource)).text;
  if (type === 'resource')
    error.limit = diskLimitOf(reported) ?? {
      kind: 'memory',
      configured: context.policy.memoryBytes,
      observed: context.peakMemoryBytes,
    };
  return { error, redactions: message.count + (stack?.count ?? 0) };
}

/**
 * The disk limit a run reported (the Docker backend's fsize or work-dir size), rebuilt field by
 * field: a sandbox's message is not trusted to shape the protocol's error.
 */
function diskLimitOf(reported: RunDone['error']): ExecutionError['limit'] {
  const limit: unknown = reported?.limit;
  if (typeof limit !== 'object' || limit === null) return undefined;
  const { kind, configured } = limit as Record<string, unknown>;
  return kind === 'disk' && typeof configured === 'number' && Number.isFinite(configured)
    ? { kind: 'disk', configured }
    : undefined;
}

/** Leaves the bootstrap's frames out of a stack: they describe the executor, not the code. */
export function tidyStack(stack: string, sandboxDir: string): string {
  return stack
    .replace(/eval at \w+ \([^)]*\), /g, '')
    .split('\n')
    .filter((line) => !line.includes(sandboxDir))
    .join('\n');
}

function plain(error: ExecutionError): { error: ExecutionError; redactions: number } {
  return { error, redactions: 0 };
}

function assertNever(value: never): never {
  throw new HarnessError(HarnessErrorCode.Internal, `unhandled stop ${JSON.stringify(value)}`);
}
