import formatsModule from 'ajv-formats/dist/formats.js';
import { FORMATS } from '../extract/formats.ts';

// A hand-written check of schema/document.schema.json that only ever answers "certainly valid"
// or "ask ajv": every record the parser makes passes it, ajv is then not run (nor compiled), and
// a record it doubts goes to ajv, which says what is wrong. It may doubt a valid record (that
// costs time only), it must never pass an invalid one; tests/validate compares it with ajv.
// Any change to the schema needs the same change here (a test fails on a schema it was not
// written for).

// The date check ajv-formats runs for "format": "date" in its full mode.
const { fullFormats } = formatsModule as unknown as {
  fullFormats: { date: { validate: (value: string) => boolean } };
};
const isDate = fullFormats.date.validate;

// The schema's patterns, compiled as ajv compiles them (with the u flag).
const ID = /^[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]$/u;
const SESSION_YEAR = /^[0-9]{4}-[0-9]{4}$/u;
const CASE_NUMBER = /^[0-9]{4}Z[0-9]{5}$/u;
const SHA256 = /^[0-9a-f]{64}$/u;
const WARNING_CODE = /^[a-z]+\/[a-z0-9-]+$/u;

const TYPES = ['answer', 'supplementary_answer', 'questions', 'postponement'];
const CHAMBERS = ['Tweede Kamer', 'Eerste Kamer'];
const REFERENCE_KINDS = ['kamerstuk', 'aanhangsel', 'case'];
const COLLECTIONS = ['officielebekendmakingen', 'sgd'];

const DOCUMENT_KEYS = new Set([
  'id',
  'type',
  'chamber',
  'session_year',
  'number',
  'case_number',
  'title',
  'askers',
  'addressees',
  'submitted',
  'answered',
  'response_days',
  'answerer',
  'co_answerers',
  'questions',
  'answers',
  'footnotes',
  'references',
  'source',
  'warnings',
]);
// A record of the normalize stage has its optional keys too (ministry_key; the askers' keys);
// one straight from the parser has neither. Either set, exactly, is checked here.
const NORMALIZED_DOCUMENT_KEYS = new Set([...DOCUMENT_KEYS, 'ministry_key']);
const ASKER_KEYS = new Set(['name', 'party']);
const NORMALIZED_ASKER_KEYS = new Set([
  ...ASKER_KEYS,
  'canonical_name',
  'initials',
  'party_key',
  'person_key',
]);
const ANSWERER_KEYS = new Set(['role', 'name', 'portfolio']);
const QUESTION_KEYS = new Set(['number', 'numbers', 'text', 'footnotes']);
const ANSWER_KEYS = new Set(['questions', 'text', 'footnotes']);
const FOOTNOTE_KEYS = new Set(['number', 'text', 'urls']);
const REFERENCE_KEYS = new Set(['kind', 'text', 'dossier', 'number', 'identifier']);
const SOURCE_KEYS = new Set(['path', 'format', 'sha256', 'url']);
// source.collection is optional: a record without it is as valid as before the key existed.
const SOURCE_KEYS_WITH_COLLECTION = new Set([...SOURCE_KEYS, 'collection']);
const WARNING_KEYS = new Set(['code', 'message', 'field', 'line']);

type Obj = Record<string, unknown>;

/** An object (not an array) whose enumerable keys are exactly `keys`. */
function isObjectWith(value: unknown, keys: ReadonlySet<string>): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let n = 0;
  // for…in, as ajv's additionalProperties loop walks the keys.
  for (const key in value) {
    if (!keys.has(key)) return false;
    n++;
  }
  return n === keys.size;
}

// minLength 1 counts code points; a string of length >= 1 has at least one.
const isText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1;
const isTextOrNull = (v: unknown): boolean => v === null || isText(v);
const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isIntAtLeast = (v: unknown, min: number): boolean =>
  Number.isInteger(v) && (v as number) >= min;
const isIntAtLeastOrNull = (v: unknown, min: number): boolean => v === null || isIntAtLeast(v, min);
const isMatchOrNull = (v: unknown, re: RegExp): boolean =>
  v === null || (typeof v === 'string' && re.test(v));
const isDateOrNull = (v: unknown): boolean => v === null || (typeof v === 'string' && isDate(v));

function everyItem(v: unknown, ok: (item: unknown) => boolean, minItems = 0): boolean {
  if (!Array.isArray(v) || v.length < minItems) return false;
  for (const item of v) if (!ok(item)) return false;
  return true;
}

const isOffices = (v: unknown): boolean => v === null || everyItem(v, isText);
const isNumbers = (v: unknown): boolean => everyItem(v, (n) => isIntAtLeast(n, 0), 1);
const isFootnoteMarks = (v: unknown): boolean => everyItem(v, (n) => isIntAtLeast(n, 1));

