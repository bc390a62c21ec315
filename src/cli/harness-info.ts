import { arch, platform, release } from 'node:os';
import { packageInfo } from '../config/package-root.js';
import { PROTOCOL_VERSION } from '../protocol/version.js';
import type { Report } from '../report/generated/types.js';

/**
 * What report.json records of the harness itself: its package and version, the protocol it
 * speaks, and the Node.js and operating system it ran on, so an audit can be reproduced exactly.
 */
export function harnessInfo(): Report['harness'] {
  const pkg = packageInfo();
  return {
    name: pkg.name,
    version: pkg.version,
    protocolVersion: PROTOCOL_VERSION,
    node: process.version,
    os: { platform: platform(), release: release(), arch: arch() },
  };
}
