import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { LintIssue } from './lint-issue.js';
import type { LoadedScenario } from './loaded-scenario.js';
import { scenarioValidator } from './scenario-validator.js';
import { explainTagIssue } from './tag-values.js';
import { YamlValueCache } from './yaml-value-cache.js';

/** Scenario files larger than this are refused unread: the corpus is data, not a dump. */
const MAX_FILE_BYTES = 1024 * 1024;

/** What loading a corpus gives: the valid scenarios, the issues of the others, and a digest of all. */
export interface LoadedCorpus {
  root: string;
  scenarios: LoadedScenario[];
  issues: LintIssue[];
  /** SHA-256 over the sorted relative paths and contents of every scenario file. */
  digest: string;
  fileCount: number;
}

/**
 * Loads every `.yaml`/`.yml` file under `root`, in sorted order. A file that does not parse or
 * does not match the schema becomes issues (with file, JSON pointer and line) and is left out;
 * the others load. Values parsed by an earlier process come from `cache` (validated again). Throws
 * only when the root itself cannot be read.
 */
export function loadScenarios(root: string, cache: YamlValueCache = YamlValueCache.default()): LoadedCorpus {
  const files = listScenarioFiles(root);
  const digest = createHash('sha256');
  const scenarios: LoadedScenario[] = [];
  const issues: LintIssue[] = [];
  for (const absolutePath of files) {
    const file = relative(root, absolutePath).split(sep).join('/');
    const loaded = loadOne(file, absolutePath, digest, cache);
    if ('issues' in loaded) issues.push(...loaded.issues);
    else scenarios.push(loaded);
  }
  return { root, scenarios, issues, digest: digest.digest('hex'), fileCount: files.length };
}

function loadOne(
  file: string,
  absolutePath: string,
  digest: ReturnType<typeof createHash>,
  cache: YamlValueCache,
): LoadedScenario | { issues: LintIssue[] } {
  // 1. Read, bounded.
  const size = statSync(absolutePath).size;
  if (size > MAX_FILE_BYTES)
    return {
      issues: [
        { file, pointer: '', rule: 'yaml', message: `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit` },
      ],
    };
  const text = readFileSync(absolutePath, 'utf8');
  const textHash = createHash('sha256').update(text).digest('hex');
  digest.update(`${file}\u0000${textHash}\n`);
  // 2. A file parsed before: its value, validated again; lines only if a lint rule asks for one.
  const cached = cache.read(textHash);
  if (cached !== undefined) {
    const check = scenarioValidator().validate('Scenario', cached);
    if (check.ok) {
      let parsed: ((pointer: string) => number | undefined) | undefined;
      const lineOf = (pointer: string) => (parsed ??= linesOf(text))(pointer);
      return { file, absolutePath, scenario: check.value, lineOf };
    }
  }
  // 3. Parse YAML, keeping positions so issues can name lines.
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      issues: document.errors.map((error) => ({
        file,
        pointer: '',
        line: error.linePos?.[0].line,
        rule: 'yaml',
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (pointer: string) => lineOfPointer(document, lineCounter, pointer);
  // 4. Validate against the scenario schema.
  // An alias bomb (anchors referencing anchors, billions of nodes from a few lines) is refused
  // by the YAML library past 100 alias expansions: an issue of this file, not a crash of the run.
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      issues: [
        { file, pointer: '', rule: 'yaml', message: `not usable YAML: ${(error as Error).message.split('\n')[0]}` },
      ],
    };
  }
  const check = scenarioValidator().validate('Scenario', value);
  if (!check.ok) {
    const at = (pointer: string) => (member: string) =>
      document.getIn([
        ...pointer
          .split('/')
          .slice(1)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        member,
      ]);
    return {
      issues: check.issues.map((issue) => ({
        file,
        pointer: issue.pointer,
        line: lineOf(issue.pointer),
        rule: 'schema',
        message: explainTagIssue(issue.message, at(issue.pointer)),
      })),
    };
  }
  // 5. Keep the value for the next process, when JSON carries it unchanged (YAML can say .inf).
  if (isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) cache.write(textHash, value);
  return { file, absolutePath, scenario: check.value, lineOf };
}

/** Line lookup for a file whose value came from the cache: parsed on the first question. */
function linesOf(text: string): (pointer: string) => number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return (pointer) => lineOfPointer(document, lineCounter, pointer);
}

function listScenarioFiles(root: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    throw new HarnessError(
      HarnessErrorCode.ScenarioInvalid,
      `cannot read the scenario folder: ${(error as Error).message}`,
      root,
      { cause: error },
    );
  }
  return entries
    .filter((entry) => /\.ya?ml$/.test(entry))
    .map((entry) => join(root, entry))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function lineOfPointer(document: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  const path = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  // The deepest node that exists: a missing member is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(
      path.slice(0, depth).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      true,
    ) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
