/** One contact with a canary listener, as the listener recorded it. */
export interface ListenerHit {
  protocol: 'tcp' | 'http' | 'udp';
  /** When the contact arrived (ms since the epoch). */
  at: number;
  /** The remote address and port. */
  from: string;
  /** What was received, bounded; for HTTP the request line, headers and body. */
  data: string;
  /** Bytes received in all, kept or not. */
  bytes: number;
}
