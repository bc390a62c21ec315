/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/protocol/error-codes.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

/** JSON-RPC error codes of the protocol, by name. */
export const ErrorCodes = {
  /** The frame is not valid JSON, or not valid UTF-8. */
  ParseError: -32700,
  /** The frame is JSON but not a JSON-RPC 2.0 request, notification or response. */
  InvalidRequest: -32600,
  /** No such method in this direction. */
  MethodNotFound: -32601,
  /** The params do not match the schema, exceed an advertised maximum, or name an unsupported language; data.issues says where. */
  InvalidParams: -32602,
  /** The receiver failed before it could act on the request. */
  InternalError: -32603,
  /** A request other than initialize or ping arrived before initialize was answered. */
  NotInitialized: -32001,
  /** No such session for this tenant. Also the answer for another tenant's session, so that the two cannot be told apart. */
  SessionNotFound: -32002,
  /** The session is already running an execution. */
  SessionBusy: -32003,
  /** The executor cannot enforce part of the requested policy and refuses instead of running under a weaker one; data.unsupported says which parts. */
  UnsupportedPolicy: -32004,
  /** The token is unknown, or does not belong to the tenant the principal claims. */
  Unauthorized: -32005,
  /** The tenant has exceeded its rate; data.retryAfterMs says when to retry. */
  RateLimited: -32006,
  /** A frame exceeded the receiver's maximum message size and was discarded unread. */
  MessageTooLarge: -32007,
  /** The request was cancelled before it produced a result. */
  RequestCancelled: -32008,
  /** The receiver is shutting down and takes no new work. */
  ShuttingDown: -32009,
  /** No such execution for this tenant (execute/cancel). Also the answer for another tenant's execution. */
  ExecutionNotFound: -32010,
  /** The protocol major versions of the two peers differ. */
  ProtocolVersionMismatch: -32011,
} as const;
