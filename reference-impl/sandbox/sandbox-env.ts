/**
 * Replaces `Deno.env` with the policy's environment. The Deno process itself has no env
 * permission and an empty environment; the code sees exactly the variables the policy lists.
 */
export function installPolicyEnv(values: Record<string, string>): void {
  const map = new Map(Object.entries(values));
  const env = {
    get: (key: string) => map.get(key),
    has: (key: string) => map.has(key),
    set: (key: string, value: string) => void map.set(String(key), String(value)),
    delete: (key: string) => void map.delete(key),
    toObject: () => Object.fromEntries(map),
  };
  Object.defineProperty(Deno, 'env', { value: env, writable: true, configurable: true, enumerable: true });
}
