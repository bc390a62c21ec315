/**
 * What is left live of a Markdown line once every backslash escape is taken out: the constructs
 * that render as an image, link, autolink, HTML, entity, emphasis, math or a new table cell.
 */
export function liveMarkdown(line: string): string[] {
  const bare = line.replace(/\\[\s\S]/g, '');
  const live = [
    /!\[/,
    /\]\(/,
    /\[[^\]]*\]/,
    /<[a-z/!?]/i,
    /&[#a-z0-9]+;/i,
    /\*\*?\S/,
    /_\S/,
    /~~/,
    /\$/,
    /https?:\/\//i,
    /\bwww\./i,
    /\S@\S/,
  ];
  return live.filter((r) => r.test(bare)).map(String);
}
