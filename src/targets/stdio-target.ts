import { StringDecoder } from 'node:string_decoder';
import type { StdioTarget } from '../config/generated/types.js';
import { StdioClientTransport } from '../transports/stdio-client-transport.js';
import type { TargetSpec } from './target.js';

/**
 * A process Gauntlet spawns and speaks to over stdio (the reference, adapters, `stdio:`, a config
 * target). It gets an explicit environment: PATH, the target's env, then the run's variables
 * (tenants, canaries); nothing else of Gauntlet's own environment leaks in. Its stderr is the
 * executor's log, searched for leaks like any channel. The launch data stays on the spec, so
 * reports and tests can see what runs.
 */
export function stdioTarget(config: StdioTarget): TargetSpec & StdioTarget {
  return {
    ...config,
    description: [config.command, ...(config.args ?? [])].join(' '),
    startedByGauntlet: true,
    sameHost: true,
    connect(env) {
      const decoder = new StringDecoder('utf8');
      // The log sink arrives once the connection exists; chunks before it wait in order.
      let sink: ((text: string) => void) | undefined;
      const early: string[] = [];
      const transport = new StdioClientTransport({
        command: config.command,
        args: config.args ?? [],
        ...(config.cwd ? { cwd: config.cwd } : {}),
        env: { PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin', ...config.env, ...env },
        onStderr: (chunk) => (sink ? sink(decoder.write(chunk)) : early.push(decoder.write(chunk))),
        closeGraceMs: 1000,
      });
      return {
        transport,
        kill: () => transport.kill(),
        pipeLog(to) {
          sink = to;
          for (const text of early.splice(0)) to(text);
        },
      };
    },
  };
}
