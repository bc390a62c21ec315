import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';
import type { TargetKind } from '../target-kind.js';
import { webSocketTarget } from '../websocket-target.js';

/** `ws://host:port/path` or `wss://...`: an executor that is already running. */
export const webSocketTargetKind: TargetKind = {
  name: 'websocket',
  syntax: 'ws://host:port/path',
  description: 'a running executor reached over WebSocket (needs --tenants, it cannot learn tokens from Gauntlet)',
  matches: (spec) => /^wss?:\/\//.test(spec),
  resolve(spec, { tenants }) {
    try {
      new URL(spec);
    } catch {
      throw new HarnessError(HarnessErrorCode.ConfigInvalid, `not a valid URL: ${spec}`, '--target');
    }
    if (!tenants)
      throw new HarnessError(
        HarnessErrorCode.ConfigInvalid,
        'a WebSocket executor does not learn tokens from Gauntlet: give its tenants with --tenants ' +
          'FILE or a named target in gauntlet.config.json',
        '--target',
      );
    return { name: spec, spec: webSocketTarget({ transport: 'websocket', url: spec, tenants }) };
  },
  configTransport: 'websocket',
  fromConfig(config, { tenants }) {
    if (config.transport !== 'websocket')
      throw new HarnessError(HarnessErrorCode.Internal, `not a WebSocket target: ${config.transport}`);
    return webSocketTarget({ ...config, ...(tenants ? { tenants } : {}) });
  },
};
