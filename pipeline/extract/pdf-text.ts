import type { Diagnostic } from '../errors.ts';
import { inflatesTooMuchMessage } from './limits.ts';
import { pdfInflatesTooMuch } from './pdf-inflation.ts';

export type Extracted =
  { ok: true; text: string; diagnostics: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

interface Run {
  str: string;
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Kamervragen publications run to a few dozen pages; reading a 10,000-page PDF would stall a build. */
const MAX_PAGES = 500;

/** True when the bytes carry the PDF magic (the spec allows junk before it within 1 KiB). */
// "%PDF-" within the first 1024 bytes; compared byte by byte, since every file is asked this.
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

export function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 1024) - PDF_MAGIC.length;
  for (let i = 0; i <= end; i++) {
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    )
      return true;
  }
  return false;
}

// PDF to text in the layout the PDF-text parser reads (the layout of poppler's pdftotext): one
// line per printed line, a blank line where the vertical gap is larger than a line (paragraph
// and block breaks), and a form feed after each page. Running heads and footers are left in: the
// text parser removes page furniture for every PDF-text rendering alike.
export async function extractPdfText(bytes: Uint8Array, file: string): Promise<Extracted> {
  if (!isPdf(bytes)) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'extract/not-pdf',
        message: 'the file has no %PDF header',
        file,
      },
    };
  }
  if (pdfInflatesTooMuch(bytes)) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'extract/too-large',
        message: inflatesTooMuchMessage("the PDF's compressed streams"),
        file,
      },
    };
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PAGES) {
      return {
        ok: false,
        diagnostic: {
          severity: 'error',
          code: 'extract/pdf-too-long',
          message: `the PDF has ${doc.numPages} pages; Kamervragen run to a few dozen, so this is not one (limit ${MAX_PAGES})`,
          file,
        },
      };
    }
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        runs.push({
          str: item.str,
          hasEOL: item.hasEOL,
          x: item.transform[4] ?? 0,
          y: item.transform[5] ?? 0,
          width: item.width,
          height: item.height,
        });
      }
      pages.push(layoutLines(runs));
      page.cleanup();
    }
    const text = pages.join('\n\f');
    if (text.replace(/\s+/g, '').length === 0) {
      return {
        ok: false,
        diagnostic: {
          severity: 'error',
          code: 'extract/pdf-no-text',
          message: 'the PDF has no text layer (a scan?); it cannot be read without OCR',
          file,
        },
      };
    }
    return { ok: true, text: `${text}\n`, diagnostics: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'extract/pdf-unreadable',
        message: `the PDF cannot be read: ${message}`,
        file,
      },
    };
  } finally {
    await task.destroy();
  }
}

function layoutLines(runs: Run[]): string {
  const lines: { text: string; y: number; height: number }[] = [];
  let current: { text: string; y: number; height: number } | null = null;
  let end = 0;
  for (const run of runs) {
    if (run.str.trim().length > 0) {
      // Two blocks side by side on one baseline (the page footer's "'s-Gravenhage 2021" and
      // "Tweede Kamer, vergaderjaar …") are two lines, as pdftotext prints them.
      if (current && run.x - end > Math.max(run.height, 4) * 3) current = null;
    }
    if (run.str.length > 0) {
      if (!current) {
        current = { text: '', y: run.y, height: run.height };
        lines.push(current);
      }
      current.text += run.str;
      // pdfjs fills a gap with a space item as wide as the gap: measure from the last word.
      if (run.str.trim().length > 0) end = run.x + run.width;
      if (run.height > current.height && run.str.trim().length > 0) current.height = run.height;
    }
    if (run.hasEOL) current = null;
  }
  const out: string[] = [];
  let previous: { y: number; height: number } | null = null;
  for (const line of lines) {
    const text = line.text.replace(/\s+$/, '');
    if (text.trim().length === 0) continue;
    if (previous) {
      const gap = previous.y - line.y;
      const size = Math.max(previous.height, line.height, 1);
      // A gap of more than ~1.5 lines (or a jump upwards: a new column) is a block break.
      if (gap > size * 1.6 || gap < -size) out.push('');
    }
    out.push(text);
    previous = line;
  }
  return out.join('\n');
}
