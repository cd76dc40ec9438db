// PDF text as pymupdf4llm prints it (tests/corpus/*.pdf-markdown.txt): a markdown masthead,
// blank lines between blocks, footnote markers sometimes as "[3 ]", and "-----" between pages.
import { footnoteText, printedSession } from './header-lines.ts';
import { MARKER, type DocumentPlan } from './plan-document.ts';
import type { Random } from './random.ts';
import { bodyBlocks } from './render-pdf-text.ts';
import { typeset } from './typeset.ts';

export function renderPdfMarkdown(plan: DocumentPlan, random: Random): string {
  const footnotes = new Map(plan.footnotes.map((n) => [n.number, footnoteText(n)]));
  const pages = typeset(
    bodyBlocks(plan),
    footnotes,
    { width: 78, height: 50, firstPageOffset: 10, hyphenation: 0.3 },
    random,
  );
  const bracketed = random.chance(0.3);
  const year = (plan.answered ?? plan.submitted).slice(0, 4);
  let out =
    `## Tweede Kamer der Staten-Generaal\n# 2\n\n#### Vergaderjaar ${printedSession(plan)} Aanhangsel van de Handelingen\n\n` +
    `**Vragen gesteld door de leden der Kamer, met de daarop door de**\n**regering gegeven antwoorden**\n\n### ${plan.number ?? ''}\n\n`;
  pages.forEach((page, i) => {
    page.lines.forEach((line, k) => {
      out += `${line.text.replace(MARKER, bracketed ? '[$1 ]' : '$1')}\n`;
      const next = page.lines[k + 1];
      // A blank line ends each question or answer block; the heading sticks to its text.
      if (line.last && line.kind !== 'heading' && (next === undefined || next.kind !== 'body'))
        out += '\n';
    });
    if (page.footnotes.length) out += '\n';
    for (const note of page.footnotes) out += `${note.lines.join('\n')}\n\n`;
    const imprint = i === 0 ? `${plan.id}\nISSN 0921 - 7398\n’s-Gravenhage ${year} ` : '';
    out += `${imprint}Tweede Kamer, vergaderjaar ${printedSession(plan)}, Aanhangsel ${i + 1}\n\n\n-----\n\n`;
  });
  return out;
}
