import { safeText } from './safe-text.js';

/**
 * Escapes the message of a GitHub Actions workflow command (`::error ...::MESSAGE`): `%`, CR and
 * LF are percent-encoded, so executor text stays one command and cannot start another on a new line.
 */
export function escapeCommandData(text: string, max: number): string {
  return safeText(text, max).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (`title=...`): as the message, plus `:` and `,`. */
export function escapeCommandProperty(text: string, max: number): string {
  return escapeCommandData(text, max).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
