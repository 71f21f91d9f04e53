/* hongfan site search: reads the index the build wrote under search/
   (see generator/render/search_index.h) and tokenises queries with the same
   rules as generator/render/search_tokens.h. No framework, no third party. */
(function () {
  'use strict';
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var MAX_TERMS = 5;   // shards fetched per query at most
  var PAGE = 10;       // results shown (and documents fetched) at a time
  var DIGIT = {};
  for (var k = 0; k < ALPHABET.length; k++) DIGIT[ALPHABET.charAt(k)] = k;

  function isCjk(cp) {
    return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff);
  }
  function normalise(cp) {
    if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
    if (cp >= 65 && cp <= 90) cp += 32;
    return cp;
  }
  function isWord(cp) { return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57); }

  // Calls onWord(word) and onRun(array of characters) for every run.
  function runs(text, onWord, onRun) {
    var word = '', run = [];
    function flush() {
      if (word) onWord(word);
      if (run.length) onRun(run);
      word = ''; run = [];
    }
    for (var ch of String(text)) {
      var cp = normalise(ch.codePointAt(0));
      if (isWord(cp)) {
        if (run.length) flush();
        word += String.fromCodePoint(cp);
      } else if (isCjk(cp)) {
        if (word) flush();
        run.push(String.fromCodePoint(cp));
      } else {
        flush();
      }
    }
    flush();
  }
  function indexTokens(text) {
    var out = [];
    runs(text, function (w) { out.push(w); }, function (r) {
      for (var i = 0; i < r.length; i++) {
        out.push(r[i]);
        if (i + 1 < r.length) out.push(r[i] + r[i + 1]);
      }
    });
    return out;
  }
  function queryTerms(query) {
    var out = [];
    function add(t) { if (out.indexOf(t) < 0) out.push(t); }
    runs(query, add, function (r) {
      if (r.length === 1) add(r[0]);
      for (var i = 0; i + 1 < r.length; i++) add(r[i] + r[i + 1]);
    });
    return out;
  }
  // The strings to highlight: each word and each CJK run of the query.
  function queryPhrases(query) {
    var out = [];
    runs(query, function (w) { out.push(w); }, function (r) { out.push(r.join('')); });
    return out;
  }
  function tokenHash(token) {
    var bytes = new TextEncoder().encode(token), h = 2166136261;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
    return h;
  }
  function decodePostings(s) {
    var nums = [], v = 0, scale = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charAt(i)];
      if (d >= 32) { v += (d - 32) * scale; scale *= 32; }
      else { nums.push(v + d * scale); v = 0; scale = 1; }
    }
    var map = new Map(), doc = 0;
    for (var j = 0; j + 1 < nums.length; j += 2) {
      doc = j === 0 ? nums[0] : doc + nums[j];
      map.set(doc, nums[j + 1]);
    }
    return map;
  }
  // At most MAX_TERMS terms, spread over the query so they still cover it.
  function pickTerms(terms) {
    if (terms.length <= MAX_TERMS) return terms;
    var out = [];
    for (var i = 0; i < MAX_TERMS; i++) {
      var t = terms[Math.round(i * (terms.length - 1) / (MAX_TERMS - 1))];
      if (out.indexOf(t) < 0) out.push(t);
    }
    return out;
  }

  // The search itself, without the page: `load(path)` resolves to the text
  // of an index file ("s/3.json", "d/12.json"). Resolves to
  // {ids: ranked doc ids, docs(from, to): Promise of documents}.
  function Searcher(opts, load) {
    var shardCache = new Map(), docCache = new Map();
    function shard(n) {
      if (!shardCache.has(n)) shardCache.set(n, load('s/' + n + '.json').then(JSON.parse));
      return shardCache.get(n);
    }
    function doc(id) {
      if (!docCache.has(id)) docCache.set(id, load('d/' + id + '.json').then(JSON.parse));
      return docCache.get(id);
    }
    this.search = function (query) {
      var terms = pickTerms(queryTerms(query));
      if (!terms.length) return Promise.resolve({ ids: [], terms: terms });
      return Promise.all(terms.map(function (t) {
        return shard(tokenHash(t) % opts.shards).then(function (s) {
          return Object.prototype.hasOwnProperty.call(s, t) ? decodePostings(s[t]) : new Map();
        });
      })).then(function (lists) {
        lists.sort(function (a, b) { return a.size - b.size; });
        var scores = new Map();
        lists[0].forEach(function (w, id) { scores.set(id, 0); });
        lists.forEach(function (list) {
          var idf = Math.log(1 + opts.docs / Math.max(1, list.size));
          scores.forEach(function (s, id) {
            var w = list.get(id);
            if (w === undefined) scores.delete(id);
            else scores.set(id, s + w * idf);
          });
        });
        var ids = Array.from(scores.keys());
        ids.sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
        return { ids: ids, terms: terms };
      });
    };
    this.docs = function (ids) { return Promise.all(ids.map(doc)); };
  }

  // Appends `text` to `el` with every occurrence of `phrases` in <mark>.
  function appendMarked(el, text, phrases) {
    var low = lowered(text), pos = 0;
    while (pos < text.length) {
      var best = -1, len = 0;
      phrases.forEach(function (p) {
        var i = low.indexOf(p, pos);
        if (i >= 0 && (best < 0 || i < best || (i === best && p.length > len))) { best = i; len = p.length; }
      });
      if (best < 0) break;
      if (best > pos) el.appendChild(document.createTextNode(text.slice(pos, best)));
      var m = document.createElement('mark');
      m.textContent = text.slice(best, best + len);
      el.appendChild(m);
      pos = best + len;
    }
    if (pos < text.length) el.appendChild(document.createTextNode(text.slice(pos)));
  }
  // Same length as `text` (UTF-16 units), so offsets carry over.
  function lowered(text) {
    return text.replace(/[A-Z\uff01-\uff5e]/g, function (c) {
      return String.fromCharCode(normalise(c.charCodeAt(0)));
    });
  }
  // The highlight strings: the query's runs, else (when a run is not in the
  // text as a whole) its bigrams.
  function highlights(text, query) {
    var low = lowered(text), out = [];
    queryPhrases(query).forEach(function (p) {
      if (low.indexOf(p) >= 0 || Array.from(p).length < 2) out.push(p);
      else queryTerms(p).forEach(function (t) { out.push(t); });
    });
    return out;
  }
  function snippet(text, phrases) {
    var low = lowered(text), at = -1;
    phrases.forEach(function (p) {
      var i = low.indexOf(p);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    var start = Math.max(0, at - 24), end = Math.min(text.length, start + 90);
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  function startPage() {
    var form = document.getElementById('search-form');
    if (!form) return;
    var input = form.querySelector('input[name="q"]');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var more = document.getElementById('search-more');
    var base = form.getAttribute('data-index');
    var version = form.getAttribute('data-version');
    var searcher = new Searcher({
      shards: Number(form.getAttribute('data-shards')),
      docs: Number(form.getAttribute('data-docs'))
    }, function (path) {
      return fetch(base + path + '?v=' + version).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      });
    });
    var current = null, shown = 0, serial = 0;

    function showMore() {
      var ids = current.ids.slice(shown, shown + PAGE), mine = serial;
      shown += ids.length;
      return searcher.docs(ids).then(function (docs) {
        if (mine !== serial) return;
        docs.forEach(function (d) {
          var li = document.createElement('li');
          li.className = 'result';
          var a = document.createElement('a');
          a.className = 'result-title';
          a.href = base + '../' + d.u;
          appendMarked(a, d.t, highlights(d.t, current.query));
          var meta = document.createElement('p');
          meta.className = 'result-meta';
          meta.textContent = [d.s, d.d].filter(Boolean).join(' · ');
          var p = document.createElement('p');
          p.className = 'result-snippet';
          var marks = highlights(d.x, current.query);
          appendMarked(p, snippet(d.x, marks), marks);
          if (d.i) {  // the page's cover or first photo, as in the lists
            li.className += ' has-thumb';
            var thumb = document.createElement('span');
            thumb.className = 'card-thumb';
            var img = document.createElement('img');
            img.src = base + '../' + d.i;
            img.alt = '';
            img.width = d.w;
            img.height = d.h;
            img.loading = 'lazy';
            thumb.appendChild(img);
            li.appendChild(thumb);
          }
          li.appendChild(a);
          li.appendChild(meta);
          li.appendChild(p);
          list.appendChild(li);
        });
        more.hidden = shown >= current.ids.length;
      });
    }
    function run(query) {
      var mine = ++serial;
      list.textContent = '';
      more.hidden = true;
      query = query.trim();
      if (!query) { status.textContent = '请输入要搜索的字词。'; return Promise.resolve(); }
      status.textContent = '正在搜索…';
      return searcher.search(query).then(function (r) {
        if (mine !== serial) return;
        current = { ids: r.ids, query: query };
        shown = 0;
        status.textContent = r.ids.length
          ? '找到 ' + r.ids.length + ' 条与“' + query + '”相关的结果。'
          : '没有找到与“' + query + '”相关的内容，请换个字词试试。';
        if (r.ids.length) return showMore();
      }).catch(function () {
        if (mine === serial) status.textContent = '搜索暂时不可用，请稍后再试。';
      });
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var q = input.value;
      if (window.history && history.replaceState) {
        history.replaceState(null, '', '?q=' + encodeURIComponent(q));
      }
      run(q);
    });
    more.addEventListener('click', function () { if (current) showMore(); });
    var q = new URLSearchParams(location.search).get('q');
    if (q) { input.value = q; run(q); }
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { indexTokens: indexTokens, queryTerms: queryTerms, tokenHash: tokenHash,
      decodePostings: decodePostings, Searcher: Searcher, MAX_TERMS: MAX_TERMS, PAGE: PAGE };
  }
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage);
    else startPage();
  }
})();
