/** Where a payload refers to a host API, and whether the reference is only an attempt. */
export interface RuntimeApiUse {
  api: string;
  /** 1-based line in the code. */
  line: number;
  /**
   * The code copes with the API's absence here: the reference sits inside a `try` block, is the
   * operand of `typeof`, is followed by `?.`, or follows a `typeof` test of it in one statement.
   */
  guarded: boolean;
}

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
/** A `/` after one of these (or at the start) opens a regular expression, not a division. */
const BEFORE_REGEX = new Set([
  '',
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
]);

/**
 * The references of `code` (JavaScript or TypeScript, with `{{…}}` placeholders) to any of `apis`
 * as globals: `btoa(…)`, `new TextEncoder()`, `globalThis.fetch`. A lexical scan, not a parser
 * (the linter ships without one): strings, comments and regular expressions are skipped, a
 * property of another object (`x.process`) or a declaration of that name is not a reference.
 * It may miss a use written in a template literal's `${…}`; it never invents one.
 */
export function runtimeApiUses(code: string, apis: readonly string[]): RuntimeApiUse[] {
  const text = blankLiterals(code.replace(PLACEHOLDER, '0'));
  const wanted = new Set(apis);
  const uses: RuntimeApiUse[] = [];
  // 1. Follow the braces: which of the open blocks are `try` blocks.
  const blocks: boolean[] = [];
  let tries = 0;
  let statementStart = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '{') {
      const isTry = /\btry\s*$/.test(text.slice(Math.max(0, i - 16), i));
      blocks.push(isTry);
      if (isTry) tries++;
      statementStart = i + 1;
    } else if (char === '}') {
      if (blocks.pop()) tries--;
      statementStart = i + 1;
    } else if (char === ';') {
      statementStart = i + 1;
    } else if (/[A-Za-z_$]/.test(char) && !/[\w$]/.test(text[i - 1] ?? '')) {
      // 2. A word: a reference to an API unless it is a property or a declaration.
      const word = /^[\w$]+/.exec(text.slice(i))![0];
      if (wanted.has(word) && isReference(text, i)) {
        const before = text.slice(statementStart, i);
        const after = text.slice(i + word.length);
        const guarded =
          tries > 0 ||
          /\btypeof\s+(?:globalThis\s*\.\s*)?$/.test(before) ||
          /^\s*\?\./.test(after) ||
          new RegExp(`\\btypeof\\s+(?:globalThis\\s*\\.\\s*)?${word}\\b`).test(before);
        uses.push({ api: word, line: text.slice(0, i).split('\n').length, guarded });
      }
      i += word.length - 1;
    }
  }
  return uses;
}

function isReference(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(at);
  // A property of another object is not the global; `globalThis.X` and a spread `...X` are.
  if (/\.\s*$/.test(before)) return /(?:\bglobalThis\s*\.|\.\.\.)\s*$/.test(before);
  if (/\b(?:const|let|var|function|class)\s+$/.test(before)) return false;
  // An object literal's key.
  return !(/[{,]\s*$/.test(before) && /^[\w$]+\s*:/.test(after));
}

/** `code` with the contents of strings, comments and regular expressions replaced by spaces. */
function blankLiterals(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const char = code[i]!;
    const next = code[i + 1];
    let end = i;
    if (char === '/' && next === '/') end = lineEnd(code, i);
    else if (char === '/' && next === '*')
      end = code.indexOf('*/', i + 2) < 0 ? code.length : code.indexOf('*/', i + 2) + 2;
    else if (char === '"' || char === "'" || char === '`') end = quoteEnd(code, i, char);
    else if (char === '/' && opensRegex(out)) end = regexEnd(code, i);
    if (end > i) {
      out += code.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** A `/` after an operator, an opening bracket or a keyword such as `return` opens a regular expression. */
function opensRegex(before: string): boolean {
  const trimmed = before.trimEnd();
  return (
    BEFORE_REGEX.has(trimmed.at(-1) ?? '') ||
    /\b(?:return|typeof|case|in|of|void|throw|delete|new|yield|await)$/.test(trimmed)
  );
}

function lineEnd(code: string, from: number): number {
  const end = code.indexOf('\n', from);
  return end < 0 ? code.length : end;
}

function quoteEnd(code: string, from: number, quote: string): number {
  for (let i = from + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
    else if (code[i] === '\n' && quote !== '`') return i;
  }
  return code.length;
}

function regexEnd(code: string, from: number): number {
  let inClass = false;
  for (let i = from + 1; i < code.length; i++) {
    const char = code[i];
    if (char === '\\') i++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) return i + 1 + (/^[a-z]*/.exec(code.slice(i + 1))?.[0].length ?? 0);
    else if (char === '\n') return i;
  }
  return code.length;
}
