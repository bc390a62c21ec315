import type { StrideCategory } from './generated/types.js';

/** The six STRIDE categories in their usual order, the order tables, help and reports list them in. */
export const STRIDE_CATEGORIES: readonly StrideCategory[] = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
];
