import { adapterTargetKind } from './kinds/adapter-target-kind.js';
import { dockerTargetKind } from './kinds/docker-target-kind.js';
import { referenceTargetKind } from './kinds/reference-target-kind.js';
import { stdioTargetKind } from './kinds/stdio-target-kind.js';
import { webSocketTargetKind } from './kinds/websocket-target-kind.js';
import type { TargetKind } from './target-kind.js';

/**
 * Every --target syntax, tried in order; the first kind that matches a spec resolves it. To add
 * a kind (docker:IMAGE, adapter:<name>), write it in its own file under kinds/ and add it here.
 */
export const targetKinds: readonly TargetKind[] = [
  referenceTargetKind,
  stdioTargetKind,
  webSocketTargetKind,
  adapterTargetKind,
  dockerTargetKind,
];
