/**
 * Something the other side sent that breaks the protocol. Violations are data: the peer records
 * them, answers where JSON-RPC says to, and stays usable unless a violation makes that
 * impossible. The shape is defined once, in schemas/protocol/protocol-violation.schema.json,
 * because reports carry it.
 */
export type { ProtocolViolation, ProtocolViolationKind } from './generated/types.js';
