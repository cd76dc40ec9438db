// README.md sections are owned between `<!-- section: NAME -->` and `<!-- /section: NAME -->`;
// generated text replaces only what lies between the markers.

export function replaceSection(readme: string, name: string, body: string): string {
  const open = `<!-- section: ${name} -->`;
  const close = `<!-- /section: ${name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README has no "${open}" … "${close}" markers`);
  return `${readme.slice(0, start + open.length)}\n${body.trimEnd()}\n${readme.slice(end)}`;
}

export function readSection(readme: string, name: string): string | null {
  const open = `<!-- section: ${name} -->`;
  const close = `<!-- /section: ${name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  return start < 0 || end < start ? null : readme.slice(start + open.length, end).trim();
}
