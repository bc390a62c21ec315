import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { adapterCatalogue, adapterNames } from '../../../adapters/adapter-catalogue.js';
import { HarnessError, HarnessErrorCode } from '../../errors/harness-error.js';

/** An `adapter:` target spec taken apart: the adapter's name and its checked options. */
export interface AdapterSpec {
  name: string;
  /** Option values by key; path options made absolute against `cwd`, flags given as `'true'`. */
  options: Record<string, string>;
}

/**
 * Parses `adapter:<name>[:<key>=<value>|<flag>,...]`. Every key must be one the catalogue entry
 * declares, each once; a path option must name something that exists, so a typo in a fixture
 * path is a configuration error rather than a run against the wrong library, and a flag takes no
 * value.
 */
export function parseAdapterSpec(spec: string, cwd: string): AdapterSpec {
  const rest = spec.slice('adapter:'.length);
  const colon = rest.indexOf(':');
  const name = colon < 0 ? rest : rest.slice(0, colon);
  const entry = adapterCatalogue[name];
  if (!entry) {
    const known = adapterNames.map((n) => `adapter:${n}`).join(', ');
    throw new HarnessError(
      HarnessErrorCode.ConfigInvalid,
      `unknown adapter "${name}": use one of ${known}`,
      '--target',
    );
  }
  const options: Record<string, string> = {};
  for (const option of colon < 0 ? [] : rest.slice(colon + 1).split(',')) {
    const equals = option.indexOf('=');
    const key = equals < 0 ? option : option.slice(0, equals);
    const value = equals < 0 ? '' : option.slice(equals + 1);
    const kind = entry.options?.[key];
    const malformed = kind === 'flag' ? equals >= 0 : value === '';
    if (!kind || malformed || key in options) {
      const accepted =
        Object.keys(entry.options ?? {})
          .map((k) => (entry.options?.[k] === 'flag' ? k : `${k}=<${entry.options?.[k]}>`))
          .join(', ') || 'none';
      const problem = `"${option}" is not an option of adapter:${name}, or is given twice (options: ${accepted})`;
      throw new HarnessError(HarnessErrorCode.ConfigInvalid, problem, '--target');
    }
    if (kind === 'flag') {
      options[key] = 'true';
      continue;
    }
    const absolute = resolve(cwd, value);
    if (!existsSync(absolute)) {
      throw new HarnessError(HarnessErrorCode.ConfigInvalid, `adapter:${name} option ${key}: no such path`, absolute);
    }
    options[key] = absolute;
  }
  return { name, options };
}