function isAsker(v: unknown): boolean {
  if (isObjectWith(v, ASKER_KEYS)) return isText(v['name']) && isTextOrNull(v['party']);
  return (
    isObjectWith(v, NORMALIZED_ASKER_KEYS) &&
    isText(v['name']) &&
    isTextOrNull(v['party']) &&
    isText(v['canonical_name']) &&
    isTextOrNull(v['initials']) &&
    isTextOrNull(v['party_key']) &&
    isTextOrNull(v['person_key'])
  );
}

function isAnswerer(v: unknown): boolean {
  if (v === null) return true;
  return (
    isObjectWith(v, ANSWERER_KEYS) &&
    isTextOrNull(v['role']) &&
    isTextOrNull(v['name']) &&
    isTextOrNull(v['portfolio'])
  );
}

function isQuestion(v: unknown): boolean {
  return (
    isObjectWith(v, QUESTION_KEYS) &&
    isIntAtLeast(v['number'], 0) &&
    isNumbers(v['numbers']) &&
    typeof v['text'] === 'string' &&
    isFootnoteMarks(v['footnotes'])
  );
}

function isAnswer(v: unknown): boolean {
  return (
    isObjectWith(v, ANSWER_KEYS) &&
    isNumbers(v['questions']) &&
    typeof v['text'] === 'string' &&
    isFootnoteMarks(v['footnotes'])
  );
}

function isFootnote(v: unknown): boolean {
  return (
    isObjectWith(v, FOOTNOTE_KEYS) &&
    isIntAtLeast(v['number'], 1) &&
    typeof v['text'] === 'string' &&
    everyItem(v['urls'], isText)
  );
}

function isReference(v: unknown): boolean {
  return (
    isObjectWith(v, REFERENCE_KEYS) &&
    REFERENCE_KINDS.includes(v['kind'] as string) &&
    isText(v['text']) &&
    isStringOrNull(v['dossier']) &&
    isIntAtLeastOrNull(v['number'], 0) &&
    isStringOrNull(v['identifier'])
  );
}

function isSource(v: unknown): boolean {
  const withCollection = typeof v === 'object' && v !== null && 'collection' in v;
  return (
    isObjectWith(v, withCollection ? SOURCE_KEYS_WITH_COLLECTION : SOURCE_KEYS) &&
    (!withCollection || COLLECTIONS.includes(v['collection'] as string)) &&
    isText(v['path']) &&
    (FORMATS as readonly string[]).includes(v['format'] as string) &&
    typeof v['sha256'] === 'string' &&
    SHA256.test(v['sha256']) &&
    isStringOrNull(v['url'])
  );
}

function isWarning(v: unknown): boolean {
  return (
    isObjectWith(v, WARNING_KEYS) &&
    typeof v['code'] === 'string' &&
    WARNING_CODE.test(v['code']) &&
    isText(v['message']) &&
    isStringOrNull(v['field']) &&
    isIntAtLeastOrNull(v['line'], 1)
  );
}

/** True only for a record that schema/document.schema.json certainly accepts. */
export function certainlyValid(record: unknown): boolean {
  const plain = isObjectWith(record, DOCUMENT_KEYS);
  if (!plain && !isObjectWith(record, NORMALIZED_DOCUMENT_KEYS)) return false;
  const r = record as Obj;
  return (
    (plain || isTextOrNull(r['ministry_key'])) &&
    typeof r['id'] === 'string' &&
    r['id'].length <= 200 &&
    ID.test(r['id']) &&
    TYPES.includes(r['type'] as string) &&
    (r['chamber'] === null || CHAMBERS.includes(r['chamber'] as string)) &&
    isMatchOrNull(r['session_year'], SESSION_YEAR) &&
    isIntAtLeastOrNull(r['number'], 1) &&
    isMatchOrNull(r['case_number'], CASE_NUMBER) &&
    isTextOrNull(r['title']) &&
    (r['askers'] === null || everyItem(r['askers'], isAsker)) &&
    isOffices(r['addressees']) &&
    isDateOrNull(r['submitted']) &&
    isDateOrNull(r['answered']) &&
    isIntAtLeastOrNull(r['response_days'], 0) &&
    isAnswerer(r['answerer']) &&
    isOffices(r['co_answerers']) &&
    everyItem(r['questions'], isQuestion) &&
    everyItem(r['answers'], isAnswer) &&
    everyItem(r['footnotes'], isFootnote) &&
    everyItem(r['references'], isReference) &&
    isSource(r['source']) &&
    everyItem(r['warnings'], isWarning)
  );
}
