// The Dutch words behind each field, as printed in the Aanhangsel van de Handelingen, and an
// example value (from ah-tk-20182019-3922, Sjoerdsma to Kaag, unless said otherwise).
// Keys are record paths (askers[].party); CSV columns are looked up as table.column first,
// then through COLUMN_PATHS, then by their own name.

export interface Term {
  /** Dutch term(s), as they appear in the documents. */
  dutch?: string;
  example?: string;
  /** Meaning, for fields the schema does not describe. */
  meaning?: string;
}

export const GLOSSARY: Readonly<Record<string, Term>> = {
  id: {
    dutch: 'publicatie-id (ah-tk-…: Aanhangsel Tweede Kamer; kv-tk-…: Kamervragen zonder antwoord)',
    example: 'ah-tk-20182019-3922',
  },
  type: { dutch: 'antwoord · nader antwoord · vragen · mededeling (uitstel)', example: 'answer' },
  chamber: { dutch: 'Kamer (Tweede Kamer, Eerste Kamer)', example: 'Tweede Kamer' },
  session_year: { dutch: 'vergaderjaar', example: '2018-2019' },
  number: { dutch: 'nummer (Aanhangsel nr.)', example: '3922' },
  case_number: { dutch: 'zaaknummer', example: '2019Z15244' },
  title: {
    dutch: 'onderwerp ("over …")',
    example:
      'het bericht «Berucht Chinees veiligheidsministerie gebruikt Nederlandse software die emoties leest»',
  },
  askers: { dutch: 'vragensteller(s) ("Vragen van het lid …")', example: 'Sjoerdsma (D66)' },
  'askers[].name': {
    meaning: 'Name of the member as printed, e.g. Van Helvert.',
    dutch: 'naam van het Kamerlid',
    example: 'Sjoerdsma',
  },
  'askers[].party': {
    meaning: 'Party (fractie) as printed; null when not stated.',
    dutch: 'fractie (partij)',
    example: 'D66',
  },
  addressees: {
    dutch: 'gericht aan ("aan de Minister van …")',
    example: 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
  },
  submitted: { dutch: 'ingezonden', example: '2019-07-18' },
  answered: { dutch: 'ontvangen (datum van het antwoord)', example: '2019-09-10' },
  response_days: { dutch: 'antwoordtermijn in dagen (norm: drie weken)', example: '54' },
  answerer: {
    dutch: 'beantwoorder ("Antwoord van …")',
    example: 'Minister Kaag (Buitenlandse Handel en Ontwikkelingssamenwerking)',
  },
  'answerer.role': {
    dutch: 'functie (minister, staatssecretaris, minister-president)',
    example: 'Minister',
  },
  'answerer.name': {
    meaning: 'Surname of the member of government who answered.',
    dutch: 'naam van de bewindspersoon',
    example: 'Kaag',
  },
  'answerer.portfolio': {
    dutch: 'portefeuille (ministerie)',
    example: 'Buitenlandse Handel en Ontwikkelingssamenwerking',
  },
  co_answerers: { dutch: 'mede namens', example: 'Minister van Buitenlandse Zaken' },
  questions: { dutch: 'vragen ("Vraag 1", "Vraag 4, 5")' },
  'questions[].number': {
    meaning: 'The printed question number.',
    dutch: 'vraagnummer',
    example: '1',
  },
  'questions[].numbers': { dutch: 'vraagnummers van een blok ("Vraag 4, 5")', example: '[4, 5]' },
  'questions[].text': {
    meaning: 'The question as running text; paragraphs separated by a blank line.',
    dutch: 'tekst van de vraag',
    example: 'Bent u bekend met het bericht «Berucht Chinees veiligheidsministerie …»?',
  },
  'questions[].footnotes': { dutch: 'voetnootnummers in de vraag', example: '[1]' },
  answers: { dutch: 'antwoorden ("Antwoord 1", "Antwoord op vraag 3, 4 en 5")' },
  'answers[].questions': { dutch: 'beantwoorde vraagnummers', example: '[4, 5]' },
  'answers[].text': {
    meaning: 'The answer as running text; paragraphs separated by a blank line.',
    dutch: 'tekst van het antwoord',
    example: 'Ja.',
  },
  'answers[].footnotes': {
    meaning: 'Numbers of the footnotes marked in the answer.',
    dutch: 'voetnootnummers in het antwoord',
    example: '[2]',
  },
  footnotes: { meaning: 'Footnotes of the document, by number.', dutch: 'voetnoten' },
  'footnotes[].number': {
    meaning: 'The printed footnote number.',
    dutch: 'voetnootnummer',
    example: '1',
  },
  'footnotes[].text': {
    meaning: 'The footnote text.',
    dutch: 'tekst van de voetnoot',
    example: 'https://decorrespondent.nl/…',
  },
  'footnotes[].urls': {
    meaning: 'The web addresses in the footnote, in order.',
    dutch: 'links in de voetnoot',
    example: 'https://decorrespondent.nl/…',
  },
  references: { dutch: 'verwijzingen naar Kamerstukken, Aanhangsels en zaken' },
  'references[].kind': { dutch: 'soort: kamerstuk · aanhangsel · zaak', example: 'kamerstuk' },
  'references[].text': {
    meaning: 'The reference as printed.',
    dutch: 'verwijzing zoals gedrukt',
    example: 'Kamerstuk 21 501-20, nr. 1596',
  },
  'references[].dossier': { dutch: 'dossiernummer (Kamerstuk)', example: '21501-20' },
  'references[].number': {
    meaning: 'Number within the dossier (Kamerstuk) or session year (Aanhangsel).',
    dutch: 'ondernummer (nr.)',
    example: '1596',
  },
  'references[].identifier': { dutch: 'genormaliseerde id', example: 'kst-21501-20-1596' },
  source: { meaning: 'The file the record was parsed from.', dutch: 'bron' },
  'source.path': {
    dutch: 'bronbestand',
    example: 'ah-tk-20182019-3922.kaag-sjoerdsma-emotieherkenningssoftware.pdf.txt',
  },
  'source.format': { dutch: 'weergave (pdf-tekst, XML, HTML …)', example: 'pdf-text' },
  'source.sha256': {
    meaning: 'SHA-256 of the source file, in hex.',
    dutch: 'controlegetal van het bronbestand',
    example: '55da38d9b77654c3c51384c71db9f1e7e06d1f28df2e92e796edc9f1a0e74eb7',
  },
  'source.url': {
    dutch: 'vindplaats (officielebekendmakingen.nl)',
    example: 'https://zoek.officielebekendmakingen.nl/ah-tk-20182019-3922',
  },
  'source.collection': {
    dutch: 'collectie (officielebekendmakingen.nl; Staten-Generaal Digitaal)',
    example: 'officielebekendmakingen',
  },
  warnings: { dutch: 'waarschuwingen van de parser' },
  'warnings[].code': {
    meaning: 'What kind of doubt, as stage/what.',
    example: 'parse/split-block',
  },
  'warnings[].message': {
    meaning: 'What the parser could not read, for a person.',
    example: 'Vraag 4, 5 kept as one block',
  },
  'warnings[].field': { example: '/questions/3' },
  'warnings[].line': { meaning: 'Line of the source text concerned, from 1.', example: '42' },
  // CSV-only columns.
  document_id: { dutch: 'publicatie-id van het document', example: 'ah-tk-20182019-3922' },
  position: { dutch: 'volgorde in het document', example: '1' },
  asker_parties: { dutch: 'fracties van de vragenstellers', example: 'D66' },
  answer_text: { dutch: 'tekst van het antwoord op deze vraag', example: 'Ja.' },
  question_count: { dutch: 'aantal vragen', example: '10' },
  answer_count: { dutch: 'aantal antwoorden', example: '8' },
  footnote_count: { dutch: 'aantal voetnoten', example: '4' },
  reference_count: { dutch: 'aantal verwijzingen', example: '1' },
  source_sha256: {
    dutch: 'controlegetal van het bronbestand',
    example: '55da38d9b77654c3c51384c71db9f1e7e06d1f28df2e92e796edc9f1a0e74eb7',
  },
  warning_count: { dutch: 'aantal waarschuwingen', example: '0' },
  asker_count: { dutch: 'aantal vragenstellers', example: '1' },
  addressee_count: { dutch: 'aantal geadresseerden', example: '1' },
  co_answerer_count: { dutch: 'aantal medeondertekenaars', example: '0' },
  question_number: { dutch: 'vraagnummer', example: '4' },
  answer_position: { dutch: 'volgnummer van het antwoord', example: '3' },
  'documents.askers': { dutch: 'vragensteller(s)', example: 'Sjoerdsma (D66)' },
  'documents.questions': { dutch: 'vraagnummers', example: '1; 2; 3' },
  'questions.footnotes': { dutch: 'voetnootnummers in de vraag', example: '1' },
  'answers.questions': { dutch: 'beantwoorde vraagnummers', example: '4; 5' },
  'answers.footnotes': { dutch: 'voetnootnummers in het antwoord', example: '2' },
  'footnotes.urls': { dutch: 'links in de voetnoot', example: 'https://decorrespondent.nl/…' },
  // Normalized values and the cases table.
  'askers[].canonical_name': { dutch: 'naam (zonder weergavefouten)', example: 'Kostić' },
  'askers[].initials': { dutch: 'voorletters (indiener in metadata.xml)', example: 'S.W.' },
  'askers[].party_key': { dutch: 'fractie (sleutel)', example: 'PvdA (for "P.v.d.A.")' },
  'askers[].person_key': { dutch: 'Kamerlid (sleutel)', example: 'sjoerd-sjoerdsma' },
  ministry_key: {
    dutch: 'beantwoordend ministerie of portefeuille (sleutel)',
    example: 'buitenlandse-handel-en-ontwikkelingssamenwerking',
  },
  asker_party_keys: { dutch: 'fracties van de vragenstellers (sleutels)', example: 'D66' },
  'cases.case_number': { dutch: 'zaaknummer', example: '2019Z15244' },
  'cases.postponement_count': { dutch: 'aantal uitstelberichten', example: '1' },
  'cases.postponement_dates': {
    dutch: 'data van de uitstelberichten (mededeling)',
    example: '2019-08-08',
  },
  'cases.days_to_answer': { dutch: 'antwoordtermijn in dagen', example: '54' },
  'cases.within_norm': { dutch: 'binnen de termijn van drie weken', example: 'false' },
  'cases.postponed': { dutch: 'uitgesteld (mededeling uitstel antwoord)', example: 'true' },
  'cases.open': { dutch: 'nog niet beantwoord op de releasedatum', example: 'false' },
  'cases.days_open': { dutch: 'dagen open tot de releasedatum', example: '30' },
  'cases.open_past_norm': { dutch: 'open en over de termijn van drie weken', example: 'true' },
  'parties.key': { dutch: 'fractie (sleutel)', example: 'GL-PvdA' },
  'ministries.key': {
    dutch: 'ministerie of portefeuille (sleutel)',
    example: 'buitenlandse-zaken',
  },
  'ministries.department': { dutch: 'ministerie (departement)', example: 'buitenlandse-zaken' },
  'persons.key': { dutch: 'Kamerlid (sleutel)', example: 'sjoerd-sjoerdsma' },
  'mappings.printed': { dutch: 'zoals gedrukt', example: 'P.v.d.A.' },
};

