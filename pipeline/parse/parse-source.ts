import { createHash } from 'node:crypto';
import type { Diagnostic } from '../errors.ts';
import type { Document, SourceFile, SourceFormat } from '../types.ts';
import { decodeText } from '../extract/decode-text.ts';
import { parseText } from './text/parse-text.ts';

export interface ParseResult {
  /** null when the file could not be parsed at all; diagnostics then say why. */
  document: Document | null;
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Overrides detection. */
  format?: SourceFormat;
}

// The one entry point from bytes to a Document: detect the rendering, extract text or
// structure, parse. Pure apart from the async PDF/ODT extraction.
export async function parseSource(file: SourceFile, options: ParseOptions = {}): Promise<ParseResult> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const decoded = decodeText(file.bytes, file.path);
  if (!decoded.ok) return { document: null, diagnostics: [decoded.diagnostic] };
  const format = options.format ?? 'pdf-text';
  return parseText(decoded.text, { path: file.path, format, sha256 });
}
