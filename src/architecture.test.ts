import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import graph, checked from the sources: eslint's layer rule sees one import at a time, so
 * this test holds the parts it cannot see, the folders it does not list and cycles between files.
 */
const repository = dirname(dirname(fileURLToPath(import.meta.url)));
const SKIP = new Set(['node_modules', 'dist', 'generated']);
/** The layer order that eslint.config.js enforces (a plain JS module, so loaded by path). */
const { layers } = (await import(pathToFileURL(join(repository, 'eslint.config.js')).href)) as { layers: string[] };

function sources(folder: string): string[] {
  return readdirSync(join(repository, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** File -> the files it imports (relative imports of code, type-only ones included). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const text = readFileSync(join(repository, file), 'utf8');
      const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)\.js'/g)]
        .map((match) => relative(repository, resolve(repository, dirname(file), `${match[1]}.ts`)))
        .filter((target) => known.has(target));
      return [file, targets];
    }),
  );
}

/** The strongly connected components with more than one file (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/**
 * The folders under `parent` that no layer holds. A folder that only groups layers (src/lanes,
 * whose subfolders are layers) is placed when each of its subfolders is and it has no code of its own.
 */
function unplaced(parent: string): string[] {
  return readdirSync(join(repository, parent), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !SKIP.has(e.name))
    .map((e) => `${parent}/${e.name}`)
    .flatMap((folder) => {
      if (layers.includes(folder)) return [];
      if (!layers.some((layer) => layer.startsWith(`${folder}/`))) return [folder];
      const loose = readdirSync(join(repository, folder), { withFileTypes: true }).filter(
        (e) => e.isFile() && e.name.endsWith('.ts'),
      );
      return [...loose.map((e) => `${folder}/${e.name}`), ...unplaced(folder)];
    });
}

describe('architecture', () => {
  it('every folder under src/ has its place in the layer order', () => {
    expect(unplaced('src')).toEqual([]);
  });

  it('no import cycle between files of the harness, the reference executor or the adapters', () => {
    const graph = importGraph([...sources('src'), ...sources('reference-impl/src'), ...sources('adapters')]);
    expect(graph.size).toBeGreaterThan(300);
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
