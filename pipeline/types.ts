// The shared nouns of the pipeline. The record types are generated from the schema.
export type {
  Document,
  Asker,
  Answerer,
  Question,
  Answer,
  Footnote,
  Reference,
  Source,
  Warning,
} from './types/document.generated.ts';
export type { Diagnostic, Place, Severity } from './errors.ts';

import type { Source } from './types/document.generated.ts';

export type SourceFormat = Source['format'];

/** A source file as read from disk: the only thing the pure stages get from the outside. */
export interface SourceFile {
  /** Path relative to the project root (documents/…) or as given on the command line. */
  path: string;
  /** Path relative to the documents folder, when read from one: the record's source.path. */
  storePath?: string;
  bytes: Uint8Array;
  /** Other files published with it, by role (e.g. metadata.xml beside an XML publication). */
  sidecars?: { metadataXml?: Uint8Array };
}
