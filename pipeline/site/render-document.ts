import type { Document, Footnote } from '../types.ts';
import { answeredBy, displayTitle } from './browse-index.ts';
import { esc, formatDate } from './html.ts';
import { RESPONSE_NORM_DAYS } from './summarize.ts';

// One page per document: its metadata, then each answer beside the questions it covers,
// then the footnotes with their links. Static HTML: readable without any script.

const TYPE_LABEL: Record<Document['type'], string> = {
  answer: 'Questions with answers',
  supplementary_answer: 'Supplementary answer (nader antwoord)',
  questions: 'Questions, not yet answered',
  postponement: 'Postponement notice (uitstel antwoord)',
};

export function renderDocumentBody(doc: Document, knownIds: ReadonlySet<string>): string {
  const title = documentTitle(doc);
  return `<p><a href="../index.html#browse">← All documents</a></p>
<article aria-labelledby="doc-title">
<h1 id="doc-title">${esc(title)}</h1>${doc.title === null ? '\n<p><small>The source text states no subject; the heading is the first question.</small></p>' : ''}
<p><span class="badge">${esc(TYPE_LABEL[doc.type])}</span> <span class="badge">${esc(doc.id)}</span></p>
${metadata(doc)}
${questionsAndAnswers(doc)}
${footnotes(doc.footnotes)}
${references(doc, knownIds)}
${warnings(doc)}
</article>`;
}

export function documentTitle(doc: Document): string {
  return displayTitle(doc);
}

function metadata(doc: Document): string {
  const rows: [string, string][] = [];
  const add = (label: string, html: string | null) => {
    if (html) rows.push([label, html]);
  };
  add(
    'Asked by (vragensteller)',
    doc.askers?.length
      ? esc(doc.askers.map((a) => (a.party ? `${a.name} (${a.party})` : a.name)).join(', '))
      : null,
  );
  add('Addressed to', doc.addressees?.length ? esc(doc.addressees.join('; ')) : null);
  add('Answered by', doc.answerer ? esc(answeredBy(doc)) : null);
  add(
    'Also on behalf of (mede namens)',
    doc.co_answerers?.length ? esc(doc.co_answerers.join('; ')) : null,
  );
  add(
    'Submitted (ingezonden)',
    doc.submitted
      ? `<time datetime="${esc(doc.submitted)}">${esc(formatDate(doc.submitted))}</time>`
      : null,
  );
  add(
    'Answer received (ontvangen)',
    doc.answered
      ? `<time datetime="${esc(doc.answered)}">${esc(formatDate(doc.answered))}</time>`
      : null,
  );
  if (doc.response_days !== null) {
    const late = doc.response_days > RESPONSE_NORM_DAYS;
    add(
      'Time to answer',
      `${doc.response_days} days${late ? ` <span class="late">(later than the ${RESPONSE_NORM_DAYS}-day norm)</span>` : ' (within the 3-week norm)'}`,
    );
  }
  add('Chamber', doc.chamber ? esc(doc.chamber) : null);
  add(
    'Session year (vergaderjaar)',
    doc.session_year
      ? esc(`${doc.session_year}${doc.number !== null ? `, Aanhangsel nr. ${doc.number}` : ''}`)
      : null,
  );
  add('Case number (zaak)', doc.case_number ? esc(doc.case_number) : null);
  const source = doc.source.url
    ? `<a href="${esc(doc.source.url)}">${esc(doc.source.url)}</a>`
    : `<code>${esc(doc.source.path)}</code>`;
  add(
    'Source',
    `${source} (${esc(doc.source.format)})<br><span class="hash">sha256 ${esc(doc.source.sha256)}</span>`,
  );
  return `<dl class="meta">\n${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`;
}

interface Pair {
  questions: Document['questions'];
  answer: Document['answers'][number] | null;
}

// Group questions under the answer that covers them ("Antwoord 4, 5" answers two), in the
// order of the first question; questions no answer covers get a pair of their own.
function pairs(doc: Document): Pair[] {
  const out: Pair[] = [];
  const covered = new Set<number>();
  for (const answer of doc.answers) {
    const qs = doc.questions.filter(
      (q) => q.numbers.some((n) => answer.questions.includes(n)) && !covered.has(q.number),
    );
    qs.forEach((q) => covered.add(q.number));
    out.push({ questions: qs, answer });
  }
  for (const q of doc.questions)
    if (!covered.has(q.number)) out.push({ questions: [q], answer: null });
  const first = (p: Pair) => p.questions[0]?.number ?? p.answer?.questions[0] ?? 0;
  return out.sort((a, b) => first(a) - first(b));
}

