import { SEARCH_TEXT_JS } from '../search/search-text.ts';

// window.KV: loads the site's data files as scripts (they call KV.put), inflates the record
// files, and finds a record by ordinal or id. Shared by the search and the document page.
export const CLIENT_LOADER_JS = `(function () {
  'use strict';
${SEARCH_TEXT_JS}
  var store = Object.create(null);
  var pending = Object.create(null);
  var inflated = Object.create(null);

  function put(path, value) { store[path] = value; }
  function need(path) {
    if (path in store) return Promise.resolve(store[path]);
    if (pending[path]) return pending[path];
    pending[path] = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = path;
      script.async = true;
      script.onload = function () {
        script.remove();
        if (path in store) resolve(store[path]);
        else reject(new Error('The file ' + path + ' holds no data.'));
      };
      script.onerror = function () {
        delete pending[path];
        script.remove();
        reject(new Error('The file ' + path + ' could not be loaded.'));
      };
      document.head.appendChild(script);
    });
    return pending[path];
  }
  function decodePostings(text) {
    if (!text) return [];
    var parts = text.split(','), out = new Array(parts.length), n = 0;
    for (var i = 0; i < parts.length; i++) { n += parseInt(parts[i], 36); out[i] = n; }
    return out;
  }
  function inflate(base64) {
    if (typeof DecompressionStream === 'undefined')
      return Promise.reject(new Error('This browser cannot unpack the data (it has no DecompressionStream); a current Chrome, Firefox, Safari or Edge can.'));
    var binary = atob(base64), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text().then(JSON.parse);
  }
  function manifest() { return need('search/manifest.js'); }
  function records(path) {
    if (!inflated[path]) inflated[path] = need(path).then(inflate);
    return inflated[path];
  }
  /** The data file holding an ordinal: the last whose first ordinal is not above it. */
  function chunkOf(m, ordinal) {
    var lo = 0, hi = m.chunks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.chunks[mid][0] <= ordinal) lo = mid; else hi = mid - 1;
    }
    return m.chunks[lo];
  }
  function record(ordinal) {
    return manifest().then(function (m) {
      var chunk = chunkOf(m, ordinal);
      return records(chunk[1]).then(function (list) { return list[ordinal - chunk[0]] || null; });
    });
  }
  function ordinalOf(id) {
    return manifest().then(function (m) {
      return need('data/ids/' + idShard(id, m.idFiles) + '.js').then(function (ids) {
        return Object.prototype.hasOwnProperty.call(ids, id) ? ids[id] : null;
      });
    });
  }
  function plural(n, one, many) { return n === 1 ? one : many; }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  window.KV = {
    put: put, need: need, manifest: manifest, record: record, ordinalOf: ordinalOf,
    decodePostings: decodePostings, fold: fold, words: words, indexable: indexable,
    shardPath: shardPath, plural: plural, el: el,
    href: function (id) { return 'doc.html?id=' + encodeURIComponent(id); }
  };
})();
`;
