import type { JsonValue } from 'fast-check';

/**
 * Puts `text` somewhere inside `value`: into the `pick`-th object or array (pre-order), or beside
 * the value when it has none. Pure: the generated value is cloned, never changed, so that
 * fast-check can shrink it.
 */
export function embedInJson(value: JsonValue, text: string, pick: number): JsonValue {
  const copy = structuredClone(value) as JsonValue;
  const containers: Array<JsonValue[] | { [key: string]: JsonValue }> = [];
  const walk = (v: JsonValue) => {
    if (Array.isArray(v)) {
      containers.push(v);
      v.forEach(walk);
    } else if (v !== null && typeof v === 'object') {
      containers.push(v as { [key: string]: JsonValue });
      Object.values(v).forEach((x) => walk(x as JsonValue));
    }
  };
  walk(copy);
  const target = containers[pick % Math.max(1, containers.length)];
  if (target === undefined) return [copy, text];
  if (Array.isArray(target)) target.splice(pick % (target.length + 1), 0, text);
  else target[`k${pick}`] = text;
  return copy;
}
