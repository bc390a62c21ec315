const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an HTML or XML text node or a quoted attribute value (single or double
 * quotes). Apply after neutralising the text, which already replaced what XML cannot carry at
 * all; the markup tags do both.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
