// The landing page's only script: search and filter the table, sort it, copy citations.
// Plain ES2017 in a string so there is no bundler; it reads window.KAMERVRAGEN_INDEX.
export const CLIENT_JS = `(function () {
  'use strict';
  var PAGE = 50;

  function norm(s) {
    return String(s || '').normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function setupCopy() {
    var buttons = document.querySelectorAll('button[data-copy]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy'));
        var status = document.getElementById(button.getAttribute('data-status'));
        var text = source ? source.textContent.trim() : '';
        function done(ok) {
          if (status) status.textContent = ok ? 'Copied to the clipboard.' : 'Could not copy: select the text and copy it by hand.';
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
        } else {
          done(fallbackCopy(text));
        }
      });
    });
  }
  function fallbackCopy(text) {
    var area = el('textarea', { readonly: '', 'aria-hidden': 'true' });
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  // The table's data can be megabytes: fetch it only when someone comes near the table, uses
  // the form, or arrives with a search in the address; the rest of the page needs none of it.
  function prepareBrowse() {
    var table = document.getElementById('documents');
    var form = document.getElementById('filters');
    if (!table || !form) return;
    form.hidden = false;
    var params = new URLSearchParams(location.search);
    document.getElementById('q').value = params.get('q') || '';
    ['party', 'ministry', 'year'].forEach(function (id) {
      var v = params.get(id);
      if (v !== null) document.getElementById(id).value = v;
    });
    var requested = false;
    function load() {
      if (requested) return;
      requested = true;
      document.getElementById('result-count').textContent = 'Loading the list of documents…';
      if (window.KAMERVRAGEN_INDEX) return setupBrowse();
      var script = document.createElement('script');
      script.src = table.getAttribute('data-index');
      script.onload = setupBrowse;
      script.onerror = function () {
        document.getElementById('result-count').textContent = 'The list of documents could not be loaded.';
      };
      document.head.appendChild(script);
    }
    form.addEventListener('focusin', load);
    form.addEventListener('input', load);
    if (params.toString() || location.hash === '#browse' || !('IntersectionObserver' in window)) return load();
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        observer.disconnect();
        load();
      }
    }, { rootMargin: '800px 0px' });
    observer.observe(document.getElementById('browse'));
  }

  function setupBrowse() {
    var data = window.KAMERVRAGEN_INDEX;
    var table = document.getElementById('documents');
    if (!data || !table) return;
    var rows = data.rows.map(function (values) {
      var row = {};
      data.keys.forEach(function (key, i) { row[key] = values[i]; });
      return row;
    });
    var form = document.getElementById('filters');
    var q = document.getElementById('q');
    var party = document.getElementById('party');
    var ministry = document.getElementById('ministry');
    var year = document.getElementById('year');
    var count = document.getElementById('result-count');
    var more = document.getElementById('more');
    var tbody = table.querySelector('tbody');
    var shown = PAGE;
    var sortKey = 's';
    var sortDir = -1;
    table.hidden = false;
    var haystacks = rows.map(function (r) {
      return norm([r.i, r.t, r.a, r.b, r.z, r.m].join(' '));
    });

    function matches(r, i, terms) {
      if (party.value && r.p.indexOf(party.value) < 0) return false;
      if (ministry.value && r.m !== ministry.value) return false;
      if (year.value && String(r.y) !== year.value) return false;
      for (var t = 0; t < terms.length; t++) if (haystacks[i].indexOf(terms[t]) < 0) return false;
      return true;
    }
    function compare(a, b) {
      var x = a[sortKey], y = b[sortKey];
      if (x === y) return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * sortDir;
    }
    function row(r) {
      var tr = el('tr');
      var td = el('td');
      var link = el('a', { href: 'doc/' + r.i + '.html' }, r.t);
      td.appendChild(link);
      td.appendChild(el('br'));
      td.appendChild(el('small', { class: 'hash' }, r.i));
      tr.appendChild(td);
      tr.appendChild(el('td', {}, r.a));
      tr.appendChild(el('td', {}, r.b + (r.m ? ' (' + r.m + ')' : '')));
      tr.appendChild(el('td', { class: 'num' }, r.s || ''));
      tr.appendChild(el('td', { class: 'num' }, r.r || ''));
      var days = el('td', { class: 'num' + (r.d !== null && r.d > 21 ? ' late' : '') }, r.d === null ? '' : r.d);
      if (r.d !== null && r.d > 21) days.setAttribute('title', 'Later than the 3-week norm');
      tr.appendChild(days);
      return tr;
    }
    function render() {
      var terms = norm(q.value).split(/\\s+/).filter(Boolean);
      var hits = [];
      for (var i = 0; i < rows.length; i++) if (matches(rows[i], i, terms)) hits.push(rows[i]);
      hits.sort(compare);
      var frag = document.createDocumentFragment();
      hits.slice(0, shown).forEach(function (r) { frag.appendChild(row(r)); });
      tbody.textContent = '';
      tbody.appendChild(frag);
      count.textContent = 'Showing ' + Math.min(shown, hits.length) + ' of ' + hits.length + ' matching documents (' + rows.length + ' in total).';
      more.hidden = hits.length <= shown;
      var next = new URLSearchParams();
      if (q.value) next.set('q', q.value);
      [party, ministry, year].forEach(function (s) { if (s.value) next.set(s.id, s.value); });
      var query = next.toString();
      try { history.replaceState(null, '', query ? '?' + query + location.hash : location.pathname + location.hash); } catch (e) { /* file:// in some browsers */ }
    }
    function reset() { shown = PAGE; render(); }
    q.addEventListener('input', reset);
    [party, ministry, year].forEach(function (s) { s.addEventListener('change', reset); });
    form.addEventListener('submit', function (e) { e.preventDefault(); reset(); });
    form.addEventListener('reset', function () { setTimeout(reset, 0); });
    more.addEventListener('click', function () { shown += PAGE; render(); });
    Array.prototype.forEach.call(table.querySelectorAll('th[data-key]'), function (th) {
      var button = th.querySelector('button');
      button.addEventListener('click', function () {
        var key = th.getAttribute('data-key');
        sortDir = key === sortKey ? -sortDir : (key === 't' || key === 'a' || key === 'b' ? 1 : -1);
        sortKey = key;
        Array.prototype.forEach.call(table.querySelectorAll('th[data-key]'), function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', sortDir === 1 ? 'ascending' : 'descending');
        render();
      });
    });
    render();
  }

  function start() { setupCopy(); prepareBrowse(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
