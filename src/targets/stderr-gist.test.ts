import { describe, expect, it } from 'vitest';
import { stderrGist } from './stderr-gist.js';

const nodeMissingModule = `node:internal/modules/cjs/loader:1228
  throw err;
  ^

Error: Cannot find module '/srv/executor.js'
    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)
    at Module._load (node:internal/modules/cjs/loader:1051:27)
${'    at frame\n'.repeat(1600)}
Node.js v20.19.0
`;

describe('stderrGist', () => {
  it('starts at the line naming the error and keeps a few lines of a long stderr, on one line', () => {
    const gist = stderrGist(nodeMissingModule);
    expect(gist).toBe(
      "Error: Cannot find module '/srv/executor.js' | at Module._resolveFilename " +
        '(node:internal/modules/cjs/loader:1225:15) | at Module._load ' +
        '(node:internal/modules/cjs/loader:1051:27)',
    );
  });

  it('keeps the first lines when no line names an error, and bounds the length', () => {
    expect(stderrGist('starting\nlistening on stdio\nbye\nmore\n')).toBe('starting | listening on stdio | bye');
    expect(stderrGist(`Error: ${'x'.repeat(1000)}`)).toHaveLength(401);
  });
});
