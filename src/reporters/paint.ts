const codes = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 } as const;

/** A colour of the console reporter. */
export type Colour = keyof typeof codes;

/** Colours harness-made text (never executor text) when the terminal wants colour. */
export function painter(enabled: boolean): (colour: Colour, text: string) => string {
  return (colour, text) => (enabled ? `\u001b[${codes[colour]}m${text}\u001b[0m` : text);
}
