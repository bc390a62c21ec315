import fc from 'fast-check';
import { encodeToken, type TokenEncoding } from '../../../canaries/token-encodings.js';
import { excerptAround } from '../../../oracles/find-leaks.js';
import type { Capabilities, Language } from '../../../protocol/generated/types.js';
import { proofShown, type Proof } from '../../../scenarios/proof-of-execution.js';
import { describeAnswer } from '../ask-executor.js';
import { secretArbitrary, type GeneratedSecret } from '../arbitraries/credential-secret.js';
import { embedInJson } from '../arbitraries/embed-in-json.js';
import type { FuzzEnvironment } from '../fuzz-context.js';
import { observeExecution, type ObservedExecution } from '../fuzz-execution.js';
import { fuzzProof, withHiddenProofs } from '../fuzz-proof.js';
import { defineProperty } from '../fuzz-property.js';
import { broken, held, inconclusive, type FuzzVerdict } from '../fuzz-verdict.js';
import { hexLiteral, pythonHexLiteral } from './hex-literal.js';
import { dialectOf, payloadLanguage, PAYLOAD_LANGUAGES } from '../payloads/payload-language.js';

/** How the code emits the text that carries the secret. */
const CHANNELS = ['stdout', 'stderr', 'split-write', 'return', 'throw', 'tool-arguments', 'tool-result'] as const;
type EmitChannel = (typeof CHANNELS)[number];
type SecretEncoding = 'plain' | 'base64' | 'base64url' | 'hex' | 'url';

export interface RedactionInput {
  secret: GeneratedSecret;
  encoding: SecretEncoding;
  /** Bytes before the secret inside a base64 encoding: each alignment encodes it differently. */
  align: number;
  container: { kind: 'json'; value: fc.JsonValue; pick: number } | { kind: 'log'; before: string; after: string };
  channel: EmitChannel;
  /** Where a split write cuts the encoded secret, as a fraction of its length. */
  split: number;
}
const SECRET_NAME = 'FZ_SECRET';
const LEFT = [' ', '\n', '"', ':', '=', '(', ','];
const RIGHT = [' ', '\n', '"', ',', ')', ';'];

/** The encodings the executor declares it redacts, in the harness's terms. */
function declaredEncodings(declared: Capabilities['redaction']['encodings']): SecretEncoding[] {
  return declared.flatMap((e): SecretEncoding[] =>
    e === 'base64' ? ['base64', 'base64url'] : e === 'hex' ? ['hex'] : e === 'url' ? ['url'] : [],
  );
}

/** The secret as the code emits it. */
export function encodeSecret(value: string, encoding: SecretEncoding, align: number): string {
  const bytes = Buffer.concat([Buffer.from('x'.repeat(align)), Buffer.from(value, 'utf8')]);
  switch (encoding) {
    case 'plain':
      return value;
    case 'base64':
      return bytes.toString('base64');
    case 'base64url':
      return bytes.toString('base64url');
    case 'hex':
      return Buffer.from(value, 'utf8').toString('hex');
    case 'url':
      return encodeURIComponent(value);
  }
}

/** The text the code emits, and where the encoded secret sits in it. */
function payloadOf(input: RedactionInput): { text: string; start: number; length: number } {
  const secret = encodeSecret(
    input.secret.value,
    input.secret.kind === 'declared' ? input.encoding : 'plain',
    input.align,
  );
  if (input.container.kind === 'log') {
    const text = `${input.container.before}${secret}${input.container.after}`;
    return { text, start: input.container.before.length, length: secret.length };
  }
  const text = JSON.stringify(embedInJson(input.container.value, secret, input.container.pick));
  return { text, start: text.indexOf(secret), length: secret.length };
}

/** Where a split write cuts the payload text (in UTF-16 units): inside the encoded secret. */
function cutOf(input: RedactionInput): number {
  const payload = payloadOf(input);
  return payload.start + Math.max(1, Math.min(payload.length - 1, Math.floor(input.split * payload.length)));
}

/**
 * The code that emits the payload on the input's channel, after printing its proof of execution (the positive control).
 */
function jsCode(input: RedactionInput, proof: Proof): string {
  const payload = payloadOf(input);
  const decode =
    `const payload = new TextDecoder().decode(${hexLiteral(payload.text)});\n` + `console.log(${proof.expression});\n`;
  switch (input.channel) {
    case 'stdout':
      return `${decode}console.log(payload);`;
    case 'stderr':
      return `${decode}console.error(payload);`;
    case 'split-write': {
      const cut = cutOf(input);
      return (
        `${decode}const enc = new TextEncoder();\n` +
        `await Deno.stdout.write(enc.encode(payload.slice(0, ${cut})));\n` +
        `await Deno.stdout.write(enc.encode(payload.slice(${cut}) + "\\n"));`
      );
    }
    case 'return':
      return `${decode}return ${input.container.kind === 'json' ? 'JSON.parse(payload)' : 'payload'};`;
    case 'throw':
      return `${decode}throw new Error(payload);`;
    case 'tool-arguments':
      return `${decode}await tools.fz_sink({ data: payload });`;
    case 'tool-result':
      return `console.log(${proof.expression});\nconst answer = await tools.fz_source({});\nconsole.log(answer.data);`;
  }
}

