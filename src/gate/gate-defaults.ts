import type { GateConfig } from './generated/types.js';

/**
 * The gate when nothing is configured: every severity (and unrated fuzz properties) must pass
 * 100%, at least one case must be judged and no case may error. Configured values replace
 * these key by key; a severity the config does not name keeps 100%.
 */
export const defaultGateConfig = {
  minPassRate: {
    bySeverity: { critical: 100, high: 100, medium: 100, low: 100, info: 100 },
    unrated: 100,
  },
  minExecuted: 1,
  maxErrored: 0,
  failOnFlaky: false,
} as const satisfies GateConfig;

/** The configured gate laid over the defaults (flags over config over defaults, by the caller). */
export function withGateDefaults(...layers: ReadonlyArray<GateConfig | undefined>): GateConfig {
  let merged: GateConfig = structuredClone(defaultGateConfig) as GateConfig;
  for (const layer of layers) {
    if (!layer) continue;
    const { minPassRate, ...rest } = layer;
    merged = {
      ...merged,
      ...rest,
      minPassRate: {
        ...merged.minPassRate,
        ...minPassRate,
        bySeverity: { ...merged.minPassRate?.bySeverity, ...minPassRate?.bySeverity },
        byStride: { ...merged.minPassRate?.byStride, ...minPassRate?.byStride },
      },
    };
  }
  return merged;
}
