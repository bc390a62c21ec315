import { ErrorCodes } from './generated/error-codes.js';
import type { ErrorData, JsonRpcError } from './generated/types.js';

/**
 * A JSON-RPC error: thrown by a request handler to answer with it, and raised by
 * {@link Peer.request} when the other side answered with it.
 */
export class RpcError extends Error {
  override readonly name = 'RpcError';

  constructor(
    readonly code: number,
    message: string,
    readonly data?: ErrorData,
  ) {
    super(message);
  }

  /** The wire form of this error. */
  toJson(): JsonRpcError {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }

  static fromJson(error: JsonRpcError): RpcError {
    return new RpcError(error.code, error.message, error.data);
  }

  /** An invalid-params error listing each offending member by JSON pointer. */
  static invalidParams(message: string, issues: ErrorData['issues'], reason?: string): RpcError {
    return new RpcError(ErrorCodes.InvalidParams, message, { ...(reason ? { reason } : {}), issues });
  }
}

/** Narrows an unknown value to an RpcError carrying the given code. */
export function isRpcError(value: unknown, code?: number): value is RpcError {
  return value instanceof RpcError && (code === undefined || value.code === code);
}
