// doc.html?id=…: finds the record's data file through search/manifest.js and data/ids/, and
// draws the record: metadata, each answer beside the questions it covers, the case, footnotes
// and references. Plain ES2017 in a string; it needs assets/loader.js (window.KV) first.
export const CLIENT_DOCUMENT_JS = `(function () {
  'use strict';
  var KV = window.KV, el = KV.el;
  var TYPE = {
    answer: 'Questions with answers',
    supplementary_answer: 'Supplementary answer (nader antwoord)',
    questions: 'Questions, not yet answered',
    postponement: 'Postponement notice (uitstel antwoord)'
  };
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  function date(iso) {
    var m = /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(iso || '');
    return m ? Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1] : (iso || '');
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function link(href, text, lang) {
    var a = el('a', { href: href, rel: /^https?:/.test(href) ? 'noopener noreferrer' : '' }, text);
    if (lang) a.setAttribute('lang', lang);
    return a;
  }

  function metadata(e) {
    var dl = el('dl', { class: 'meta' });
    function row(label, value) {
      if (value === null || value === undefined || value === '') return;
      add(dl, el('dt', {}, label));
      var dd = add(dl, el('dd'));
      if (typeof value === 'string') { dd.textContent = value; dd.setAttribute('lang', 'nl'); }
      else dd.appendChild(value);
    }
    row('Asked by (vragensteller)', e.a.map(function (a) { return a[1] ? a[0] + ' (' + a[1] + ')' : a[0]; }).join(', '));
    row('Addressed to', e.to.join('; '));
    row('Answered by', e.b);
    row('Also on behalf of (mede namens)', e.co.join('; '));
    if (e.s) row('Submitted (ingezonden)', el('time', { datetime: e.s }, date(e.s)));
    if (e.r) row('Answer received (ontvangen)', el('time', { datetime: e.r }, date(e.r)));
    if (e.d !== null) {
      var span = el('span', {}, e.d + ' ' + KV.plural(e.d, 'day', 'days') + ' ');
      span.appendChild(e.d > 21 ? el('span', { class: 'late' }, '(later than the 21-day norm)') : document.createTextNode('(within the 3-week norm)'));
      row('Time to answer', span);
    }
    row('Chamber', e.ch);
    if (e.sy) row('Session year (vergaderjaar)', e.sy + (e.n !== null ? ', Aanhangsel nr. ' + e.n : ''));
    row('Case number (zaak)', e.z);
    if (e.u) row('Official publication', link(e.u, e.u));
    var source = el('span');
    add(source, el('code', {}, e.src[0]));
    add(source, document.createTextNode(' (' + e.src[1] + ')'));
    add(source, el('br'));
    add(source, el('span', { class: 'hash' }, 'sha256 ' + e.src[2]));
    row('Source file', source);
    return dl;
  }

  function theCase(e) {
    if (!e.c || !e.c.length) return null;
    var box = el('section', { class: 'case', 'aria-labelledby': 'case-h' });
    add(box, el('h2', { id: 'case-h' }, 'The case (zaak ' + e.z + ')'));
    add(box, el('p', {}, 'Other documents with the same case number: the questions, any postponement and the answers belong together.'));
    var ul = add(box, el('ul'));
    e.c.forEach(function (c) {
      var li = add(ul, el('li'));
      add(li, link(KV.href(c[0]), c[3], 'nl'));
      add(li, document.createTextNode(' · ' + (TYPE[c[1]] || c[1]) + (c[2] ? ' · ' + date(c[2]) : '') + ' '));
      add(li, el('small', { class: 'hash' }, c[0]));
    });
    return box;
  }

  /** Questions grouped under the answer that covers them, in the order of the first question. */
  function pairs(e) {
    var out = [], covered = {};
    e.an.forEach(function (a) {
      var qs = e.q.filter(function (q) {
        return !covered[q[0][0]] && q[0].some(function (n) { return a[0].indexOf(n) >= 0; });
      });
      qs.forEach(function (q) { covered[q[0][0]] = true; });
      out.push({ qs: qs, a: a });
    });
    e.q.forEach(function (q) { if (!covered[q[0][0]]) out.push({ qs: [q], a: null }); });
    function first(p) { return p.qs.length ? p.qs[0][0][0] : (p.a ? p.a[0][0] : 0); }
    return out.sort(function (x, y) { return first(x) - first(y); });
  }
  function paragraphs(parent, text, notes) {
    var parts = text.split(/\\n{2,}/).map(function (p) { return p.trim(); }).filter(Boolean);
    if (!parts.length && notes.length) parts = [''];
    parts.forEach(function (p, i) {
      var para = add(parent, el('p'));
      p.split('\\n').forEach(function (line, j) {
        if (j) add(para, el('br'));
        add(para, document.createTextNode(line));
      });
      if (i === parts.length - 1) notes.forEach(function (n) {
        add(para, document.createTextNode(' '));
        add(add(para, el('sup')), el('a', { href: '#fn-' + n, 'aria-label': 'footnote ' + n }, n));
      });
    });
  }
  function questionsAndAnswers(article, e) {
    add(article, el('h2', {}, 'Questions and answers'));
    if (!e.q.length && !e.an.length) { add(article, el('p', {}, 'This document holds no questions or answers.')); return; }
    var head = add(article, el('div', { class: 'qa-head', 'aria-hidden': 'true' }));
    add(head, el('span', {}, 'Question (vraag)'));
    add(head, el('span', {}, 'Answer (antwoord)'));
    var answered = e.k === 'answer' || e.k === 'supplementary_answer';
    pairs(e).forEach(function (p) {
      var section = add(article, el('section', { class: 'qa' }));
      var qdiv = add(section, el('div', { class: 'question', lang: 'nl' }));
      if (!p.qs.length) add(qdiv, el('p', { lang: 'en' })).appendChild(el('em', {}, 'Question not found in the text.'));
      p.qs.forEach(function (q) {
        add(qdiv, el('h3', { id: 'vraag-' + q[0][0] }, 'Vraag ' + q[0].join(', ')));
        paragraphs(qdiv, q[1], q[2]);
      });
      var adiv = add(section, el('div', { class: 'answer', lang: 'nl' }));
      if (p.a) {
        add(adiv, el('h3', { id: 'antwoord-' + p.a[0].join('-') }, 'Antwoord ' + p.a[0].join(', ')));
        paragraphs(adiv, p.a[1], p.a[2]);
      } else {
        add(adiv, el('p', { lang: 'en' })).appendChild(el('em', {}, answered ? 'No answer to this question in the document.' : 'Not answered in this document.'));
      }
    });
  }
  /** The footnote's text with each of its URLs made a link; URLs not in the text are appended. */
  function footnote(li, text, urls) {
    var rest = text, missing = [];
    var sorted = urls.slice().sort(function (a, b) { return b.length - a.length; });
    var pieces = [text];
    sorted.forEach(function (url) {
      var found = false, next = [];
      pieces.forEach(function (piece) {
        if (typeof piece !== 'string' || piece.indexOf(url) < 0) { next.push(piece); return; }
        found = true;
        piece.split(url).forEach(function (s, i) { if (i) next.push({ url: url }); next.push(s); });
      });
      pieces = next;
      if (!found) missing.push(url);
    });
    missing.forEach(function (url) { pieces.push(' '); pieces.push({ url: url }); });
    pieces.forEach(function (p) {
      if (typeof p === 'string') add(li, document.createTextNode(p));
      else add(li, link(/^https?:\\/\\//i.test(p.url) ? p.url : 'https://' + p.url, p.url));
    });
    return rest;
  }
  function notesAndReferences(article, e) {
    if (e.f.length) {
      add(article, el('h2', {}, 'Footnotes'));
      var ol = add(article, el('ol', { class: 'footnotes', lang: 'nl' }));
      e.f.forEach(function (f) { footnote(add(ol, el('li', { id: 'fn-' + f[0], value: String(f[0]) })), f[1], f[2]); });
    }
    if (e.rf.length) {
      add(article, el('h2', {}, 'Parliamentary papers referred to'));
      var ul = add(article, el('ul', { class: 'references' }));
      e.rf.forEach(function (r) {
        var li = add(ul, el('li'));
        add(li, r[2] ? link(r[2], r[0], 'nl') : el('span', { lang: 'nl' }, r[0]));
        if (r[1] && r[1] !== r[0]) { add(li, document.createTextNode(' ')); add(li, el('code', {}, r[1])); }
      });
    }
    if (e.w.length) {
      var details = add(article, el('details'));
      add(details, el('summary', {}, 'What the parser was unsure about (' + e.w.length + ')'));
      var list = add(details, el('ul'));
      e.w.forEach(function (w) {
        var li = add(list, el('li'));
        add(li, el('code', {}, w[0]));
        add(li, document.createTextNode(' ' + w[1] + ' '));
        if (w[2]) add(li, el('code', {}, w[2]));
      });
    }
  }

  function draw(article, e) {
    article.textContent = '';
    add(article, el('h1', { id: 'doc-title', lang: 'nl' }, e.h));
    if (e.t === null) add(article, el('p')).appendChild(el('small', {}, 'The source text states no subject; the heading is the first question.'));
    var badges = add(article, el('p'));
    add(badges, el('span', { class: 'badge' }, TYPE[e.k] || e.k));
    add(badges, document.createTextNode(' '));
    add(badges, el('span', { class: 'badge' }, e.i));
    if (e.u) { add(badges, document.createTextNode(' ')); add(badges, link(e.u, 'Official publication')).className = 'badge'; }
    add(article, metadata(e));
    var c = theCase(e);
    if (c) add(article, c);
    questionsAndAnswers(article, e);
    notesAndReferences(article, e);
    document.title = e.h + ' · ' + e.i + ' · Kamervragen';
    var description = document.querySelector('meta[name=description]');
    if (description) description.setAttribute('content', 'Questions and answers of ' + e.i + ': ' + e.h);
    article.removeAttribute('aria-busy');
    if (location.hash) { var target = document.getElementById(location.hash.slice(1)); if (target) target.scrollIntoView(); }
  }
  function fail(article, message) {
    article.textContent = '';
    add(article, el('h1', { id: 'doc-title' }, 'Document not found'));
    add(article, el('p', {}, message));
    article.removeAttribute('aria-busy');
  }
  function start() {
    var article = document.getElementById('document');
    var id = new URLSearchParams(location.search).get('id');
    if (!id) return fail(article, 'The address names no document (doc.html?id=…). Search for one on the front page.');
    KV.ordinalOf(id).then(function (ordinal) {
      if (ordinal === null) return fail(article, 'There is no document "' + id + '" in this dataset.');
      return KV.record(ordinal).then(function (e) { if (e) draw(article, e); else fail(article, 'The data of "' + id + '" is missing.'); });
    }).catch(function (e) { fail(article, e.message); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
