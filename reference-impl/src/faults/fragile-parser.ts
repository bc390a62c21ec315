import type { Transport } from '../../../src/protocol/transport.js';

/**
 * The fragile-parser fault: frames reach a bare JSON.parse before the peer's guarded one, and an
 * invalid UTF-8 frame is rethrown, so malformed input escapes as an uncaught exception and the
 * executor process dies, as a hand-rolled server without a try/catch would.
 */
export function crashOnMalformedFrames(transport: Transport): void {
  const deliver = transport.onmessage;
  const frameError = transport.onframeerror;
  transport.onmessage = (frame) => {
    JSON.parse(frame);
    deliver?.(frame);
  };
  transport.onframeerror = (error) => {
    if (error.kind === 'invalid-utf8') throw new Error(`cannot decode frame of ${error.bytes} bytes`);
    frameError?.(error);
  };
}
