// PDF text as the extractors in tests/corpus print it. The page layout is the same for all
// (the same PDF); what differs is how each extractor writes lines, footnote markers, footers:
// pymupdf keeps lines with a trailing space, poppler separates blocks with blank lines and ends
// pages with a form feed, pypdf joins lines and glues the footer to the next page, and "plain"
// is the older masthead-less text of the two seed documents.
import { answerSentence, footnoteText, printedSession, questionsSentence } from './header-lines.ts';
import { MARKER, type DocumentPlan } from './plan-document.ts';
import type { Random } from './random.ts';
import { typeset, type Block, type Page } from './typeset.ts';

export type PdfFlavour = 'pymupdf' | 'poppler' | 'pypdf' | 'plain';

export function bodyBlocks(plan: DocumentPlan): Block[] {
  const blocks: Block[] = [{ kind: 'head', text: questionsSentence(plan) }];
  const answer = answerSentence(plan);
  if (answer) blocks.push({ kind: 'head', text: answer });
  if (plan.postponementText) blocks.push({ kind: 'body', text: plan.postponementText });
  for (const item of plan.items) {
    blocks.push({ kind: 'heading', text: item.header });
    for (const p of item.paragraphs) blocks.push({ kind: 'body', text: p });
  }
  return blocks;
}

function masthead(plan: DocumentPlan, flavour: PdfFlavour): string {
  const s = printedSession(plan);
  const n = String(plan.number ?? '');
  if (flavour === 'poppler') {
    return `Tweede Kamer der Staten-Generaal\n\nVergaderjaar ${s}\n\n2\n\nAanhangsel van de Handelingen\n\nVragen gesteld door de leden der Kamer, met de daarop door de\nregering gegeven antwoorden\n\n${n}\n`;
  }
  if (flavour === 'pypdf') {
    return `Tweede Kamer der Staten-Generaal2\nVergaderjaar ${s}  Aanhangsel van de Handelingen \nVragen gesteld door de leden der Kamer, met de daarop door de \nregering gegeven antwoorden  \n${n}  \n`;
  }
  return `Tweede Kamer der Staten-Generaal\n2\nVergaderjaar ${s} \nAanhangsel van de Handelingen \nVragen gesteld door de leden der Kamer, met de daarop door de \nregering gegeven antwoorden \n${n} \n`;
}

function footer(plan: DocumentPlan, flavour: PdfFlavour, page: number): string {
  const s = printedSession(plan);
  const year = (plan.answered ?? plan.submitted).slice(0, 4);
  const running = `Tweede Kamer, vergaderjaar ${s}, Aanhangsel`;
  const first = page === 1;
  if (flavour === 'poppler') {
    return `${first ? `\n${plan.id}\nISSN 0921 - 7398\n’s-Gravenhage ${year}\n` : ''}\n${running}\n\n${page}\n\n\f`;
  }
  if (flavour === 'pypdf') {
    return ` \n  \n${first ? `${plan.id}\nISSN 0921 - 7398’s-Gravenhage ${year}` : ''}${running} ${page}`;
  }
  return ` \n \n \n${first ? `${plan.id}\nISSN 0921 - 7398\n’s-Gravenhage ${year}\n` : ''}${running}\n${page}\n`;
}

function renderPage(page: Page, flavour: PdfFlavour, random: Random): string {
  let out = '';
  page.lines.forEach((line, i) => {
    const glued = line.text.replace(MARKER, flavour === 'pypdf' ? '\n$1 ' : '$1');
    if (flavour === 'pypdf' && line.kind !== 'heading') {
      // pypdf joins most lines of a paragraph and keeps the typesetter's hyphen ("wense-lijk").
      // Never across a page end: pypdf ends each page's text with a line break.
      const join = !line.last && i < page.lines.length - 1 && random.chance(0.75);
      out += line.hyphenated && join ? glued : `${glued}${join ? ' ' : ' \n'}`;
      if (line.last && page.lines[i + 1]?.kind === 'heading' && random.chance(0.5)) out += ' \n';
      return;
    }
    const trailing = flavour === 'poppler' || line.kind === 'heading' ? '' : ' ';
    out += `${glued}${trailing}\n`;
    if (flavour === 'plain' && line.last && line.kind !== 'heading') out += '\n';
  });
  if (page.footnotes.length === 0) return out;
  out += flavour === 'plain' ? '' : flavour === 'poppler' ? '\n' : '';
  page.footnotes.forEach((note, k) => {
    const [first = '', ...rest] = note.lines;
    const body = first.slice(String(note.number).length + 1);
    if (flavour === 'poppler')
      out += `${note.number}\n${k === 0 ? '\n' : ''}${[body, ...rest].join('\n')}\n`;
    else if (flavour === 'pypdf') out += `${note.number}${[body, ...rest].join('\n')}\n`;
    else if (flavour === 'plain') out += `${[first, ...rest].join('\n')}\n\n`;
    else
      out += `${[first, ...rest]
        .map((l) => `${l} `)
        .join('\n')
        .replace(/ $/, '')}\n`;
  });
  return out;
}

export function renderPdfText(plan: DocumentPlan, flavour: PdfFlavour, random: Random): string {
  const footnotes = new Map(plan.footnotes.map((n) => [n.number, footnoteText(n)]));
  const width = flavour === 'plain' ? random.int(72, 78) : 80;
  const pages = typeset(
    bodyBlocks(plan),
    footnotes,
    { width, height: 52, firstPageOffset: flavour === 'plain' ? 0 : 10, hyphenation: 0.6 },
    random,
  );
  let out = flavour === 'plain' ? ' ' : masthead(plan, flavour);
  pages.forEach((page, i) => {
    const text = renderPage(page, flavour, random);
    if (flavour === 'plain') {
      out += `${text}${i < pages.length - 1 ? `\n\n${random.chance(0.5) ? ' ' : ''}` : ''}`;
      return;
    }
    out += text;
    out += footer(plan, flavour, i + 1);
    // pypdf often glues the next page's first line to the footer ("Aanhangsel 1Antwoord 3").
    if (flavour === 'pypdf') out += i === pages.length - 1 || random.chance(0.7) ? '\n' : '';
  });
  return out;
}
