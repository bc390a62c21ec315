import type { Channel } from '../scenarios/generated/types.js';
import type { Observation } from './observation.js';

/** Text the harness received on one channel, with when it arrived. */
export interface ChannelText {
  channel: Channel;
  step?: string;
  text: string;
  /** When the text at `index` arrived (ms since the epoch). */
  atIndex(index: number): number;
}

/** JSON of a value, bounded: evidence, not an unbounded copy of what an executor sent. */
function boundedJson(value: unknown, limit = 1024 * 1024): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > limit ? text.slice(0, limit) : text;
}

function fixed(channel: Channel, text: string, at: number, step?: string): ChannelText {
  return { channel, text, atIndex: () => at, ...(step === undefined ? {} : { step }) };
}

/**
 * Every channel of an observation as searchable text: each step's stdout, stderr, result and
 * error, JSON-RPC errors, the audit entries, the executor's own log, tool-call arguments and
 * listener contacts.
 */
export function channelTexts(observation: Observation): ChannelText[] {
  const texts: ChannelText[] = [];
  for (const step of observation.steps) {
    const at = step.startedAt + step.elapsedMs;
    const { answer } = step;
    if (answer.kind === 'result') {
      const result = answer.result;
      texts.push(fixed('stdout', result.stdout.text, at, step.id), fixed('stderr', result.stderr.text, at, step.id));
      if (result.status === 'ok') texts.push(fixed('result', boundedJson(result.result), at, step.id));
      else
        texts.push(
          fixed(
            'error',
            [result.error.name, result.error.message, result.error.stack, result.error.resource]
              .filter(Boolean)
              .join('\n'),
            at,
            step.id,
          ),
        );
    } else if (answer.kind === 'audit') {
      for (const entry of answer.entries) texts.push(fixed('audit', boundedJson(entry), at, step.id));
    } else if (answer.kind === 'rpc-error') {
      texts.push(fixed('rpc-error', `${answer.message}\n${boundedJson(answer.data)}`, at, step.id));
    }
  }
  for (const entry of observation.audit?.entries ?? [])
    texts.push(fixed('audit', boundedJson(entry), Date.parse(entry.time) || Date.now()));
  if (observation.executorLog.length > 0) texts.push(joinedLog(observation));
  const stepOfExecution = new Map(observation.steps.map((s) => [s.executionId, s.id]));
  for (const call of observation.toolCalls)
    texts.push(
      fixed(
        'tool-call-arguments',
        boundedJson(call.params.arguments),
        call.at,
        stepOfExecution.get(call.params.executionId),
      ),
    );
  for (const hit of observation.listenerHits)
    texts.push(fixed('listener', `${hit.protocol} from ${hit.from}\n${hit.data}`, hit.at));
  return texts;
}

/** The executor's log as one text, so a token split across chunks is still found. */
function joinedLog(observation: Observation): ChannelText {
  const starts: Array<{ offset: number; at: number }> = [];
  let text = '';
  for (const entry of observation.executorLog) {
    starts.push({ offset: text.length, at: entry.at });
    text += entry.text;
  }
  return {
    channel: 'executor-log',
    text,
    atIndex: (index) => [...starts].reverse().find((s) => s.offset <= index)?.at ?? starts[0]!.at,
  };
}
