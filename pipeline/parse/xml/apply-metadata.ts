import type { Diagnostic } from '../../errors.ts';
import type { Document, Warning } from '../../types.ts';
import { daysBetween } from '../common/dates.ts';
import { statedUrl } from '../common/official-url.ts';
import type { PublicationMetadata } from './read-metadata.ts';

// The publication's own metadata (metadata.xml beside the document, or the HTML head) fills what
// the content does not state: the official id, the zaak number (OVERHEIDop.vraagnummer), the
// session year and number, and the kind of publication. Where content and metadata disagree the
// content's value stays (it is what was printed), except the id and the type, which the metadata
// defines, and a warning names both.
export function applyMetadata(
  document: Document,
  meta: PublicationMetadata,
  file: string,
): { document: Document; diagnostics: Diagnostic[] } {
  const warnings: Warning[] = [];
  const doc: Document = { ...document };
  const disagree = (
    field: string,
    content: unknown,
    metadata: unknown,
    kept: 'content' | 'metadata',
  ) =>
    warnings.push({
      code: 'metadata/conflict',
      message: `the text says ${JSON.stringify(content)} but the metadata says ${JSON.stringify(metadata)}; kept the ${kept}'s value`,
      field: `/${field}`,
      line: null,
    });

  if (!meta.isKamervragen && meta.publication) {
    warnings.push({
      code: 'metadata/not-kamervragen',
      message: `the metadata describes a "${meta.publication}", not Kamervragen`,
      field: null,
      line: null,
    });
  }
  if (meta.id && meta.id !== doc.id) {
    if (/^(ah|kv)-/.test(doc.id)) disagree('id', doc.id, meta.id, 'metadata');
    doc.id = meta.id;
  }
  const fill = <K extends 'chamber' | 'session_year' | 'number' | 'case_number' | 'submitted'>(
    field: K,
    value: Document[K] | null,
  ) => {
    if (value === null || value === undefined) return;
    if (doc[field] === null) doc[field] = value;
    else if (doc[field] !== value) disagree(field, doc[field], value, 'content');
  };
  fill('chamber', meta.chamber);
  fill('session_year', meta.sessionYear);
  fill('number', meta.number);
  fill('case_number', meta.caseNumber);
  fill('submitted', meta.submitted);
  // datumOntvangst is the day the chamber received the reply: the "(ontvangen …)" date.
  if (meta.received && doc.type !== 'questions') {
    if (doc.answered === null) doc.answered = meta.received;
    else if (doc.answered !== meta.received)
      disagree('answered', doc.answered, meta.received, 'content');
  }
  if (meta.type && meta.type !== doc.type) {
    // A "nader antwoord" or a Mededeling is often headed "Antwoord van …" in the text itself.
    if (
      doc.type === 'answer' &&
      (meta.type === 'supplementary_answer' || meta.type === 'postponement')
    ) {
      doc.type = meta.type;
    } else {
      disagree('type', doc.type, meta.type, 'content');
    }
  }
  const url = statedUrl(meta.url, doc.id);
  if (url !== null && doc.source.url === null) doc.source = { ...doc.source, url };
  doc.response_days = daysBetween(doc.submitted, doc.answered);
  doc.warnings = [...doc.warnings, ...warnings];
  const diagnostics: Diagnostic[] = warnings.map((w) => ({
    severity: 'warning',
    code: w.code,
    message: w.message,
    file,
    ...(w.field === null ? {} : { field: w.field }),
  }));
  return { document: doc, diagnostics };
}
