/**
 * Something the other side sent that breaks the protocol. Violations are data: the peer records
 * them, answers where JSON-RPC says to, and stays usable.
 */
export interface ProtocolViolation {
  kind:
    | 'parse-error'
    | 'invalid-utf8'
    | 'oversized-message'
    | 'invalid-message'
    | 'unknown-response-id'
    | 'invalid-params'
    | 'invalid-result'
    | 'unknown-method'
    | 'wrong-direction';
  /** What was wrong, with the JSON pointer where one applies. */
  detail: string;
  /** The first bytes of the offending frame. */
  excerpt: string;
  /** When the peer saw it (ms since the epoch). */
  at: number;
  /** The method concerned, when known. */
  method?: string;
}
