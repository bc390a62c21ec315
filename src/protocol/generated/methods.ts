/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/protocol/methods.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

import type { AuditQueryParams, AuditQueryResult, CancelledNotificationParams, ExecuteCancelParams, ExecuteCancelResult, ExecuteParams, ExecuteResult, InitializeParams, InitializeResult, LogNotificationParams, PingParams, PingResult, SessionCreateParams, SessionCreateResult, SessionDestroyParams, SessionDestroyResult, ShutdownParams, ShutdownResult, ToolCallParams, ToolCallResult } from './types.js';

/** Who may send a message: the harness, the executor, or either. */
export type MessageSender = 'harness' | 'executor' | 'either';

/** Params and result type of every request method. */
export interface RequestMap {
  'initialize': { params: InitializeParams; result: InitializeResult };
  'ping': { params: PingParams; result: PingResult };
  'execute': { params: ExecuteParams; result: ExecuteResult };
  'execute/cancel': { params: ExecuteCancelParams; result: ExecuteCancelResult };
  'session/create': { params: SessionCreateParams; result: SessionCreateResult };
  'session/destroy': { params: SessionDestroyParams; result: SessionDestroyResult };
  'audit/query': { params: AuditQueryParams; result: AuditQueryResult };
  'tool/call': { params: ToolCallParams; result: ToolCallResult };
  'shutdown': { params: ShutdownParams; result: ShutdownResult };
}

/** Params type of every notification method. */
export interface NotificationMap {
  'notifications/cancelled': CancelledNotificationParams;
  'notifications/log': LogNotificationParams;
}

export type RequestMethod = keyof RequestMap;
export type NotificationMethod = keyof NotificationMap;

/** Sender and schema definition names of every request method. */
export const requestMethods = {
  'initialize': { from: 'harness', params: 'InitializeParams', result: 'InitializeResult' },
  'ping': { from: 'either', params: 'PingParams', result: 'PingResult' },
  'execute': { from: 'harness', params: 'ExecuteParams', result: 'ExecuteResult' },
  'execute/cancel': { from: 'harness', params: 'ExecuteCancelParams', result: 'ExecuteCancelResult' },
  'session/create': { from: 'harness', params: 'SessionCreateParams', result: 'SessionCreateResult' },
  'session/destroy': { from: 'harness', params: 'SessionDestroyParams', result: 'SessionDestroyResult' },
  'audit/query': { from: 'harness', params: 'AuditQueryParams', result: 'AuditQueryResult' },
  'tool/call': { from: 'executor', params: 'ToolCallParams', result: 'ToolCallResult' },
  'shutdown': { from: 'harness', params: 'ShutdownParams', result: 'ShutdownResult' },
} as const satisfies Record<RequestMethod, { from: MessageSender; params: string; result: string }>;

/** Sender and schema definition name of every notification method. */
export const notificationMethods = {
  'notifications/cancelled': { from: 'either', params: 'CancelledNotificationParams' },
  'notifications/log': { from: 'executor', params: 'LogNotificationParams' },
} as const satisfies Record<NotificationMethod, { from: MessageSender; params: string }>;
