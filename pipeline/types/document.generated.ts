/* Generated from schema/document.schema.json by `npm run gen:types`. Do not edit. */

/**
 * One Dutch parliamentary written-questions document (Kamervragen): the questions, the government's answers and the metadata the text states. Unknown values are null, never guessed.
 */
export interface Document {
  /**
   * Official publication id (ah-tk-20182019-3922, kv-tk-2019Z15231) when known, else derived from the file name; stable across builds.
   */
  id: string;
  /**
   * answer: Aanhangsel with answers; supplementary_answer: nader antwoord; questions: questions without answer (kv-tk); postponement: Mededeling (uitstel antwoord).
   */
  type: 'answer' | 'supplementary_answer' | 'questions' | 'postponement';
  /**
   * Kamer the questions were asked in.
   */
  chamber: 'Tweede Kamer' | 'Eerste Kamer' | null;
  /**
   * Vergaderjaar, e.g. 2018-2019.
   */
  session_year: string | null;
  /**
   * Aanhangsel number within the session year.
   */
  number: number | null;
  /**
   * Zaak number of the Tweede Kamer, e.g. 2019Z15244.
   */
  case_number: string | null;
  /**
   * Subject of the questions: the text after the first 'over' up to '(ingezonden'.
   */
  title: string | null;
  /**
   * Members who asked the questions (vragensteller), in printed order; null when the text does not say.
   */
  askers: Asker[] | null;
  /**
   * Offices the questions were addressed to, one string per office.
   */
  addressees: string[] | null;
  /**
   * Date the questions were submitted (ingezonden).
   */
  submitted: string | null;
  /**
   * Date the answer was received by the chamber (ontvangen).
   */
  answered: string | null;
  /**
   * Calendar days from submitted to answered; null unless both are known.
   */
  response_days: number | null;
  /**
   * Who answered, as printed in 'Antwoord van …'.
   */
  answerer: null | Answerer;
  /**
   * Offices answering too ('mede namens …'), one string per office; [] when none, null when the rendering cannot tell.
   */
  co_answerers: string[] | null;
  /**
   * Key of the portfolio (ministries.key) that answers the questions: the answerer's portfolio, else the first addressee's; by the committed mapping data/entities/ministries.json; null when neither is stated or the spelling is not in the mapping (then the record has a normalize/unmapped-ministry warning).
   */
  ministry_key?: string | null;
  /**
   * Questions by printed number, one entry per number.
   */
  questions: Question[];
  /**
   * Answers, each with the question numbers it covers (grouped answers cover several).
   */
  answers: Answer[];
  footnotes: Footnote[];
  /**
   * Parliamentary papers and case numbers the text refers to.
   */
  references: Reference[];
  source: Source;
  /**
   * What the parser could not read with certainty.
   */
  warnings: Warning[];
}
export interface Asker {
  name: string;
  party: string | null;
  /**
   * The name as printed with the rendering's quirks repaired (a spacing accent joined to its letter, decomposed diacritics composed, a particle glued to the next word split: Kostic´ → Kostić, Inge vanDijk → Inge van Dijk); nothing else changed. Absent only in records of an older build.
   */
  canonical_name?: string;
  /**
   * The asker's initials as the publication's metadata.xml states them (indiener), e.g. S.W.; null when it does not.
   */
  initials?: string | null;
  /**
   * Key of the party (parties.key) the printed party spelling maps to, by the committed mapping data/entities/parties.json; null when no party is printed or the spelling is not in the mapping (then the record has a normalize/unmapped-party warning).
   */
  party_key?: string | null;
  /**
   * Key of the member (persons.key), by data/entities/persons.json: set only when exactly one listed member has this name, sat for this party in this year and has these initials (where stated); null otherwise, never a guess.
   */
  person_key?: string | null;
}
export interface Answerer {
  /**
   * Minister, Staatssecretaris, Minister-president …
   */
  role: string | null;
  name: string | null;
  /**
   * The portfolio in brackets, e.g. Buitenlandse Zaken.
   */
  portfolio: string | null;
}
export interface Question {
  number: number;
  /**
   * All printed numbers this entry holds: [number], or several when a block could not be split.
   *
   * @minItems 1
   */
  numbers: number[];
  text: string;
  /**
   * Numbers of the footnotes marked in the text.
   */
  footnotes: number[];
}
export interface Answer {
  /**
   * Numbers of the questions this answer covers.
   *
   * @minItems 1
   */
  questions: number[];
  text: string;
  footnotes: number[];
}
export interface Footnote {
  number: number;
  text: string;
  urls: string[];
}
export interface Reference {
  /**
   * kamerstuk: 'Kamerstuk 21 501-20, nr. 1596'; aanhangsel: 'Aanhangsel Handelingen II 2019/20, nr. 123'; case: a zaak or kenmerk number such as 2019Z12806.
   */
  kind: 'kamerstuk' | 'aanhangsel' | 'case';
  text: string;
  /**
   * Kamerstuk dossier number without spaces, e.g. 21501-20.
   */
  dossier: string | null;
  number: number | null;
  /**
   * Normalised id: ah-tk-20192020-123 for an Aanhangsel, 2019Z12806 for a case, kst-21501-20-1596 for a Kamerstuk.
   */
  identifier: string | null;
}
export interface Source {
  /**
   * Path of the source file relative to the documents folder, "/"-separated; the same wherever the build runs.
   */
  path: string;
  /**
   * Rendering the record was parsed from.
   */
  format:
    'pdf-text' | 'pdf-markdown' | 'pdf' | 'ob-xml' | 'ob-html' | 'odt' | 'page-text' | 'sgd-ocr';
  sha256: string;
  /**
   * The official publication (https://zoek.officielebekendmakingen.nl/<id>) for a record with an official id, or the page its metadata states; null for an id derived from a file name.
   */
  url: string | null;
  /**
   * Collection the source belongs to: officielebekendmakingen = the official publications from 1995 on (XML, HTML, PDF and their text renderings); sgd = Staten-Generaal Digitaal, scanned pages before 1995 read by OCR (less certain: see the warnings).
   */
  collection?: 'officielebekendmakingen' | 'sgd';
}
export interface Warning {
  code: string;
  message: string;
  /**
   * JSON path of the field concerned, e.g. /answers/3.
   */
  field: string | null;
  line: number | null;
}
