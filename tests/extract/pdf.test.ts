import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../pipeline/extract/pdf-text.ts';
import { parseSource } from '../../pipeline/parse/parse-source.ts';
import { makePdf, type PdfLine } from './make-pdf.ts';

// A two-page Aanhangsel laid out like the official PDFs (fixture ah-tk-20202021-3235): body at
// x=221 with 9.6 pt lines and a blank line's gap between blocks, a superscript footnote marker,
// the footnote at the page bottom, and the page footer whose two blocks share one baseline.
function body(startY: number, blocks: string[][]): PdfLine[] {
  const lines: PdfLine[] = [];
  let y = startY;
  for (const block of blocks) {
    for (const text of block) {
      lines.push({ x: 221, y, runs: [text] });
      y -= 9.6;
    }
    y -= 9.6;
  }
  return lines;
}
const footer = (page: number): PdfLine[] => [
  { x: 55, y: 82, runs: [{ text: 'ah-tk-20202021-9999', size: 6 }] },
  { x: 55, y: 76, runs: [{ text: 'ISSN 0921 - 7398', size: 6 }] },
  { x: 55, y: 69, runs: [{ text: '’s-Gravenhage 2021', size: 6 }] },
  { x: 221, y: 69, runs: ['Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel'] },
  { x: 535, y: 69, runs: [String(page)] },
];
const page1: PdfLine[] = [
  { x: 55, y: 763, runs: [{ text: 'Tweede Kamer der Staten-Generaal', size: 18 }] },
  { x: 55, y: 706, runs: ['Vergaderjaar 2020–2021'] },
  { x: 221, y: 705, runs: ['Aanhangsel van de Handelingen'] },
  { x: 221, y: 538, runs: [{ text: '9999', size: 13 }] },
  ...body(509, [
    [
      'Vragen van het lid Van der Wal-Zeggelink (VVD) aan de Minister van Sociale',
      'Zaken en Werkgelegenheid over «de Tozo» (ingezonden 3 juni 2021).',
    ],
    [
      'Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid)',
      '(ontvangen 21 juni 2021).',
    ],
  ]),
  { x: 221, y: 446, runs: ['Vraag 1'] },
  {
    x: 221,
    y: 436.4,
    runs: [
      'Kent u het bericht over de rente van het Bbz-krediet?',
      { text: '1', size: 6, rise: 3 },
    ],
  },
  ...body(407.6, [
    [
      'Antwoord 1',
      'Ja. Het rentepercentage is wettelijk vastgesteld op 8 procent en wordt',
      'niet verlaagd.',
    ],
  ]),
  {
    x: 221,
    y: 110,
    runs: [
      { text: '1', size: 6, rise: 3 },
      { text: ' NOS, 3 juni 2021 (https://nos.nl/artikel/2383611).', size: 7 },
    ],
  },
  ...footer(1),
];
const page2: PdfLine[] = [
  ...body(771, [
    ['Vraag 2', 'Bent u bereid het percentage te verlagen?'],
    ['Antwoord 2', 'Nee, zie het antwoord op vraag 1.'],
  ]),
  ...footer(2),
];
const PDF = makePdf([page1, page2]);

describe('PDF text extraction', () => {
  it('lays the text out as pdftotext does: lines, block gaps, a form feed per page, footer blocks apart', async () => {
    const extracted = await extractPdfText(PDF, 'x.pdf');
    expect(extracted.ok).toBe(true);
    if (!extracted.ok) return;
    const lines = extracted.text.split('\n');
    expect(lines).toContain('Vraag 1');
    expect(lines).toContain('Kent u het bericht over de rente van het Bbz-krediet?1');
    expect(extracted.text).toMatch(/\(ontvangen 21 juni 2021\)\.\n\nVraag 1\n/);
    expect(lines).toContain('’s-Gravenhage 2021');
    expect(lines).toContain('Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel');
    expect(extracted.text.split('\f')).toHaveLength(2);
    expect(extracted.text.split('\f')[1]).toMatch(/^Vraag 2\n/);
  });

  it('parses the PDF into the record its text states', async () => {
    const result = await parseSource({ path: 'documents/upload.pdf', bytes: PDF });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const doc = result.document!;
    expect(doc).toMatchObject({
      id: 'ah-tk-20202021-9999',
      type: 'answer',
      session_year: '2020-2021',
      number: 9999,
      askers: [{ name: 'Van der Wal-Zeggelink', party: 'VVD' }],
      submitted: '2021-06-03',
      answered: '2021-06-21',
      answerer: {
        role: 'Minister',
        name: 'Koolmees',
        portfolio: 'Sociale Zaken en Werkgelegenheid',
      },
      source: { format: 'pdf', path: 'documents/upload.pdf' },
    });
    expect(doc.questions.map((q) => [q.number, q.footnotes])).toEqual([
      [1, [1]],
      [2, []],
    ]);
    expect(doc.questions[0]!.text).toBe('Kent u het bericht over de rente van het Bbz-krediet?');
    expect(doc.answers.map((a) => a.questions)).toEqual([[1], [2]]);
    expect(doc.answers[0]!.text).toBe(
      'Ja. Het rentepercentage is wettelijk vastgesteld op 8 procent en wordt niet verlaagd.',
    );
    expect(doc.footnotes).toEqual([
      {
        number: 1,
        text: 'NOS, 3 juni 2021 (https://nos.nl/artikel/2383611).',
        urls: ['https://nos.nl/artikel/2383611'],
      },
    ]);
  });

  it('a PDF without a text layer is an error, not an empty record', async () => {
    const result = await parseSource({ path: 'documents/scan.pdf', bytes: makePdf([[]]) });
    expect(result.document).toBeNull();
    expect(result.diagnostics).toMatchObject([
      { severity: 'error', code: 'extract/pdf-no-text', file: 'documents/scan.pdf' },
    ]);
  });
});

describe('PDF limits', () => {
  it('a PDF of more pages than any Kamervragen is refused before its text is read', async () => {
    const pages = Array.from({ length: 501 }, () => [{ x: 221, y: 700, runs: ['Vraag 1'] }]);
    const result = await parseSource({ path: 'documents/huge.pdf', bytes: makePdf(pages) });
    expect(result.document).toBeNull();
    expect(result.diagnostics).toMatchObject([
      { severity: 'error', code: 'extract/pdf-too-long', file: 'documents/huge.pdf' },
    ]);
  });
});
