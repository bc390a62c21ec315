import type { Secret } from '../../../src/protocol/generated/types.js';
import { credentialShapes } from './credential-shapes.js';
import { secretVariants } from './secret-variants.js';

/** Text after redaction and how many values were hidden in it. */
export interface Redacted {
  text: string;
  count: number;
}

interface Literal {
  text: string;
  name: string;
}

/**
 * Replaces secrets (in every declared encoding) and credential shapes with `[REDACTED:<NAME>]`.
 * Literals are matched longest first, so that an encoding that contains another secret is hidden
 * whole. A redactor built with `enabled: false` (the no-redaction fault) passes text through.
 */
export class Redactor {
  readonly #literals: Literal[];
  readonly #names: Map<string, string>;
  readonly #pattern: RegExp | undefined;

  constructor(
    readonly secrets: readonly Secret[],
    readonly enabled = true,
  ) {
    const literals = new Map<string, string>();
    for (const secret of secrets)
      for (const variant of secretVariants(secret.value))
        if (!literals.has(variant)) literals.set(variant, secret.name);
    this.#literals = [...literals]
      .map(([text, name]) => ({ text, name }))
      .sort((a, b) => b.text.length - a.text.length);
    this.#names = new Map(this.#literals.map((l) => [l.text, l.name]));
    this.#pattern = this.#literals.length
      ? new RegExp(this.#literals.map((l) => escapeRegExp(l.text)).join('|'), 'g')
      : undefined;
  }

  /** A redactor for these secrets plus this one's. */
  with(secrets: readonly Secret[]): Redactor {
    return new Redactor([...this.secrets, ...secrets], this.enabled);
  }

  /** Redacts one string. */
  redact(text: string): Redacted {
    if (!this.enabled || text.length === 0) return { text, count: 0 };
    let count = 0;
    let out = text;
    if (this.#pattern) {
      out = out.replace(this.#pattern, (match) => {
        count++;
        return `[REDACTED:${this.#names.get(match) ?? 'SECRET'}]`;
      });
    }
    for (const rule of credentialShapes) {
      out = out.replace(rule.pattern, () => {
        count++;
        return `[REDACTED:${rule.name}]`;
      });
    }
    return { text: out, count };
  }

  /** Redacts every string (keys included) inside a JSON value. */
  redactValue(value: unknown): { value: unknown; count: number } {
    let count = 0;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') {
        const r = this.redact(v);
        count += r.count;
        return r.text;
      }
      if (Array.isArray(v)) return v.map(walk);
      if (v !== null && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k) as string, walk(x)]));
      return v;
    };
    const result = walk(value);
    return { value: result, count };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
