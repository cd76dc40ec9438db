import { hash } from 'node:crypto';
import type { Diagnostic } from '../errors.ts';
import type { Document, SourceFile, SourceFormat } from '../types.ts';
import { decodeText } from '../extract/decode-text.ts';
import { detectContainer, detectMarkup } from '../extract/detect-format.ts';
import { extractOdtText } from '../extract/odt-text.ts';
import { parseHtmlSafely, parseXmlSafely } from '../extract/parse-markup.ts';
import { extractPdfText } from '../extract/pdf-text.ts';
import { htmlToText, parseObHtml } from './html/parse-ob-html.ts';
import { isSgdOcr, parseOcr } from './ocr/parse-ocr.ts';
import { detectTextFormat } from './text/detect-format.ts';
import { parseText } from './text/parse-text.ts';
import { officialUrl } from './common/official-url.ts';
import { applyMetadata } from './xml/apply-metadata.ts';
import { parseObXml } from './xml/parse-ob-xml.ts';
import { readMetadataXml, type PublicationMetadata } from './xml/read-metadata.ts';

export interface ParseResult {
  /** null when the file could not be parsed at all; diagnostics then say why. */
  document: Document | null;
  diagnostics: Diagnostic[];
  /** The publication's metadata.xml, when the file came with one (the normalize stage reads its indiener). */
  metadata?: PublicationMetadata | null;
}

export interface ParseOptions {
  /** Overrides detection. */
  format?: SourceFormat;
}

const TEXT_FORMATS: readonly SourceFormat[] = ['pdf-text', 'pdf-markdown', 'page-text'];

// The one entry point from bytes to a Document: detect the rendering from the content (PDF
// magic, ODT zip, officielebekendmakingen XML or HTML, else text), extract, parse, and let the
// publication's metadata.xml (SourceFile.sidecars.metadataXml) fill what the content leaves open.
// Every failure, expected or not, comes back as an error diagnostic naming the file.
export async function parseSource(
  file: SourceFile,
  options: ParseOptions = {},
): Promise<ParseResult> {
  try {
    // One-shot hash: a Hash object per file costs more than hashing a small file.
    const sha256 = hash('sha256', file.bytes, 'hex');
    const sidecar = readSidecar(file);
    const parsed = withCollection(await parseContent(file, sha256, options.format));
    const diagnostics = [...sidecar.diagnostics, ...parsed.diagnostics];
    if (!parsed.document) return { document: null, diagnostics };
    const document = withStorePath(parsed.document, file);
    if (!sidecar.metadata) return { document: withOfficialUrl(document), diagnostics };
    const merged = applyMetadata(document, sidecar.metadata, file.path);
    return {
      document: withOfficialUrl(merged.document),
      diagnostics: [...diagnostics, ...merged.diagnostics],
      metadata: sidecar.metadata,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      document: null,
      diagnostics: [
        {
          severity: 'error',
          code: 'parse/internal',
          message: `unexpected failure while reading the file (a bug): ${message}`,
          file: file.path,
        },
      ],
    };
  }
}

// source.path names the file within the documents folder, so building the same documents from
// another folder (or a checkout elsewhere) gives the same records; messages keep file.path.
function withStorePath(doc: Document, file: SourceFile): Document {
  if (file.storePath === undefined || file.storePath === doc.source.path) return doc;
  return { ...doc, source: { ...doc.source, path: file.storePath } };
}

// Every record with an official id leads back to the publication (the metadata's own statement
// of it, applied before, wins).
function withOfficialUrl(doc: Document): Document {
  if (doc.source.url !== null) return doc;
  const url = officialUrl(doc.id);
  return url === null ? doc : { ...doc, source: { ...doc.source, url } };
}

function readSidecar(file: SourceFile): {
  metadata: PublicationMetadata | null;
  diagnostics: Diagnostic[];
} {
  const bytes = file.sidecars?.metadataXml;
  if (!bytes) return { metadata: null, diagnostics: [] };
  const path = file.path.replace(/\.[^./\\]+$/, '') + '.metadata.xml';
  const decoded = decodeText(bytes, path);
  if (!decoded.ok)
    return { metadata: null, diagnostics: [{ ...decoded.diagnostic, severity: 'warning' }] };
  const { metadata, diagnostics } = readMetadataXml(decoded.text, path);
  // A broken sidecar costs the metadata, not the document.
  return {
    metadata,
    diagnostics: diagnostics.map((d) => ({ ...d, severity: 'warning' as const })),
  };
}

