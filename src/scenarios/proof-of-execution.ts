import type { TokenSource } from '../canaries/token-source.js';
import { HarnessError, HarnessErrorCode } from '../errors/harness-error.js';
import type { Language } from '../protocol/generated/types.js';

/**
 * A proof of execution: a value the code must compute at run time, and the expression (in the
 * case's language) that computes it. The value appears nowhere in the expression, so an executor
 * that echoes or reflects the code it was sent cannot show the value without running the code.
 */
export interface Proof {
  /** Sixteen decimal digits, looked for in the output. */
  value: string;
  /**
   * A string-valued expression of the language: inside code for JavaScript, TypeScript and Python; one double-quoted
   * word for shell.
   */
  expression: string;
}

/**
 * The placeholders that render a proof: `proof` before the attack, `proof.after` once the code is past its attack
 * point.
 */
export const proofPlaceholders = ['proof', 'proof.after'] as const;
export type ProofPlaceholder = (typeof proofPlaceholders)[number];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const HALF_MIN = 10_000_000;
const HALF_MAX = 99_999_999;

/** Deterministic integers from a seeded word (five bits per character). */
class Draw {
  #bits = 0n;
  #left = 0;
  #block = 0;
  constructor(
    private readonly tokens: TokenSource,
    private readonly purpose: string,
  ) {}

  /** An integer in [min, max]; max - min stays far below 2^40. */
  int(min: number, max: number): number {
    while (this.#left < 40) {
      for (const char of this.tokens.word(`${this.purpose}\u0000${this.#block++}`, 16))
        this.#bits = (this.#bits << 5n) | BigInt(ALPHABET.indexOf(char));
      this.#left += 80;
    }
    const span = BigInt(max - min + 1);
    const take = this.#bits & ((1n << 40n) - 1n);
    this.#bits >>= 40n;
    this.#left -= 40;
    return min + Number(take % span);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

type HalfForm = 'sum' | 'difference' | 'xor' | 'multiply-add' | 'char-codes' | 'reversed';

/**
 * Which forms each language renders. Shell keeps to `$((…))` arithmetic: a command substitution
 * forks, and a sandbox that denies subprocesses would then kill the code before its proof.
 */
const formsOf: Record<Language, readonly HalfForm[]> = {
  javascript: ['sum', 'difference', 'xor', 'multiply-add', 'char-codes', 'reversed'],
  typescript: ['sum', 'difference', 'xor', 'multiply-add', 'char-codes', 'reversed'],
  python: ['sum', 'difference', 'xor', 'multiply-add', 'char-codes', 'reversed'],
  shell: ['sum', 'difference', 'xor', 'multiply-add'],
};

/** A string-valued expression computing the eight digits of `half`, in one form. */
function renderHalf(half: number, form: HalfForm, language: Language, draw: Draw): string {
  const arithmetic = (text: string) =>
    language === 'shell' ? `$((${text}))` : language === 'python' ? `str(${text})` : `String(${text})`;
  // Each constant in decimal or hexadecimal (every language here reads 0x literals).
  const n = (value: number) => (draw.int(0, 2) === 0 ? `0x${value.toString(16)}` : String(value));
  switch (form) {
    case 'sum': {
      const a = draw.int(1, half - 1);
      return arithmetic(`${n(a)} + ${n(half - a)}`);
    }
    case 'difference': {
      const k = draw.int(1_000, 9_999_999);
      return arithmetic(`${n(half + k)} - ${n(k)}`);
    }
    case 'xor': {
      // Both operands below 2^27, so JavaScript's 32-bit XOR is exact.
      const k = draw.int(1, (1 << 27) - 1);
      return arithmetic(`${n(half ^ k)} ^ ${n(k)}`);
    }
    case 'multiply-add': {
      const m = draw.int(101, 9_973);
      return arithmetic(`${n(Math.floor(half / m))} * ${n(m)} + ${n(half % m)}`);
    }
    case 'char-codes': {
      const codes = [...String(half)].map((c) => c.charCodeAt(0));
      const k = draw.int(3, 900);
      const shifted = codes.map((c) => c + k).join(', ');
      return language === 'python'
        ? `''.join(chr(c - ${k}) for c in [${shifted}])`
        : `[${shifted}].map((c) => String.fromCharCode(c - ${k})).join('')`;
    }
    case 'reversed': {
      const reversed = [...String(half)].reverse().join('');
      return language === 'python' ? `'${reversed}'[::-1]` : `'${reversed}'.split('').reverse().join('')`;
    }
  }
}

function join(language: Language, first: string, second: string, draw: Draw): string {
  switch (language) {
    case 'shell':
      return `"${first}${second}"`;
    case 'python':
      return draw.pick([`(${first} + ${second})`, `''.join([${first}, ${second}])`]);
    case 'javascript':
    case 'typescript':
      return draw.pick([`(${first} + ${second})`, `[${first}, ${second}].join('')`, `\`\${${first}}\${${second}}\``]);
  }
}

/**
 * The proof `purpose` of one case attempt in `language`, derived from the attempt's seeded tokens
 * (the same seed replays it). Each half of the value is computed in a form drawn from the seed.
 */
export function makeProof(tokens: TokenSource, purpose: string, language: Language): Proof {
  const draw = new Draw(tokens, `proof:${purpose}`);
  const halves = [draw.int(HALF_MIN, HALF_MAX), draw.int(HALF_MIN, HALF_MAX)] as const;
  const value = `${halves[0]}${halves[1]}`;
  // A form whose constants happen to spell a half is drawn again.
  for (let tries = 0; tries < 32; tries++) {
    const parts = halves.map((half) => renderHalf(half, draw.pick(formsOf[language]), language, draw));
    const expression = join(language, parts[0]!, parts[1]!, draw);
    if (!halves.some((half) => expression.includes(String(half)))) return { value, expression };
  }
  throw new HarnessError(
    HarnessErrorCode.Internal,
    `could not render proof ${purpose} for ${language} without revealing it`,
  );
}

/** True when the executor's output shows the proof's value. */
export function proofShown(proof: Proof, ...texts: readonly string[]): boolean {
  return texts.some((text) => text.includes(proof.value));
}

/**
 * Refuses code that carries a proof's value in clear: then output holding the value would not
 * show that the code ran. Called on every rendered piece of code before it is sent.
 */
export function assertProofsHidden(code: string, proofs: readonly Proof[], path?: string): void {
  const shown = proofs.find((proof) => code.includes(proof.value));
  if (shown)
    throw new HarnessError(
      HarnessErrorCode.ScenarioInvalid,
      `the rendered code contains the value of its own proof of execution (${shown.value}), so ` +
        `its output could not prove that it ran`,
      path,
    );
}
