/** Every string inside a JSON-like value, with the JSON pointer where it sits. */
export function jsonStrings(value: unknown, pointer = ''): Array<{ pointer: string; text: string }> {
  if (typeof value === 'string') return [{ pointer, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => jsonStrings(item, `${pointer}/${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      jsonStrings(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  return [];
}
