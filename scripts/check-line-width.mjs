#!/usr/bin/env node
// Prettier wraps code at 120 columns but leaves long strings, template literals and comments
// alone; this check holds those to the same width so no source line exceeds it. It reads the
// files git tracks (plus new ones not yet added), skipping generated contracts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const WIDTH = 120;
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const SKIPPED = /(^|\/)(generated|node_modules|dist|fixtures\/vm2-[^/]+)\//;

const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' });
const files = listed.split('\n').filter((file) => SOURCE.test(file) && !SKIPPED.test(file));
const offences = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed by git but deleted in the work tree
  }
  text.split('\n').forEach((line, index) => {
    if (line.length > WIDTH) offences.push(`${file}:${index + 1}: ${line.length} characters (at most ${WIDTH})`);
  });
}
if (offences.length > 0) {
  process.stderr.write(`${offences.join('\n')}\n${offences.length} line(s) wider than ${WIDTH} characters.\n`);
  process.exit(1);
}
process.stdout.write(`${files.length} source files, no line wider than ${WIDTH} characters.\n`);
