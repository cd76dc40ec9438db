// Checks a downloaded file before it may be saved. Pure. The repository can answer 200 with an
// error or "not found" page (FORMATS.md §2.5), and a proxy can answer with anything; only a
// well-formed publication of the expected identifier is kept.
import type { Diagnostic } from '../errors.ts';
import { parseXml, type XmlElement } from './xml-tree.ts';

export type FileRole = 'publication' | 'metadata';

const EXPECTED_ROOT: Record<FileRole, string> = {
  publication: 'officiele-publicatie',
  metadata: 'metadata_gegevens',
};

function metadataValue(root: XmlElement, name: string): string | null {
  const entry = root.children.find((c) => c.name === 'metadata' && c.attrs.name === name);
  return entry?.attrs.content?.trim() ?? null;
}

/**
 * The identifier a publication names for itself: its `DC.identifier` meta, else the record
 * its `OVERHEIDop.externMetadataRecord` points at (`…/<id>/metadata.xml`), else null.
 */
export function statedPublicationId(root: XmlElement): string | null {
  const metadata = root.children.find((c) => c.name === 'metadata');
  if (!metadata) return null;
  const meta = (name: string) =>
    metadata.children
      .find((c) => c.name === 'meta' && c.attrs.name === name)
      ?.attrs.content?.trim();
  const direct = meta('DC.identifier');
  if (direct) return direct;
  const record = meta('OVERHEIDop.externMetadataRecord');
  const match = record ? /\/([^/]+)\/metadata\.xml$/.exec(record) : null;
  return match?.[1] ?? null;
}

/** Returns the problems with `bytes` as the `role` file of publication `identifier`; empty means fine. */
export function checkPublicationFile(
  bytes: Uint8Array,
  role: FileRole,
  identifier: string,
  file: string,
): Diagnostic[] {
  const problem = (code: string, message: string, line?: number): Diagnostic[] => [
    { severity: 'error', code, message, file, ...(line === undefined ? {} : { line }) },
  ];
  if (bytes.length === 0)
    return problem('fetch/empty-file', `the ${role} file of ${identifier} is empty`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem('fetch/not-utf8', `the ${role} file of ${identifier} is not UTF-8`);
  }
  if (/^\uFEFF?\s*(<!doctype html|<html)/i.test(text)) {
    return problem(
      'fetch/error-page',
      `the server sent an HTML page instead of the ${role} file of ${identifier} (an error page served with status 200?)`,
    );
  }
  const parsed = parseXml(text);
  if (!parsed.ok)
    return problem(
      'fetch/malformed-xml',
      `the ${role} file of ${identifier} is not well-formed XML: ${parsed.message}`,
      parsed.line,
    );
  const root = parsed.root;
  if (root.ns !== '' || root.name !== EXPECTED_ROOT[role]) {
    return problem(
      'fetch/unexpected-root',
      `expected <${EXPECTED_ROOT[role]}> as the ${role} file of ${identifier}, found <${root.name}> (an error page served with status 200?)`,
    );
  }
  const stated =
    role === 'metadata' ? metadataValue(root, 'DC.identifier') : statedPublicationId(root);
  if (stated !== null && stated !== identifier) {
    return problem(
      'fetch/identifier-mismatch',
      `the ${role} file fetched for ${identifier} is ${stated}; not saved under another publication's name`,
    );
  }
  return [];
}
