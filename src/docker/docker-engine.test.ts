import { describe, expect, it } from 'vitest';
import { isHarnessError } from '../errors/harness-error.js';
import { connectDockerEngine, DOCKER_ENGINE_START_COMMAND } from './docker-engine.js';

describe('connectDockerEngine', () => {
  it('answers when the engine runs (CI starts it with docker/start-engine.sh)', async () => {
    const docker = await connectDockerEngine();
    expect((await docker.version()).ApiVersion).toMatch(/^1\.\d+$/);
  });

  it('fails loudly without an engine, naming the command that starts one', async () => {
    const error = await connectDockerEngine({ socketPath: '/nonexistent/docker.sock', deadlineMs: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(isHarnessError(error, 'EXECUTOR_START_FAILED')).toBe(true);
    expect(String(error)).toContain(DOCKER_ENGINE_START_COMMAND);
    expect(String(error)).toContain('/nonexistent/docker.sock');
  });
});