async function parseContent(
  file: SourceFile,
  sha256: string,
  forced: SourceFormat | undefined,
): Promise<ParseResult> {
  const ctx = { path: file.path, sha256 };
  const container = detectContainer(file.bytes);
  if (forced === 'pdf' || (forced === undefined && container === 'pdf')) {
    const extracted = await extractPdfText(file.bytes, file.path);
    if (!extracted.ok) return { document: null, diagnostics: [extracted.diagnostic] };
    return withDiagnostics(
      extracted.diagnostics,
      parseText(extracted.text, { ...ctx, format: 'pdf' }),
    );
  }
  if (forced === 'odt' || (forced === undefined && container === 'zip')) {
    const extracted = extractOdtText(file.bytes, file.path);
    if (!extracted.ok) return { document: null, diagnostics: [extracted.diagnostic] };
    return withDiagnostics(
      extracted.diagnostics,
      parseText(extracted.text, { ...ctx, format: 'odt' }),
    );
  }
  const mismatch = forced === undefined ? extensionMismatch(file.path, container) : null;
  if (mismatch) return { document: null, diagnostics: [mismatch] };
  const decoded = decodeText(file.bytes, file.path);
  if (!decoded.ok) return { document: null, diagnostics: [decoded.diagnostic] };
  const text = decoded.text;
  const markup =
    forced === 'ob-xml'
      ? 'xml'
      : forced === 'ob-html'
        ? 'html'
        : forced
          ? null
          : detectMarkup(text);

  if (markup === 'xml') {
    const parsed = parseXmlSafely(text, file.path);
    if (!parsed.ok)
      return { document: null, diagnostics: [...decoded.diagnostics, parsed.diagnostic] };
    return withDiagnostics(
      decoded.diagnostics,
      parseObXml(parsed.root, { ...ctx, format: 'ob-xml' }),
    );
  }
  if (markup === 'html') return parseHtmlContent(text, ctx, decoded.diagnostics);
  if (forced === 'sgd-ocr' || (forced === undefined && isSgdOcr(text)))
    return withDiagnostics(decoded.diagnostics, parseOcr(text, ctx));
  const format = forced && TEXT_FORMATS.includes(forced) ? forced : detectTextFormat(text);
  return withDiagnostics(decoded.diagnostics, parseText(text, { ...ctx, format }));
}

// An officielebekendmakingen page (div.vraag/div.antwoord with its own metadata), else any page's
// text.
function parseHtmlContent(
  text: string,
  ctx: { path: string; sha256: string },
  decoded: Diagnostic[],
): ParseResult {
  const { path } = ctx;
  const parsed = parseHtmlSafely(text, path);
  if (!parsed.ok) return { document: null, diagnostics: [...decoded, parsed.diagnostic] };
  const html = parseObHtml(parsed.root, { ...ctx, format: 'ob-html' });
  if (html.metadata && !html.metadata.isKamervragen && html.metadata.publication) {
    return notKamervragen(
      path,
      `the page is a "${html.metadata.publication}" publication`,
      decoded,
    );
  }
  if (html.document) {
    const own = html.metadata
      ? applyMetadata(html.document, html.metadata, path)
      : { document: html.document, diagnostics: [] };
    return {
      document: own.document,
      diagnostics: [...decoded, ...html.diagnostics, ...own.diagnostics],
    };
  }
  if (html.diagnostics.some((d) => d.severity === 'error')) {
    return { document: null, diagnostics: [...decoded, ...html.diagnostics] };
  }
  // A page without div.vraag/div.antwoord (another site's layout): read its text.
  return withDiagnostics(
    decoded,
    parseText(htmlToText(parsed.root), { ...ctx, format: 'page-text' }),
  );
}

// The name is never trusted to pick the reader, but a ".pdf" or ".odt" whose bytes are something
// else is a damaged or mislabelled download: say so instead of reading it as text.
function extensionMismatch(path: string, container: 'pdf' | 'zip' | 'text'): Diagnostic | null {
  const ext = /\.(pdf|odt)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'pdf' && container !== 'pdf') {
    return {
      severity: 'error',
      code: 'extract/not-pdf',
      message: 'the file is named .pdf but has no %PDF header (damaged or not a PDF)',
      file: path,
    };
  }
  if (ext === 'odt' && container !== 'zip') {
    return {
      severity: 'error',
      code: 'extract/not-odt',
      message: 'the file is named .odt but is not a ZIP container (damaged or not an ODT)',
      file: path,
    };
  }
  return null;
}

// Which collection a record comes from follows from its rendering: only the scanned pages of
// Staten-Generaal Digitaal are read by OCR.
function withCollection(result: ParseResult): ParseResult {
  const doc = result.document;
  if (!doc) return result;
  const collection = doc.source.format === 'sgd-ocr' ? 'sgd' : 'officielebekendmakingen';
  return { ...result, document: { ...doc, source: { ...doc.source, collection } } };
}

function withDiagnostics(before: Diagnostic[], result: ParseResult): ParseResult {
  return before.length === 0
    ? result
    : { document: result.document, diagnostics: [...before, ...result.diagnostics] };
}

function notKamervragen(file: string, why: string, before: Diagnostic[]): ParseResult {
  return {
    document: null,
    diagnostics: [
      ...before,
      {
        severity: 'error',
        code: 'extract/not-kamervragen',
        message: `not a Kamervragen document: ${why}`,
        file,
      },
    ],
  };
}
