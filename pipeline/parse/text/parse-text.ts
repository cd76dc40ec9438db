import type { Diagnostic } from '../../errors.ts';
import type { Document, SourceFormat } from '../../types.ts';

export interface TextContext {
  path: string;
  format: SourceFormat;
  sha256: string;
  url?: string | null;
}

// Placeholder until the text parser lands: reports that it cannot parse yet.
export function parseText(_text: string, ctx: TextContext): { document: Document | null; diagnostics: Diagnostic[] } {
  return {
    document: null,
    diagnostics: [{ severity: 'error', code: 'parse/not-implemented', message: 'text parser not written yet', file: ctx.path }],
  };
}