/** CSV column → record path, where the column holds the same thing as a record field. */
export const COLUMN_PATHS: Readonly<Record<string, string>> = {
  'documents.answerer_role': 'answerer.role',
  'documents.answerer_name': 'answerer.name',
  'documents.answerer_portfolio': 'answerer.portfolio',
  'documents.source_path': 'source.path',
  'documents.source_format': 'source.format',
  'documents.source_url': 'source.url',
  'documents.source_collection': 'source.collection',
  'askers.name': 'askers[].name',
  'askers.party': 'askers[].party',
  'askers.canonical_name': 'askers[].canonical_name',
  'askers.initials': 'askers[].initials',
  'askers.party_key': 'askers[].party_key',
  'askers.person_key': 'askers[].person_key',
  'cases.ministry_key': 'ministry_key',
  'questions.number': 'questions[].number',
  'questions.numbers': 'questions[].numbers',
  'questions.text': 'questions[].text',
  'answers.text': 'answers[].text',
  'footnotes.number': 'footnotes[].number',
  'footnotes.text': 'footnotes[].text',
  'references.kind': 'references[].kind',
  'references.text': 'references[].text',
  'references.dossier': 'references[].dossier',
  'references.number': 'references[].number',
  'references.identifier': 'references[].identifier',
};

export function lookupTerm(table: string, column: string): Term | undefined {
  return (
    GLOSSARY[`${table}.${column}`] ??
    GLOSSARY[COLUMN_PATHS[`${table}.${column}`] ?? ''] ??
    GLOSSARY[column]
  );
}
