import { ErrorCodes } from '../../../src/protocol/generated/error-codes.js';
import type { InitializeResult } from '../../../src/protocol/generated/types.js';
import type { Peer } from '../../../src/protocol/peer.js';
import { RpcError } from '../../../src/protocol/rpc-error.js';
import { isCompatibleVersion, PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import type { ExecutorService } from './executor-service.js';

/**
 * Binds one connection's peer to the shared service. Each connection negotiates on its own:
 * until it has answered initialize, every request but ping gets -32001.
 */
export function serveConnection(
  peer: Peer,
  service: ExecutorService,
  info: InitializeResult,
  onShutdown: () => void,
): void {
  let initialized = false;
  const ready = () => {
    if (!initialized) throw new RpcError(ErrorCodes.NotInitialized, 'Not initialized: send initialize first');
  };

  peer.setRequestHandler('initialize', async (params) => {
    if (!isCompatibleVersion(params.protocolVersion))
      throw new RpcError(
        ErrorCodes.ProtocolVersionMismatch,
        `Protocol version mismatch: this executor speaks ${PROTOCOL_VERSION}`,
      );
    initialized = true;
    return info;
  });
  peer.setRequestHandler('ping', async () => ({}));
  peer.setRequestHandler('execute', async (params, { signal }) => {
    ready();
    return service.execute(params, peer, signal);
  });
  peer.setRequestHandler('execute/cancel', async (params) => {
    ready();
    return { cancelled: service.cancel(params.principal, params.executionId) };
  });
  peer.setRequestHandler('session/create', async (params) => {
    ready();
    return service.createSession(params);
  });
  peer.setRequestHandler('session/destroy', async (params) => {
    ready();
    await service.destroySession(params.principal, params.sessionId);
    return { destroyed: true };
  });
  peer.setRequestHandler('audit/query', async (params) => {
    ready();
    return service.queryAudit(params);
  });
  peer.setRequestHandler('shutdown', async () => {
    ready();
    await service.shutdown();
    // Answer first; the process ends once the answer is on its way.
    setTimeout(onShutdown, 50);
    return {};
  });
}
