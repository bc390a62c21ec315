/** The public page of a CWE id (CWE-200), or undefined when the id does not have the CWE shape. */
export function cweUrl(id: string): string | undefined {
  const match = /^CWE-(\d{1,5})$/.exec(id);
  return match ? `https://cwe.mitre.org/data/definitions/${match[1]}.html` : undefined;
}

/** The public page of an ATT&CK technique (T1552) or sub-technique (T1552.001 → /T1552/001/). */
export function attackUrl(id: string): string | undefined {
  const match = /^(T\d{4})(?:\.(\d{3}))?$/.exec(id);
  if (!match) return undefined;
  return `https://attack.mitre.org/techniques/${match[1]}/${match[2] ? `${match[2]}/` : ''}`;
}

/**
 * A reference fit for a link: an absolute http(s) URL without whitespace or controls. Anything
 * else (javascript:, data:, relative paths) stays text, since scenario files are not trusted.
 */
export function linkableUrl(reference: string): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(reference) || /\p{Cc}/u.test(reference)) return undefined;
  try {
    const url = new URL(reference);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
