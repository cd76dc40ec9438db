import type { DataDictionary } from './build-dictionary.ts';

// The dictionary as Markdown (docs/DATA-DICTIONARY.md and the README section).

const cell = (s: string | null) => (s ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');

export const DICTIONARY_COMMAND = 'npx kamervragen dictionary';

// The historical part is read by OCR from scanned pages: what that means for each field.
const HISTORICAL = [
  '## Historical records (before 1995)',
  '',
  'Records whose `source.collection` is `sgd` come from Staten-Generaal Digitaal: the scanned',
  '*Aanhangsel van de Handelingen* (before 1975 *Aanhangsel tot het Verslag*) of 1908–1994, read',
  'from the OCR text (`source.format` `sgd-ocr`). They carry the same fields, with less certainty:',
  '',
  '- `id` is `ah-tk-19791980-1590` (`ah-ek-…` for the Eerste Kamer) when the page prints the',
  '  session year and the Aanhangsel number; otherwise it is the file name, `sgd-<10-digit SGD id>`.',
  '- `session_year` comes from "Zitting"/"Vergaderjaar" or, on older pages, the page footer',
  '  ("Handelingen der Staten-Generaal. 1935—1936").',
  '- Names, parties and titles are as printed, OCR errors included ("Deokers" for Deckers); parties',
  '  in the spelling of the time ("P.v.d.A.", "K.V.P."); pages before about 1950 print none.',
  '- Before 1975 the answer\'s date is printed "(Ingezonden …)"; it is `answered`.',
  '- Question and answer numbers the scan dropped are assigned by position (`ocr/number-inferred`);',
  '  paragraphs that cannot be placed stay inside the block before them (`ocr/kept-whole`); text',
  '  whose column order the scan mixed up is kept where it stands and flagged (`ocr/reading-order`),',
  '  never reordered. A page holding more items is read for its first (`ocr/several-documents`).',
  '- `case_number` is always null (zaak numbers began later); `footnotes` hold only numbered notes.',
  '',
];

export function renderDictionaryMarkdown(d: DataDictionary): string {
  const out: string[] = [
    '# Data dictionary',
    '',
    `<!-- Generated from schema/document.schema.json and dist/datapackage.json by \`${DICTIONARY_COMMAND}\`; do not edit by hand. -->`,
    '',
    'Every file of the dataset, every column, its type, what it means, the Dutch term used in the',
    'source documents, and an example (from `ah-tk-20182019-3922`, Sjoerdsma to Kaag). Unknown',
    'values are `null` in JSON and empty in CSV. In the CSV tables, lists inside one cell are separated',
    'by `; `; every cell is the exact value of the record (spreadsheet users open the workbook of a session year, `kamervragen-X.Y.Z-YYYY-YYYY.xlsx`,',
    'whose cells are typed text, instead). A `*_count` column tells an empty list (0) from an unknown one (empty).',
    '',
    ...HISTORICAL,
  ];
  out.push('| File | One row per | Key |', '| --- | --- | --- |');
  for (const t of d.tables)
    out.push(
      `| [${t.files}](#${anchor(t)}) | ${cell(rowsOf(t))} | ${cell(t.key ? `\`${t.key}\`` : '')} |`,
    );
  out.push('');
  for (const t of d.tables) {
    out.push(`## ${heading(t)}`, '', cell(t.description), '');
    out.push(
      '| Column | Type | Meaning | Dutch term | Example |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const f of t.fields) {
      const name = `\`${f.name}\``;
      out.push(
        `| ${name} | ${cell(f.type)} | ${cell(f.meaning)} | ${cell(f.dutch ? `*${f.dutch}*` : '')} | ${cell(f.example ? `\`${f.example}\`` : '')} |`,
      );
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The README section: the Dutch terms people search for, the files, and a link to the full page. */
export function renderDictionarySection(d: DataDictionary): string {
  const lines = [
    '## Data dictionary',
    '',
    `The full dictionary, every column of every file with its type, meaning, Dutch term and an example, is in [docs/DATA-DICTIONARY.md](docs/DATA-DICTIONARY.md) (generated: \`${DICTIONARY_COMMAND}\`; CI checks it matches the schema).`,
    '',
    '| File | One row per | Key |',
    '| --- | --- | --- |',
    ...d.tables.map(
      (t) => `| \`${t.files}\` | ${cell(rowsOf(t))} | ${t.key ? `\`${t.key}\`` : ''} |`,
    ),
    '',
    'The Dutch terms behind the main fields:',
    '',
    '| Field | Dutch | Meaning |',
    '| --- | --- | --- |',
  ];
  const record = d.tables.find((t) => t.name === 'record');
  const key = [
    'submitted',
    'answered',
    'response_days',
    'askers',
    'askers[].party',
    'co_answerers',
    'session_year',
    'number',
    'case_number',
    'answerer.portfolio',
    'title',
  ];
  for (const name of key) {
    const f = record?.fields.find((x) => x.name === name);
    if (f) lines.push(`| \`${f.name}\` | *${cell(f.dutch)}* | ${cell(f.meaning)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function heading(t: { name: string; files: string }): string {
  return t.name === 'record' ? `Records: ${t.files}` : t.files;
}

function anchor(t: { name: string; files: string }): string {
  // GitHub's heading anchors: lower-case, spaces to dashes, punctuation other than - and _ dropped.
  return heading(t)
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

function rowsOf(t: { name: string; description: string }): string {
  return t.name === 'record'
    ? 'document, with its questions, answers and footnotes nested'
    : firstSentence(t.description);
}

function firstSentence(s: string): string {
  const m = /^(.*?[.:])(\s|$)/.exec(s);
  return (m?.[1] ?? s).replace(/^One row per /i, '').replace(/[.:]$/, '');
}
