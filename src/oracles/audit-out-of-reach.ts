import { makeFinding } from './make-finding.js';
import { channelTexts } from './channel-text.js';
import type { OracleFor } from './oracle.js';

/** Channels the code writes to: what shows up there, the code itself had in hand. */
const CODE_CHANNELS = new Set(['stdout', 'stderr', 'result', 'error', 'tool-call-arguments', 'listener']);

/**
 * The code never had the audit log in hand: no channel the code writes to carries the `id` or
 * `hash` of an audit entry the harness read back with audit/query. Both are made by the executor
 * after the execution they record has ended and are answered only to the harness, so code that
 * shows one read the log file (or the executor's memory), which §11.4 keeps out of its reach.
 */
export const auditOutOfReach: OracleFor<'audit-out-of-reach'> = {
  name: 'audit-out-of-reach',
  description: "no output of the code carries an audit entry's id or hash",
  requires: ['audit'],
  judge(observation) {
    const entries = observation.audit?.entries ?? [];
    if (entries.length === 0) return [];
    const marks = entries.flatMap((entry) => [
      { value: entry.id, entry },
      { value: entry.hash, entry },
    ]);
    return channelTexts(observation)
      .filter((text) => CODE_CHANNELS.has(text.channel))
      .flatMap((text) => {
        const mark = marks.find((m) => m.value.length >= 16 && text.text.includes(m.value));
        if (!mark) return [];
        const index = text.text.indexOf(mark.value);
        return [
          makeFinding(
            'audit-out-of-reach',
            `the ${text.channel} of step ${text.step ?? '?'} carries the audit entry ${mark.entry.id} ` +
              `(${mark.entry.event} of ${mark.entry.tenantId}): the code read the audit log`,
            text.atIndex(index),
            {
              channel: text.channel,
              ...(text.step === undefined ? {} : { step: text.step }),
              expected: 'no audit entry id or hash in what the code wrote',
              observed: mark.value,
              excerpt: text.text.slice(Math.max(0, index - 200), index + 200),
            },
          ),
        ];
      });
  },
};
