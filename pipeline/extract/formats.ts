import type { SourceFormat } from '../types.ts';

export type { SourceFormat };

/** Every rendering the parser reads; the schema's source.format enum holds the same list. */
export const FORMATS: readonly SourceFormat[] = [
  'pdf-text',
  'pdf-markdown',
  'pdf',
  'ob-xml',
  'ob-html',
  'odt',
  'page-text',
  'sgd-ocr',
];