/** The same in Python: str slices count code points, so the split write's cut is converted. */
function pythonCode(input: RedactionInput, proof: Proof): string {
  const payload = payloadOf(input);
  const decode =
    `import json, sys\npayload = ${pythonHexLiteral(payload.text)}\n` + `print(${proof.expression}, flush=True)\n`;
  switch (input.channel) {
    case 'stdout':
      return `${decode}print(payload)`;
    case 'stderr':
      return `${decode}print(payload, file=sys.stderr)`;
    case 'split-write': {
      const cut = [...payload.text.slice(0, cutOf(input))].length;
      return (
        `${decode}sys.stdout.write(payload[:${cut}])\nsys.stdout.flush()\n` +
        `sys.stdout.write(payload[${cut}:] + "\\n")\nsys.stdout.flush()`
      );
    }
    case 'return':
      return `${decode}${input.container.kind === 'json' ? 'json.loads(payload)' : 'payload'}`;
    case 'throw':
      return `${decode}raise Exception(payload)`;
    case 'tool-arguments':
      return `${decode}await tools.fz_sink(data=payload)`;
    case 'tool-result':
      return `print(${proof.expression}, flush=True)\nanswer = await tools.fz_source()\nprint(answer["data"])`;
  }
}

/** The payload code of one input in the case's language. */
export function redactionCode(input: RedactionInput, proof: Proof, language: Language): string {
  return dialectOf(language) === 'python' ? pythonCode(input, proof) : jsCode(input, proof);
}

/** Every text that betrays the secret: its plain form and each encoding the executor claims to redact. */
function needlesOf(
  secret: GeneratedSecret,
  encodings: readonly SecretEncoding[],
): Array<{ needle: string; encoding: string }> {
  if (secret.kind === 'shape') return secret.needles.map((needle) => ({ needle, encoding: `plain ${secret.shape}` }));
  const tokenEncodings: TokenEncoding[] = ['plain', ...encodings.filter((e) => e !== 'plain')];
  const needles = encodeToken(secret.value, tokenEncodings).map(({ needle, encoding }) => ({ needle, encoding }));
  if (encodings.includes('url')) needles.push({ needle: encodeURIComponent(secret.value), encoding: 'url' });
  return needles.filter((n) => n.needle.length > 0);
}

/** The channels the harness received, as text. */
function channelsOf(observed: ObservedExecution): Array<{ channel: string; text: string }> {
  const { answer } = observed;
  const channels = [
    { channel: 'executor-log', text: observed.log },
    { channel: 'tool-call-arguments', text: observed.toolCalls.map((c) => JSON.stringify(c.arguments)).join('\n') },
    { channel: 'audit', text: observed.audit.map((e) => JSON.stringify(e)).join('\n') },
  ];
  if (answer.kind === 'rpc-error')
    channels.push({ channel: 'rpc-error', text: `${answer.message}\n${JSON.stringify(answer.data ?? null)}` });
  if (answer.kind === 'result') {
    const r = answer.result;
    channels.push({ channel: 'stdout', text: r.stdout.text }, { channel: 'stderr', text: r.stderr.text });
    if (r.status === 'ok') channels.push({ channel: 'result', text: JSON.stringify(r.result ?? null) });
    else
      channels.push({
        channel: 'error',
        text: [r.error.name, r.error.message, r.error.stack, r.error.resource].filter(Boolean).join('\n'),
      });
  }
  return channels;
}

function judge(
  input: RedactionInput,
  observed: ObservedExecution,
  encodings: readonly SecretEncoding[],
  proof: Proof,
): FuzzVerdict {
  // 1. Any needle anywhere is a leak, whatever else happened.
  for (const { channel, text } of channelsOf(observed)) {
    for (const { needle, encoding } of needlesOf(input.secret, encodings)) {
      const index = text.indexOf(needle);
      if (index >= 0) {
        const what = input.secret.kind === 'shape' ? `an undeclared ${input.secret.shape}` : 'a declared secret';
        return broken(`${what} came back unredacted on ${channel} (${encoding}), emitted via ${input.channel}`, {
          expected: `no ${encoding} form of the secret on any channel`,
          observed: `found on ${channel}`,
          excerpt: excerptAround(text, index, needle.length),
        });
      }
    }
  }
  // 2. Nothing leaked: that only counts if the payload ran (positive control).
  const { answer } = observed;
  if (answer.kind !== 'result') return inconclusive(`the execution gave no result: ${describeAnswer(answer)}`);
  if (!proofShown(proof, answer.result.stdout.text))
    return inconclusive(`the payload never printed its proof of execution (${proof.value}): ${describeAnswer(answer)}`);
  const expectError = input.channel === 'throw';
  if ((answer.result.status === 'error') !== expectError)
    return inconclusive(`the payload did not end as written: ${describeAnswer(answer)}`);
  return held;
}

