import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../protocol/generated/error-codes.js';
import { expectationOf } from './raw-frame.js';

describe('expectationOf', () => {
  const declared = { sessions: false, cancel: false };
  const absent = { sessions: true, cancel: true };

  it('demands the not-found errors from an executor that declares sessions and cancellation', () => {
    expect(expectationOf({ kind: 'execute-cancel-unknown' }, declared)).toEqual({
      answer: 'error',
      codes: [ErrorCodes.ExecutionNotFound],
      id: 'own',
    });
    expect(expectationOf({ kind: 'destroy-unknown-session' }, declared)).toEqual({
      answer: 'error',
      codes: [ErrorCodes.SessionNotFound],
      id: 'own',
    });
    expect(
      expectationOf({ kind: 'wrong-params', method: 'session/create', pointer: '/policy', action: 'delete' }, declared),
    ).toEqual({ answer: 'error', codes: [ErrorCodes.InvalidParams], id: 'own' });
  });

  it('also accepts method-not-found for methods of features declared absent, and nothing looser', () => {
    expect(expectationOf({ kind: 'execute-cancel-unknown' }, absent)).toEqual({
      answer: 'error',
      codes: [ErrorCodes.ExecutionNotFound, ErrorCodes.MethodNotFound],
      id: 'own',
    });
    expect(expectationOf({ kind: 'destroy-unknown-session' }, absent)).toEqual({
      answer: 'error',
      codes: [ErrorCodes.SessionNotFound, ErrorCodes.MethodNotFound],
      id: 'own',
    });
    expect(
      expectationOf({ kind: 'wrong-params', method: 'session/create', pointer: '/policy', action: 'delete' }, absent),
    ).toEqual({ answer: 'error', codes: [ErrorCodes.InvalidParams, ErrorCodes.MethodNotFound], id: 'own' });
    // execute is never optional: its wrong params stay -32602.
    expect(
      expectationOf({ kind: 'wrong-params', method: 'execute', pointer: '/policy', action: 'delete' }, absent),
    ).toEqual({ answer: 'error', codes: [ErrorCodes.InvalidParams], id: 'own' });
  });
});