function questionsAndAnswers(doc: Document): string {
  if (doc.questions.length === 0 && doc.answers.length === 0)
    return '<p>This document holds no questions or answers.</p>';
  const blocks = pairs(doc).map((p) => {
    const qs = p.questions
      .map(
        (q) =>
          `<h3 id="vraag-${q.number}">Vraag ${esc(q.numbers.join(', '))}</h3>\n${paragraphs(q.text, q.footnotes)}`,
      )
      .join('\n');
    const answer = p.answer
      ? `<h3 id="antwoord-${esc(p.answer.questions.join('-'))}">Antwoord ${esc(p.answer.questions.join(', '))}</h3>\n${paragraphs(p.answer.text, p.answer.footnotes)}`
      : `<p><em>${doc.type === 'answer' || doc.type === 'supplementary_answer' ? 'No answer to this question in the document.' : 'Not answered in this document.'}</em></p>`;
    return `<section class="qa">\n<div class="question">\n${qs || '<p><em>Question not found in the text.</em></p>'}\n</div>\n<div class="answer">\n${answer}\n</div>\n</section>`;
  });
  return `<h2>Questions and answers</h2>\n<div class="qa-head" aria-hidden="true"><span>Question (vraag)</span><span>Answer (antwoord)</span></div>\n${blocks.join('\n')}`;
}

function paragraphs(text: string, notes: readonly number[]): string {
  const parts = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  const marks = notes
    .map((n) => `<sup><a href="#fn-${n}" aria-label="footnote ${n}">${n}</a></sup>`)
    .join(' ');
  if (parts.length === 0) return marks ? `<p>${marks}</p>` : '';
  return parts
    .map(
      (p, i) =>
        `<p>${esc(p).replace(/\n/g, '<br>')}${i === parts.length - 1 && marks ? ` ${marks}` : ''}</p>`,
    )
    .join('\n');
}

function footnotes(list: readonly Footnote[]): string {
  if (list.length === 0) return '';
  const items = list
    .map((f) => `<li id="fn-${f.number}" value="${f.number}">${linkify(f.text, f.urls)}</li>`)
    .join('\n');
  return `<h2>Footnotes</h2>\n<ol class="footnotes">\n${items}\n</ol>`;
}

/** The footnote's text with each of its URLs made a link; URLs not in the text are appended. */
function linkify(text: string, urls: readonly string[]): string {
  let html = esc(text);
  const missing: string[] = [];
  for (const url of [...new Set(urls)].sort((a, b) => b.length - a.length)) {
    const escaped = esc(url);
    const href = /^https?:\/\//i.test(url) ? url : `https://${url}`;
    if (html.includes(escaped))
      html = html
        .split(escaped)
        .join(`<a href="${esc(href)}" rel="noopener noreferrer">${escaped}</a>`);
    else missing.push(`<a href="${esc(href)}" rel="noopener noreferrer">${escaped}</a>`);
  }
  return missing.length ? `${html} ${missing.join(' ')}` : html;
}

function references(doc: Document, knownIds: ReadonlySet<string>): string {
  if (doc.references.length === 0) return '';
  const items = doc.references.map((r) => {
    const id = r.identifier;
    const target =
      id && knownIds.has(id) ? `<a href="${esc(id)}.html">${esc(r.text)}</a>` : esc(r.text);
    return `<li>${target}${id ? ` <code>${esc(id)}</code>` : ''}</li>`;
  });
  return `<h2>Parliamentary papers referred to</h2>\n<ul>\n${items.join('\n')}\n</ul>`;
}

function warnings(doc: Document): string {
  if (doc.warnings.length === 0) return '';
  const items = doc.warnings.map(
    (w) =>
      `<li><code>${esc(w.code)}</code> ${esc(w.message)}${w.field ? ` <code>${esc(w.field)}</code>` : ''}</li>`,
  );
  return `<details><summary>What the parser was unsure about (${doc.warnings.length})</summary>\n<ul>\n${items.join('\n')}\n</ul>\n</details>`;
}