/**
 * Redaction: credential-shaped and declared secrets, embedded in JSON or log text, printed,
 * written in two halves, returned, thrown, passed to a tool or received from one, plain or in
 * an encoding the executor declares; the harness must never see one unredacted, on any channel.
 */
export const redaction = defineProperty<RedactionInput>({
  name: 'redaction',
  title: 'secrets never reach the harness unredacted, whatever the code does with them',
  stride: 'information-disclosure',
  severity: 'high',
  tags: ['fuzz', 'redaction'],
  remediation:
    'Redact every output channel (streams, result, errors, tool arguments, audit, log) for declared ' +
    'secrets in every declared encoding and for credential shapes, across split writes.',
  runs: 40,
  languages: PAYLOAD_LANGUAGES,
  unsupportedReason: ({ initialize }) => {
    return initialize.capabilities.redaction.supported ? undefined : 'the executor does not declare redaction';
  },
  appliesTo(input, environment) {
    const { redaction: declared, tools } = environment.initialize.capabilities;
    const language = payloadLanguage(environment);
    if (input.secret.kind === 'shape' && !declared.credentialShapes.includes(input.secret.shape))
      return (
        `the executor does not declare the credential shape ${input.secret.shape} (§9.1: only ` +
        `declared shapes are redacted unasked)`
      );
    if (input.secret.kind === 'declared' && input.secret.value.length < declared.minSecretLength)
      return `the secret is shorter than the executor's minSecretLength ${declared.minSecretLength}`;
    if (input.encoding !== 'plain' && !declaredEncodings(declared.encodings).includes(input.encoding))
      return `the executor does not declare the ${input.encoding} encoding`;
    if (input.channel.startsWith('tool') && !(tools.supported && tools.languages.includes(language)))
      return `the executor does not declare tools for ${language}`;
    return undefined;
  },
  arbitrary(environment: FuzzEnvironment) {
    const { initialize } = environment;
    const { redaction: declared } = initialize.capabilities;
    const encodings = declaredEncodings(declared.encodings);
    const { tools } = initialize.capabilities;
    const hasTools = tools.supported && tools.languages.includes(payloadLanguage(environment));
    const channels = CHANNELS.filter((c) => hasTools || !c.startsWith('tool'));
    const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r]/g, ''));
    return fc.record({
      secret: secretArbitrary(declared.credentialShapes, declared.minSecretLength),
      encoding: fc.constantFrom<SecretEncoding>('plain', ...encodings),
      align: fc.integer({ min: 0, max: 2 }),
      container: fc.oneof(
        fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }), pick: fc.nat(50) }),
        fc.record({
          kind: fc.constant('log' as const),
          before: fc.tuple(filler, fc.constantFrom(...LEFT)).map(([a, b]) => a + b),
          after: fc.tuple(fc.constantFrom(...RIGHT), filler).map(([a, b]) => a + b),
        }),
      ),
      channel: fc.constantFrom(...channels),
      split: fc.double({ min: 0, max: 1, noNaN: true }),
    });
  },
  async check(input, context) {
    const payload = payloadOf(input).text;
    const needsTool = input.channel === 'tool-arguments' || input.channel === 'tool-result';
    const base = context.basePolicy;
    const language = payloadLanguage(context);
    const proof = fuzzProof(context, input, 'control', language);
    const observed = await observeExecution(context, {
      principal: context.tenants.attacker,
      language,
      code: withHiddenProofs(redactionCode(input, proof, language), proof),
      policy: {
        ...base,
        secrets: [
          ...(base.secrets ?? []),
          ...(input.secret.kind === 'declared' ? [{ name: SECRET_NAME, value: input.secret.value }] : []),
        ],
        ...(needsTool
          ? {
              tools: [
                { name: input.channel === 'tool-arguments' ? 'fz_sink' : 'fz_source', inputSchema: { type: 'object' } },
              ],
            }
          : {}),
      },
      tools: (call) => (call.name === 'fz_source' ? { value: { data: payload } } : { value: 'ok' }),
      withAudit: context.initialize.capabilities.audit.supported,
    });
    return judge(input, observed, declaredEncodings(context.initialize.capabilities.redaction.encodings), proof);
  },
});
