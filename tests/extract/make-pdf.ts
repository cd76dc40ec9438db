// Writes a small, valid PDF (Helvetica, WinAnsi) with text at given positions, so tests can put
// lines, superscript footnote markers and page footers exactly where official PDFs have them.

export interface PdfRun {
  text: string;
  size?: number;
  /** Text rise in points: a superscript footnote marker. */
  rise?: number;
}

export interface PdfLine {
  x: number;
  y: number;
  runs: (string | PdfRun)[];
}

// Windows-1252 bytes for the characters outside ASCII that the tests use.
const WIN_ANSI: Record<string, number> = {
  '’': 0x92,
  '–': 0x96,
  '«': 0xab,
  '»': 0xbb,
  é: 0xe9,
  ë: 0xeb,
};

function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.charCodeAt(0);
    if (code > 0x7e || code < 0x20) out += `\\${code.toString(8).padStart(3, '0')}`;
    else if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return `${out})`;
}

function contentStream(lines: PdfLine[]): string {
  return lines
    .map((line) => {
      const ops = line.runs.map((run) => {
        const r = typeof run === 'string' ? { text: run } : run;
        return `/F1 ${r.size ?? 9} Tf ${r.rise ?? 0} Ts ${pdfString(r.text)} Tj`;
      });
      return `BT 1 0 0 1 ${line.x} ${line.y} Tm ${ops.join(' ')} ET`;
    })
    .join('\n');
}

/** A PDF with one page per entry of `pages` (A4, 595 × 842 points). */
export function makePdf(pages: PdfLine[][]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((lines, i) => {
    const stream = contentStream(lines);
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++)
    pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is ASCII (non-ASCII went out as octal escapes), so length = byte length.
  return new TextEncoder().encode(pdf);
}
