import { randomBytes } from 'node:crypto';
import type { Language, ToolCallParams } from '../../../../src/protocol/generated/types.js';
import { alice } from '../executor-under-test.js';
import { fail, inconclusive, pass, show, type SecurityCheck } from './security-check.js';

const py = (lines: string[]) => lines.join('\n');
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const alnum = (length: number) =>
  randomBytes(length * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, length)
    .padEnd(length, 'Q');

/** Credentials in their providers' shapes, random each time, never declared as secrets. */
function credentials(): Record<string, string> {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const claims = Buffer.from(`{"sub":"${hex(6)}"}`).toString('base64url');
  const pemBody = randomBytes(96)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return {
    aws: `AKIA${alnum(16)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, 'X')}`,
    github: `ghp_${alnum(36)}`,
    stripe: `sk_live_${alnum(24)}`,
    jwt: `${header}.${claims}.${randomBytes(32).toString('base64url')}`,
    pem: `-----BEGIN PRIVATE KEY-----\n${pemBody}\n-----END PRIVATE KEY-----`,
  };
}

/** The forms of the secret the payload prints, computed on the harness's side. */
function secretForms(secret: string): Record<string, string> {
  const bytes = Buffer.from(secret);
  return {
    plain: secret,
    base64: bytes.toString('base64'),
    'base64 (shifted 1)': Buffer.concat([Buffer.from('x'), bytes]).toString('base64'),
    'base64 (shifted 2)': Buffer.concat([Buffer.from('xy'), bytes]).toString('base64'),
    hex: bytes.toString('hex'),
    url: encodeURIComponent(secret),
  };
}

function payload(language: Language, fails: boolean): string {
  if (language === 'python') {
    return py([
      'import os, base64, json, sys, urllib.parse',
      's = os.environ["API_KEY"]',
      'b = s.encode()',
      'print("PAYLOAD-RAN", sum(b), flush=True)',
      'print("plain", s)',
      'print("b64", base64.b64encode(b).decode(), base64.b64encode(b"x" + b).decode(), base64.b64encode(b"xy" + b).decode())',
      'print("hex", b.hex(), file=sys.stderr)',
      'for k, v in json.loads(os.environ["CREDS"]).items():',
      '    print(k, v)',
      'await tools.echo(value=s, hex=b.hex())',
      ...(fails ? ['raise RuntimeError("failed with " + s + " " + urllib.parse.quote(s, safe=""))'] : []),
      '{"url": urllib.parse.quote(s, safe=""), "plain": s, "b64": base64.b64encode(b).decode()}',
    ]);
  }
  return `const s = Deno.env.get('API_KEY'); const b = new TextEncoder().encode(s);
    const b64 = (t) => btoa(String.fromCharCode(...new TextEncoder().encode(t)));
    const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    console.log('PAYLOAD-RAN', b.reduce((a, x) => a + x, 0));
    console.log('plain', s);
    console.log('b64', b64(s), b64('x' + s), b64('xy' + s));
    console.error('hex', hex);
    for (const [k, v] of Object.entries(JSON.parse(Deno.env.get('CREDS')))) console.log(k, v);
    await tools.echo({ value: s, hex });
    ${fails ? "throw new Error('failed with ' + s + ' ' + encodeURIComponent(s));" : ''}
    return { url: encodeURIComponent(s), plain: s, b64: b64(s) };`;
}

/**
 * A declared secret, printed in every encoding to stdout, stderr, the result, an error, a tool
 * call, and credentials of each common shape, must surface nowhere the executor emits: results,
 * tool call arguments, the audit log, its own log. Positive control: the payload prints the byte
 * sum of the secret it read, so it provably had the real value in hand.
 */
export const redactionCheck: SecurityCheck = {
  id: 'redaction',
  title:
    'secrets are redacted in every encoding (plain, base64, hex, URL) and credential shapes (AWS, GitHub, Stripe, JWT, PEM)',
  languages: ['javascript', 'python'],
  async run({ executor }, language) {
    const secret = `Sk-${hex(8)}/+ ?&${hex(6)}`;
    const creds = credentials();
    const calls: ToolCallParams[] = [];
    const previous = executor.toolHandler;
    executor.toolHandler = async (params) => (calls.push(params), { value: { ok: true } });
    try {
      const policy = {
        env: { API_KEY: secret, CREDS: JSON.stringify(creds) },
        secrets: [{ name: 'API_KEY', value: secret }],
        tools: [{ name: 'echo', inputSchema: { type: 'object' } }],
      };
      const results = [
        await executor.execute(language, payload(language, false), { policy }),
        await executor.execute(language, payload(language, true), { policy }),
      ];
      // Positive controls: the payload read the real secret, and the error path really failed.
      const sum = [...Buffer.from(secret)].reduce((a, x) => a + x, 0);
      if (!results.every((r) => r.stdout.text.includes(`PAYLOAD-RAN ${sum}`)))
        return inconclusive(`the payload did not print the secret's byte sum ${sum}: ${show(results)}`);
      if (results[1]!.status !== 'error') return inconclusive(`the failing payload did not fail: ${show(results[1])}`);
      if (calls.length !== 2) return inconclusive(`expected 2 tool calls, the harness got ${calls.length}`);
      const audit = await executor.peer.request('audit/query', { principal: alice, limit: 1000 });
      const places: Record<string, string> = {
        results: JSON.stringify(results),
        'tool call arguments': JSON.stringify(calls),
        'audit log': JSON.stringify(audit),
        'executor log': executor.stderr(),
      };
      const needles: Record<string, string> = {
        ...secretForms(secret),
        ...creds,
        'pem body': creds['pem']!.split('\n')[1]!,
      };
      for (const [where, text] of Object.entries(places)) {
        for (const [form, value] of Object.entries(needles))
          if (text.includes(value)) return fail(`the ${form} form surfaced in the ${where}`);
      }
      return pass;
    } finally {
      executor.toolHandler = previous;
    }
  },
};
