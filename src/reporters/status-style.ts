import type { CaseOutcome } from '../report/generated/types.js';
import type { Colour } from './paint.js';

/** The mark and colour of each status, as the console shows them. */
export function statusStyle(status: CaseOutcome['status']): { mark: string; colour: Colour } {
  switch (status) {
    case 'passed':
      return { mark: '✓', colour: 'green' };
    case 'failed':
      return { mark: '✗', colour: 'red' };
    case 'errored':
      return { mark: '!', colour: 'magenta' };
    case 'unsupported':
      return { mark: '-', colour: 'gray' };
    case 'flaky':
      return { mark: '~', colour: 'yellow' };
  }
}
