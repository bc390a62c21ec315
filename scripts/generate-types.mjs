#!/usr/bin/env node
// Generates TypeScript from the JSON Schemas in schemas/. The schemas are the only hand-edited
// source of every wire and data shape; what this script writes is committed and must not drift.
//
//   node scripts/generate-types.mjs          write the generated files
//   node scripts/generate-types.mjs --check  exit 1 if any generated file differs from what it would write
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

/** Each bundle merges its schema files into one set of $defs and emits one folder. */
const bundles = [
  {
    name: 'protocol',
    files: listSchemas('schemas/protocol'),
    out: 'src/protocol/generated',
    methods: 'schemas/protocol/methods.json',
    errorCodes: 'ErrorCode',
  },
  ...optionalBundle('scenario', 'schemas/scenario.schema.json', 'src/scenarios/generated'),
  ...optionalBundle('config', 'schemas/config.schema.json', 'src/config/generated'),
  ...optionalBundle('report', 'schemas/report.schema.json', 'src/report/generated'),
  ...optionalBundle('gate', 'schemas/gate.schema.json', 'src/gate/generated'),
  ...optionalBundle('regression', 'schemas/regression.schema.json', 'src/lanes/fuzz/generated'),
  ...optionalBundle('profile', 'schemas/profile.schema.json', 'src/profiles/generated'),
];

