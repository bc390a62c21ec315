/**
 * Why a frame could not be delivered: it was larger than the receiver's maximum message size
 * (and was discarded without being buffered), or it was not valid UTF-8.
 */
export interface FrameError {
  kind: 'oversized' | 'invalid-utf8';
  /** Size of the offending frame in bytes, as far as it was read. */
  bytes: number;
  /** The first bytes of the frame, decoded leniently, for diagnostics and id recovery. */
  head: string;
}

/** How and why a transport closed. */
export interface TransportCloseInfo {
  /** Human-readable reason, such as `process exited with code 1`. */
  reason: string;
  exitCode?: number | null;
  signal?: string | null;
  /** The last bytes the other side wrote to its log channel (stderr), if the transport has one. */
  stderrTail?: string;
}

/**
 * A bidirectional channel of text frames, each frame one JSON-RPC message. Transports only frame
 * and deliver; correlation, deadlines, cancellation and validation belong to {@link Peer}.
 */
export interface Transport {
  /** Opens the channel (spawns the process, connects the socket). Rejects if that fails. */
  start(): Promise<void>;
  /** Sends one frame. Rejects if the channel is closed or the frame exceeds the maximum size. */
  send(frame: string): Promise<void>;
  /**
   * Sends one frame of raw bytes exactly as given: no UTF-8 encoding and no size check, so that
   * robustness fuzzers can send invalid UTF-8 and oversized frames. Optional: a transport that
   * cannot carry raw bytes leaves it out, and those inputs are skipped.
   */
  sendBytes?(bytes: Uint8Array): Promise<void>;
  /** Closes the channel and releases everything it holds; resolves once released. */
  close(): Promise<void>;
  onmessage?: (frame: string) => void;
  onframeerror?: (error: FrameError) => void;
  onclose?: (info: TransportCloseInfo) => void;
}
