// The landing page's search: each word of the query loads the one index shard holding it, the
// filters load their own lists, and only the result rows on screen are fetched. Plain ES2017
// in a string, so there is no bundler; it needs assets/loader.js (window.KV) first.
export const CLIENT_SEARCH_JS = `(function () {
  'use strict';
  var KV = window.KV;
  var PAGE = 50;
  var SNIPPETS = 10;
  var MAX_PREFIX_SHARDS = 4;

  function shardFor(m, word) {
    for (var n = word.length; n > 0; n--) if (m.shardSet[word.slice(0, n)]) return word.slice(0, n);
    return null;
  }
  /** Shards that may hold words starting with the prefix: its own, and those named by a longer prefix. */
  function prefixShards(m, prefix) {
    var list = [], own = shardFor(m, prefix);
    if (own) list.push(own);
    var lo = 0, hi = m.shards.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (m.shards[mid] < prefix) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < m.shards.length && m.shards[i].indexOf(prefix) === 0; i++)
      if (m.shards[i] !== own) list.push(m.shards[i]);
    return list;
  }
  function exact(m, word) {
    var key = shardFor(m, word);
    if (!key) return Promise.resolve([]);
    return KV.need(KV.shardPath(key)).then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, word) ? KV.decodePostings(shard[word]) : [];
    });
  }
  /** Every document with a word starting with the prefix (the word being typed). */
  function prefixed(m, prefix) {
    var keys = prefixShards(m, prefix);
    if (keys.length > MAX_PREFIX_SHARDS) return exact(m, prefix);
    return Promise.all(keys.map(function (k) { return KV.need(KV.shardPath(k)); })).then(function (shards) {
      var seen = new Uint8Array(m.documents), any = false;
      shards.forEach(function (shard) {
        for (var w in shard) {
          if (w.indexOf(prefix) !== 0) continue;
          var list = KV.decodePostings(shard[w]);
          for (var i = 0; i < list.length; i++) seen[list[i]] = 1;
          any = true;
        }
      });
      var out = [];
      if (any) for (var i = 0; i < seen.length; i++) if (seen[i]) out.push(i);
      return out;
    });
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }
  function facet(m, kind, label) {
    var pair = m.facets[kind].filter(function (p) { return p[0] === label; })[0];
    if (!pair) return Promise.resolve([]);
    return KV.need(pair[1]).then(KV.decodePostings);
  }

  /** The typed words to look up: the last one as a prefix unless a space follows it. */
  function queryTerms(text) {
    var terms = KV.words(text).filter(KV.indexable);
    return { terms: terms, prefix: terms.length > 0 && !/\\s$/.test(text) };
  }

  /** Where a term occurs in a text, folded as the index folds it: [start, end] in the original, or null. */
  function find(text, terms) {
    var folded = '', map = [];
    for (var i = 0; i < text.length; i++) {
      var f = KV.fold(text[i]);
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
    }
    for (var t = 0; t < terms.length; t++) {
      var re = new RegExp('(^|[^\\\\p{L}\\\\p{N}])' + terms[t].replace(/[.*+?^$()|[\\]\\\\{}]/g, '\\\\$&'), 'u');
      var hit = re.exec(folded);
      if (hit) {
        var at = hit.index + hit[1].length;
        return [map[at], map[Math.min(at + terms[t].length, map.length) - 1] + 1];
      }
    }
    return null;
  }
  function snippet(entry, terms) {
    var parts = [['Subject', entry.h]];
    entry.q.forEach(function (q) { parts.push(['Question ' + q[0].join(', '), q[1]]); });
    entry.an.forEach(function (a) { parts.push(['Answer ' + a[0].join(', '), a[1]]); });
    for (var p = 0; p < parts.length; p++) {
      var text = parts[p][1].replace(/\\s+/g, ' '), at = find(text, terms);
      if (!at) continue;
      var from = Math.max(0, at[0] - 80), to = Math.min(text.length, at[1] + 120);
      if (from > 0) from = text.indexOf(' ', from) + 1 || from;
      var out = KV.el('p', { class: 'snippet', lang: 'nl' });
      out.appendChild(KV.el('span', { class: 'where', lang: 'en' }, parts[p][0] + ': '));
      out.appendChild(document.createTextNode((from > 0 ? '…' : '') + text.slice(from, at[0])));
      out.appendChild(KV.el('mark', {}, text.slice(at[0], at[1])));
      out.appendChild(document.createTextNode(text.slice(at[1], to) + (to < text.length ? '…' : '')));
      return out;
    }
    return null;
  }

  function cell(label, text, cls) {
    var td = KV.el('td', { 'data-label': label }, text);
    if (cls) td.className = cls;
    return td;
  }
  function resultRow(r, ordinal) {
    var tr = KV.el('tr', { 'data-ordinal': String(ordinal) });
    var td = KV.el('td', { class: 'subject' });
    td.appendChild(KV.el('a', { href: KV.href(r[0]), lang: 'nl' }, r[1]));
    td.appendChild(KV.el('small', { class: 'hash' }, r[0]));
    tr.appendChild(td);
    tr.appendChild(cell('Asked by', r[2]));
    tr.appendChild(cell('Answered by', r[3]));
    tr.appendChild(cell('Submitted', r[4] || '', 'num'));
    tr.appendChild(cell('Answered', r[5] || '', 'num'));
    var late = r[6] !== null && r[6] > 21;
    var days = cell('Days', r[6] === null ? '' : r[6], 'num' + (late ? ' late' : ''));
    if (late) days.setAttribute('title', 'Later than the 3-week norm');
    tr.appendChild(days);
    return tr;
  }

  function setup(m) {
    m.shardSet = Object.create(null);
    m.shards.forEach(function (k) { m.shardSet[k] = true; });
    var $ = function (id) { return document.getElementById(id); };
    var form = $('filters'), q = $('q'), party = $('party'), ministry = $('ministry'), year = $('year');
    var late = $('late'), count = $('result-count'), more = $('more'), table = $('documents');
    var tbody = table.querySelector('tbody');
    var shown = PAGE, seq = 0, timer = null;

    function hits(query) {
      var lists = query.terms.map(function (w, i) {
        return query.prefix && i === query.terms.length - 1 ? prefixed(m, w) : exact(m, w);
      });
      if (party.value) lists.push(facet(m, 'party', party.value));
      if (ministry.value) lists.push(facet(m, 'ministry', ministry.value));
      if (year.value) lists.push(facet(m, 'year', year.value));
      if (late.checked) lists.push(facet(m, 'late', 'late'));
      if (!lists.length) return Promise.resolve(null);
      return Promise.all(lists).then(function (all) {
        all.sort(function (a, b) { return a.length - b.length; });
        return all.reduce(intersect);
      });
    }
    function rowsFor(ordinals, mine, onRows) {
      var files = [], byFile = {};
      ordinals.forEach(function (o) {
        var f = Math.floor(o / m.rowsPerFile);
        if (!byFile[f]) { byFile[f] = true; files.push(f); }
      });
      var rows = {};
      // In order of the results, so the first row appears as soon as its file is in.
      return files.reduce(function (done, f) {
        return done.then(function () {
          return KV.need('search/rows/' + f + '.js').then(function (list) {
            if (mine !== seq) return;
            ordinals.forEach(function (o) { if (Math.floor(o / m.rowsPerFile) === f) rows[o] = list[o % m.rowsPerFile]; });
            onRows(rows);
          });
        });
      }, Promise.resolve());
    }
    function run() {
      var mine = ++seq, query = queryTerms(q.value);
      saveState();
      hits(query).then(function (list) {
        if (mine !== seq) return;
        var total = list === null ? m.documents : list.length;
        var page = [];
        for (var i = 0; i < Math.min(shown, total); i++) page.push(list === null ? i : list[i]);
        count.textContent = 'Showing ' + page.length + ' of ' + total + ' matching ' + KV.plural(total, 'document', 'documents') + ' (' + m.documents + ' in total).';
        more.hidden = total <= shown;
        table.hidden = false;
        if (!page.length) { tbody.textContent = ''; return; }
        var drawn = 0;
        if (shown === PAGE) tbody.textContent = '';
        else drawn = tbody.children.length;
        return rowsFor(page, mine, function (rows) {
          while (drawn < page.length && rows[page[drawn]]) {
            tbody.appendChild(resultRow(rows[page[drawn]], page[drawn]));
            drawn++;
          }
        }).then(function () { if (mine === seq && query.terms.length) addSnippets(page.slice(0, SNIPPETS), query.terms, mine); });
      }).catch(function (e) { if (mine === seq) count.textContent = 'Search failed: ' + e.message; });
    }
    function addSnippets(ordinals, terms, mine) {
      ordinals.forEach(function (o) {
        KV.record(o).then(function (entry) {
          if (mine !== seq || !entry) return;
          var row = tbody.querySelector('tr[data-ordinal="' + o + '"] td.subject');
          var s = snippet(entry, terms);
          if (row && s && !row.querySelector('.snippet')) row.appendChild(s);
        }).catch(function () { /* a snippet is a nicety; the row stands without it */ });
      });
    }
    function saveState() {
      var next = new URLSearchParams();
      if (q.value) next.set('q', q.value);
      [party, ministry, year].forEach(function (s) { if (s.value) next.set(s.id, s.value); });
      if (late.checked) next.set('late', '1');
      var query = next.toString();
      try { history.replaceState(null, '', query ? '?' + query + location.hash : location.pathname + location.hash); } catch (e) { /* file:// in some browsers */ }
    }
    // A new query stops the rows of the last one at once, before the short pause for typing.
    function reset() { shown = PAGE; seq++; clearTimeout(timer); timer = setTimeout(run, 40); }
    q.addEventListener('input', reset);
    [party, ministry, year, late].forEach(function (s) { s.addEventListener('change', reset); });
    form.addEventListener('submit', function (e) { e.preventDefault(); reset(); });
    form.addEventListener('reset', function () { setTimeout(reset, 0); });
    more.addEventListener('click', function () { shown += PAGE; run(); });
    run();
  }

  // The index is loaded only when someone comes near the search, uses the form, or arrives
  // with a search in the address; the rest of the page needs none of it.
  function prepare() {
    var form = document.getElementById('filters');
    if (!form || !KV) return;
    form.hidden = false;
    var params = new URLSearchParams(location.search);
    document.getElementById('q').value = params.get('q') || '';
    ['party', 'ministry', 'year'].forEach(function (id) {
      var v = params.get(id);
      if (v !== null) document.getElementById(id).value = v;
    });
    document.getElementById('late').checked = params.get('late') === '1';
    var requested = false;
    function load() {
      if (requested) return;
      requested = true;
      var count = document.getElementById('result-count');
      count.textContent = 'Loading the search…';
      KV.manifest().then(setup, function (e) { count.textContent = e.message; });
    }
    form.addEventListener('focusin', load);
    form.addEventListener('input', load);
    if (params.toString() || location.hash === '#browse' || !('IntersectionObserver' in window)) return load();
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { observer.disconnect(); load(); }
    }, { rootMargin: '800px 0px' });
    observer.observe(document.getElementById('browse'));
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', prepare);
  else prepare();
})();
`;