function listSchemas(dir) {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

function optionalBundle(name, file, out) {
  return existsSync(join(root, file)) ? [{ name, files: [file], out }] : [];
}

function pascal(name) {
  return name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
}

function header(sources) {
  return [
    '/* eslint-disable */',
    '// GENERATED FILE: do not edit. Source: ' + sources.join(', '),
    '// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.',
    '',
  ].join('\n');
}

/** The $id of every schema file, with the bundle it belongs to, so refs across bundles can be resolved. */
const owners = new Map(
  bundles.flatMap((bundle) =>
    bundle.files.map((file) => [JSON.parse(readFileSync(join(root, file), 'utf8')).$id, bundle]),
  ),
);

/**
 * Turns a $ref into another bundle's schema into a `tsType` naming the type that bundle generates
 * (`Policy`, or `Policy['env']` for a property), so that no shape is typed twice. Validation still
 * follows the $ref, because validators load the schemas of both bundles.
 */
function externalType(ref, baseId, bundle, imports) {
  const url = new URL(ref, baseId);
  const owner = owners.get(`${url.origin}${url.pathname}`);
  if (!owner || owner === bundle) return undefined;
  const match = /^#\/\$defs\/(\w+)(?:\/properties\/(\w+))?$/.exec(decodeURIComponent(url.hash));
  if (!match) throw new Error(`${ref}: only refs to #/$defs/Name or #/$defs/Name/properties/member can cross bundles`);
  imports.add(`${owner.out}\u0000${match[1]}`);
  return match[2] ? `${match[1]}['${match[2]}']` : match[1];
}

/** Keywords that constrain nothing. Codegen hints are added here, never written in the normative schemas. */
const annotations = new Set(['description', 'title', '$comment', 'examples', 'default', 'deprecated']);

/** Loads the bundle's files and merges their $defs, turning cross-file refs into local ones. */
function mergeDefs(bundle) {
  const defs = {};
  const schemas = [];
  const imports = new Set();
  for (const file of bundle.files) {
    const schema = JSON.parse(readFileSync(join(root, file), 'utf8'));
    schemas.push(schema);
    const localise = (node) => {
      if (Array.isArray(node)) return node.map(localise);
      if (node === null || typeof node !== 'object') return node;
      // A schema that only annotates accepts any JSON value; json-schema-to-typescript would read it as an object.
      if (
        Object.keys(node).length > 0 &&
        Object.entries(node).every(([key, value]) => annotations.has(key) && typeof value !== 'object')
      )
        return { ...node, tsType: 'unknown' };
      const copy = {};
      for (const [key, value] of Object.entries(node)) {
        if (key !== '$ref' || typeof value !== 'string') copy[key] = localise(value);
        else {
          const external = externalType(value, schema.$id, bundle, imports);
          if (external) copy.tsType = external;
          else copy[key] = value.replace(/^[^#]*#/, '#');
        }
      }
      return copy;
    };
    for (const [name, def] of Object.entries(schema.$defs ?? {})) {
      if (defs[name]) throw new Error(`${file}: $defs/${name} is already defined by another schema file`);
      defs[name] = localise(def);
    }
  }
  return { defs, schemas, imports };
}

/** `import type` lines for the types a bundle borrows from other bundles. */
function importLines(bundle, imports) {
  const byFolder = new Map();
  for (const entry of [...imports].sort()) {
    const [out, name] = entry.split('\u0000');
    byFolder.set(out, [...(byFolder.get(out) ?? []), name]);
  }
  return (
    [...byFolder]
      .map(
        ([out, names]) =>
          `import type { ${names.join(', ')} } from ` +
          `'${relative(join(root, bundle.out), join(root, out)).split('\\').join('/')}/types.js';\n`,
      )
      .join('') + (byFolder.size ? '\n' : '')
  );
}

async function typesFor(bundle) {
  const { defs, schemas, imports } = mergeDefs(bundle);
  // A root that references every definition, so that json-schema-to-typescript emits each of them once.
  const rootSchema = {
    $defs: defs,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.keys(defs).map((n) => [n, { $ref: `#/$defs/${n}` }])),
  };
  let ts = await compile(rootSchema, `${bundle.name}-root`, {
    bannerComment: '',
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  // Drop the synthetic root interface; keep every definition.
  ts = ts
    .replace(/export interface \w+Root \{[\s\S]*?\n\}\n/, '')
    .replace(/\n \*\n \* This interface was referenced by `\w+`'s JSON-Schema\n \* via the `definition` "\w+"\./g, '')
    .replace(
      /\/\*\*\n \* This interface was referenced by `\w+`'s JSON-Schema\n \* via the `definition` "\w+"\.\n \*\/\n/g,
      '',
    );
  // A ref that only constrains (propertyNames) leaves no trace in the types: import what is used.
  for (const entry of [...imports])
    if (!new RegExp(`\\b${entry.split('\u0000')[1]}\\b`).test(ts)) imports.delete(entry);
  const defMap = [
    '',
    `/** Every definition of the ${bundle.name} schemas by name, for typed validation. */`,
    `export interface ${pascal(bundle.name)}Defs {`,
    ...Object.keys(defs)
      .sort()
      .map((n) => `  ${n}: ${n};`),
    '}',
    '',
  ];
  return { ts: header(bundle.files) + importLines(bundle, imports) + ts + defMap.join('\n'), schemas };
}

function schemasModule(bundle, schemas) {
  const body = schemas.map((s) => JSON.stringify(s, null, 2)).join(',\n');
  return `${header(bundle.files)}
/** The ${bundle.name} JSON Schemas, embedded so that validators need no file access at run time. */
export const ${bundle.name}Schemas: readonly object[] = [
${body}
];
`;
}

function methodsModule(bundle) {
  const manifest = JSON.parse(readFileSync(join(root, bundle.methods), 'utf8'));
  const requests = Object.entries(manifest.requests);
  const notes = Object.entries(manifest.notifications);
  const names = new Set([...requests, ...notes].flatMap(([, m]) => [m.params, m.result].filter(Boolean)));
  const imports = [...names].sort().join(', ');
  const lines = [header([bundle.methods]), `import type { ${imports} } from './types.js';`, ''];
  lines.push('/** Who may send a message: the harness, the executor, or either. */');
  lines.push("export type MessageSender = 'harness' | 'executor' | 'either';", '');
  lines.push('/** Params and result type of every request method. */');
  lines.push('export interface RequestMap {');
  for (const [method, m] of requests) lines.push(`  '${method}': { params: ${m.params}; result: ${m.result} };`);
  lines.push('}', '');
  lines.push('/** Params type of every notification method. */');
  lines.push('export interface NotificationMap {');
  for (const [method, m] of notes) lines.push(`  '${method}': ${m.params};`);
  lines.push('}', '');
  lines.push('export type RequestMethod = keyof RequestMap;');
  lines.push('export type NotificationMethod = keyof NotificationMap;', '');
  lines.push('/** Sender and schema definition names of every request method. */');
  lines.push('export const requestMethods = {');
  for (const [method, m] of requests)
    lines.push(`  '${method}': { from: '${m.from}', params: '${m.params}', result: '${m.result}' },`);
  lines.push(
    '} as const satisfies Record<RequestMethod, { from: MessageSender; params: string; result: string }>;',
    '',
  );
  lines.push('/** Sender and schema definition name of every notification method. */');
  lines.push('export const notificationMethods = {');
  for (const [method, m] of notes) lines.push(`  '${method}': { from: '${m.from}', params: '${m.params}' },`);
  lines.push('} as const satisfies Record<NotificationMethod, { from: MessageSender; params: string }>;', '');
  return lines.join('\n');
}

function errorCodesModule(bundle, schemas) {
  const def = schemas.flatMap((s) => Object.entries(s.$defs ?? {})).find(([n]) => n === bundle.errorCodes)?.[1];
  if (!def) throw new Error(`no $defs/${bundle.errorCodes} in the ${bundle.name} schemas`);
  const lines = [
    header(bundle.files.filter((f) => f.includes('error-codes'))),
    '/** JSON-RPC error codes of the protocol, by name. */',
    'export const ErrorCodes = {',
  ];
  for (const entry of def.oneOf) lines.push(`  /** ${entry.description} */`, `  ${entry.title}: ${entry.const},`);
  lines.push('} as const;', '');
  return lines.join('\n');
}

async function main() {
  const outputs = new Map();
  for (const bundle of bundles) {
    const { ts, schemas } = await typesFor(bundle);
    outputs.set(`${bundle.out}/types.ts`, ts);
    outputs.set(`${bundle.out}/schemas.ts`, schemasModule(bundle, schemas));
    if (bundle.methods) outputs.set(`${bundle.out}/methods.ts`, methodsModule(bundle));
    if (bundle.errorCodes) outputs.set(`${bundle.out}/error-codes.ts`, errorCodesModule(bundle, schemas));
  }
  const drift = [];
  for (const [file, content] of outputs) {
    const path = join(root, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    if (check) drift.push(file);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      console.log(`wrote ${relative(root, path)}`);
    }
  }
  if (drift.length > 0) {
    console.error(
      `Generated files are out of date with schemas/:\n  ${drift.join('\n  ')}\nRun \`npm run ` +
        `generate\` and commit the result.`,
    );
    process.exit(1);
  }
  if (check) console.log(`generated files match schemas/ (${outputs.size} files)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
