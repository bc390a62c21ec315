/** The positive control every limit payload prints before it starts to push against its limit. */
export const LIMIT_MARKER = 'FZ-LIMIT-CONTROL';

/** Printed by a payload that got past the point its limit should have stopped it. */
export const PAST_LIMIT = 'FZ-RAN-PAST-LIMIT';
