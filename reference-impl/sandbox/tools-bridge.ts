import type { ControlChannel } from './control-channel.ts';
import { toolErrorKinds, type ErrorKind } from './error-report.ts';

/** How the executor answered a tool call (mirrors the protocol's ToolCallStatus). */
interface ToolAnswer {
  callId: string;
  status: 'ok' | 'error' | 'invalid_arguments' | 'denied' | 'timeout' | 'refused';
  value?: string;
  message?: string;
}

const stringify = JSON.stringify;
const parse = JSON.parse;
const ErrorCtor = Error;
const isArray = Array.isArray;

const KIND_OF_STATUS: Record<ToolAnswer['status'], { name: string; kind: ErrorKind }> = {
  ok: { name: 'ToolError', kind: 'runtime' },
  error: { name: 'ToolError', kind: 'runtime' },
  invalid_arguments: { name: 'ToolArgumentsError', kind: 'validation' },
  denied: { name: 'ToolDeniedError', kind: 'permission' },
  timeout: { name: 'ToolTimeoutError', kind: 'runtime' },
  refused: { name: 'ToolRefusedError', kind: 'runtime' },
};

/**
 * Carries tool calls from the code to the executor and back. Each call is tagged with the run it
 * belongs to, so a call made after that run ended (from a timer, in a session) is refused by the
 * executor instead of being attributed to a later run.
 */
export class ToolsBridge {
  #next = 0;
  readonly #pending = new Map<string, { resolve: (v: ToolAnswer) => void }>();

  constructor(private readonly channel: ControlChannel) {}

  /** Sends a call with JSON arguments and resolves with the executor's answer. */
  call(run: number, name: string, argsJson: string): Promise<ToolAnswer> {
    const callId = `c${run}-${++this.#next}`;
    return new Promise((resolve) => {
      this.#pending.set(callId, { resolve });
      void this.channel.send({ t: 'tool', run, callId, name, args: argsJson });
    });
  }

  /** Settles the call an answer from the executor refers to. */
  settle(answer: ToolAnswer): void {
    const pending = this.#pending.get(answer.callId);
    this.#pending.delete(answer.callId);
    pending?.resolve(answer);
  }

  /** The `tools` object JavaScript and TypeScript code receive: `await tools.name(args)`. */
  jsTools(run: number): object {
    const call = async (name: string, args: unknown): Promise<unknown> => {
      if (typeof args !== 'object' || args === null || isArray(args))
        throw new TypeError(`tools.${name} takes one object of arguments`);
      const answer = await this.call(run, name, stringify(args));
      if (answer.status === 'ok') return answer.value === undefined ? undefined : parse(answer.value);
      throw toolError(name, answer);
    };
    // 'then' is left out so that awaiting the tools object itself does not call a tool.
    return new Proxy(Object.create(null), {
      get: (_target, key) =>
        typeof key === 'string' && key !== 'then' ? (args: unknown = {}) => call(key, args) : undefined,
    });
  }

  /** The call function Python's `tools` wrapper uses: JSON in, JSON answer out, never rejects. */
  pythonCall(run: number): (name: string, argsJson: string) => Promise<string> {
    return async (name, argsJson) => stringify(await this.call(run, String(name), String(argsJson)));
  }
}

function toolError(name: string, answer: ToolAnswer): Error {
  const { name: errorName, kind } = KIND_OF_STATUS[answer.status];
  const error = new ErrorCtor(answer.message ?? `tool ${name} failed`);
  error.name = errorName;
  toolErrorKinds.set(error, { kind, resource: `tool:${name}` });
  return error;
}
