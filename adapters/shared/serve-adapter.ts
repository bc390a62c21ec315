import { randomUUID } from 'node:crypto';
import { ErrorCodes } from '../../src/protocol/generated/error-codes.js';
import type {
  ExecuteParams,
  ExecuteResult,
  ExecutionError,
  InitializeResult,
} from '../../src/protocol/generated/types.js';
import { Peer } from '../../src/protocol/peer.js';
import { RpcError } from '../../src/protocol/rpc-error.js';
import { isCompatibleVersion, PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { StdioServerTransport } from '../../src/transports/stdio-server-transport.js';
import type { Adapter, Job, RunOutcome } from './adapter.js';
import { checkRequest } from './check-request.js';
import { OutputSink } from './output-sink.js';
import { resultField } from './result-json.js';
import { TenantTokens } from './tenant-tokens.js';

/**
 * Serves one adapter as a protocol v1 executor over stdio. In order, for every execute:
 * 1. refuse before initialize (-32001) and unknown tokens (-32005);
 * 2. refuse what the adapter cannot run or enforce (-32602, -32004);
 * 3. refuse to run at all when the sandbox is unavailable on this machine (an internal error);
 * 4. run the code with capped output sinks, then shape the answer.
 * Sessions, cancellation, tools and audit are not served: every adapter declares them absent.
 */
export async function serveAdapter(adapter: Adapter): Promise<void> {
  const peer = new Peer(new StdioServerTransport(), { role: 'executor' });
  const tenants = new TenantTokens(process.env['GAUNTLET_TENANTS']);
  if (tenants.problem) process.stderr.write(`${adapter.info.name}: ${tenants.problem}\n`);
  let initialized = false;
  let unavailable: string | undefined;

  peer.setRequestHandler('ping', async () => ({}));
  peer.setRequestHandler('initialize', async (params): Promise<InitializeResult> => {
    if (!isCompatibleVersion(params.protocolVersion)) {
      throw new RpcError(
        ErrorCodes.ProtocolVersionMismatch,
        `Protocol version mismatch: this executor speaks ${PROTOCOL_VERSION}`,
      );
    }
    unavailable = await adapter.unavailable?.();
    initialized = true;
    const description = unavailable
      ? `UNAVAILABLE on this machine, every execution fails: ${unavailable}. ${adapter.info.description ?? ''}`
      : adapter.info.description;
    return {
      protocolVersion: PROTOCOL_VERSION,
      executorInfo: {
        ...adapter.info,
        ...(description ? { description: description.slice(0, 2000) } : {}),
        components: adapterComponents(adapter.info),
      },
      languages: adapter.languages,
      capabilities: adapter.capabilities,
    };
  });
  peer.setRequestHandler('execute', async (params) => {
    if (!initialized) throw new RpcError(ErrorCodes.NotInitialized, 'Not initialized: send initialize first');
    tenants.check(params.principal);
    checkRequest(params, adapter.languages, adapter.capabilities);
    return execute(adapter, params, unavailable);
  });
  peer.setRequestHandler('shutdown', async () => {
    if (!initialized) throw new RpcError(ErrorCodes.NotInitialized, 'Not initialized: send initialize first');
    setImmediate(() => process.exit(0));
    return {};
  });
  // The harness closing stdin without shutdown ends the executor the same way (nothing to keep).
  peer.onClose(() => setImmediate(() => process.exit(0)));
  await peer.start();
}

async function execute(
  adapter: Adapter,
  params: ExecuteParams,
  unavailable: string | undefined,
): Promise<ExecuteResult> {
  const executionId = params.executionId ?? `x-${randomUUID()}`;
  const { output } = params.policy;
  const overflow = new AbortController();
  const kill = output.onExceed === 'kill' ? () => overflow.abort(new Error('output cap reached')) : undefined;
  const job: Job = {
    executionId,
    language: params.language,
    code: params.code,
    policy: params.policy,
    stdout: new OutputSink(output.stdoutBytes, kill),
    stderr: new OutputSink(output.stderrBytes, kill),
    outputKill: overflow.signal,
  };
  const started = performance.now();
  let outcome: RunOutcome;
  if (unavailable)
    outcome = {
      kind: 'error',
      error: {
        type: 'internal',
        message: `the sandbox is unavailable on this machine, so nothing was run: ${unavailable}`,
      },
    };
  else {
    try {
      outcome = await adapter.run(job);
    } catch (error) {
      outcome = {
        kind: 'error',
        error: {
          type: 'internal',
          message: `the adapter failed: ${String((error as Error)?.message ?? error).slice(0, 2000)}`,
        },
      };
    }
  }
  const common = {
    executionId,
    stdout: job.stdout.captured(),
    stderr: job.stderr.captured(),
    toolCalls: [],
    usage: { wallMs: Math.round(performance.now() - started) },
    redactions: 0,
    auditIds: [],
  };
  const error = outputKillError(job, outcome);
  if (error) return { status: 'error', error, ...common };
  if (outcome.kind === 'error') return { status: 'error', error: outcome.error, ...common };
  const field = resultField(
    outcome.kind === 'ok' ? { value: outcome.value } : { json: outcome.json },
    output.resultBytes,
    output.onExceed,
  );
  if (!field.ok) return { status: 'error', error: field.error, ...common };
  return {
    status: 'ok',
    ...common,
    ...('result' in field ? { result: field.result } : {}),
    resultTruncated: field.truncated,
  };
}

/** In kill mode a passed output cap outranks everything the code caused but a timeout. */
function outputKillError(job: Job, outcome: RunOutcome): ExecutionError | undefined {
  if (job.policy.output.onExceed !== 'kill') return undefined;
  if (outcome.kind === 'error' && outcome.error.type === 'timeout') return undefined;
  for (const [kind, sink] of [
    ['stdout', job.stdout],
    ['stderr', job.stderr],
  ] as const) {
    if (sink.exceeded)
      return {
        type: 'output_limit',
        message: `${kind} passed its cap of ${sink.capBytes} bytes`,
        limit: { kind, configured: sink.capBytes, observed: sink.captured().bytes },
      };
  }
  return undefined;
}

/** The library the adapter wraps and the Node.js it runs in (node:vm's version is Node's own). */
function adapterComponents(info: { name: string; version: string }): Array<{ name: string; version: string }> {
  return info.name === 'node:vm'
    ? [{ name: 'node', version: process.versions.node }]
    : [
        { name: info.name, version: info.version },
        { name: 'node', version: process.versions.node },
      ];
}
