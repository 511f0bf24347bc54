// search.js: the search page of a bangvang site (/tim-kiem/). Plain JavaScript, no
// library, nothing from another host: every address comes from the page's data
// attributes, so the site works from any sub-path. The index it reads is written by
// src/render/search.rs, whose comment describes the files; the folding below is the same
// as src/text/fold.rs, case for case (src/text/fold_cases.tsv).
(function () {
  'use strict';

  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var MARK = /\p{M}/u;
  var LETTER = /\p{Alphabetic}/u;
  var TONES = '\u0300\u0301\u0303\u0309\u0323';
  // Weight of a word found in: name, unit, position, year, summary, story.
  var WEIGHTS = [30, 10, 10, 5, 4, 1];
  var PAGE = 10;
  // Shards that the last word's prefix may add to a query, at most (bytes).
  var PREFIX_BUDGET = 160 * 1024;

  // `Nguyễn Văn An` -> `nguyen van an`, `Đường` -> `duong` (fold in fold.rs).
  function fold(s) {
    var out = '';
    for (var c of String(s).normalize('NFD')) {
      if (MARK.test(c)) continue;
      out += (c === 'đ' || c === 'Đ') ? 'd' : c.toLowerCase();
    }
    return out;
  }

  function isVowel(c) { return c.length === 1 && 'aeiouy'.indexOf(c) >= 0; }

  // Moves the one tone of a word to the vowel the new placement gives it (place_tone).
  function placeTone(word) {
    var toned = [];
    for (var i = 0; i < word.length; i++) if (word[i].tone) toned.push(i);
    if (toned.length !== 1) return;
    var from = toned[0];
    var vowel = function (k) { return k < word.length && isVowel(word[k].base); };
    var start = 0;
    while (start < word.length && !vowel(start)) start++;
    if (start === 1 && word[0].base === 'q' && word[1].base === 'u' && word[1].marks === '') start = 2;
    if (start === 1 && word[0].base === 'g' && word[1].base === 'i' && vowel(2)) start = 2;
    var end = start;
    while (vowel(end)) end++;
    if (start === end) return;
    var to = -1;
    for (var k = end - 1; k >= start; k--) if (word[k].marks !== '') { to = k; break; }
    if (to < 0) {
      if (end - start === 1 || end < word.length) to = end - 1;
      else if (end - start >= 3) to = start + 1;
      else {
        var pair = word[start].base + word[start + 1].base;
        to = (pair === 'oa' || pair === 'oe' || pair === 'uy') ? start + 1 : start;
      }
    }
    if (to !== from) { word[to].tone = word[from].tone; word[from].tone = ''; }
  }

  // Lowercase NFC, each word's tone where the new placement puts it: `hòa` -> `hoà`
  // (tone_key in fold.rs).
  function toneKey(s) {
    var lower = '';
    for (var c of String(s).normalize('NFD')) lower += c.toLowerCase();
    var out = '';
    var word = [];
    var flush = function () {
      placeTone(word);
      for (var l of word) out += l.base + l.marks + l.tone;
      word = [];
    };
    for (var ch of lower.normalize('NFD')) {
      if (MARK.test(ch)) {
        if (word.length) {
          var last = word[word.length - 1];
          if (TONES.indexOf(ch) >= 0 && !last.tone) last.tone = ch; else last.marks += ch;
          continue;
        }
        out += ch;
      } else if (LETTER.test(ch)) {
        word.push({ base: ch, marks: '', tone: '' });
      } else {
        flush();
        out += ch;
      }
    }
    flush();
    return out.normalize('NFC');
  }

  // The words of a query, in order: folded term, tone key, and whether it is the last
  // one and still being typed (a prefix).
  function parseQuery(q) {
    var raw = String(q).match(WORD) || [];
    var open = raw.length > 0 && !/[\s\p{P}]$/u.test(q);
    return raw.map(function (w, i) {
      var term = fold(w);
      return { term: term, key: toneKey(w), prefix: open && i === raw.length - 1 && term.length >= 2 };
    });
  }

  // The pairs of words that follow each other in the query: `a b`, a prefix when b is.
  function pairsOf(words) {
    var out = [];
    for (var i = 0; i + 1 < words.length; i++) {
      out.push({ term: words[i].term + ' ' + words[i + 1].term, prefix: words[i + 1].prefix });
    }
    return out;
  }

  // Decodes postings (see search.rs): calls f(doc, field) for each.
  function eachPosting(s, f) {
    var n = 0, doc = 0;
    for (var i = 0; i < s.length; i++) {
      var b = s.charCodeAt(i);
      if (b >= 80) { n = n * 32 + (b - 80); continue; }
      n = n * 32 + (b - 48);
      doc += Math.floor(n / 8);
      f(doc, n % 8);
      n = 0;
    }
  }

  // A shard's text -> Map(term -> [[form, postings], ...]); an empty form is the term.
  function parseShard(text) {
    var terms = new Map();
    for (var line of text.split('\n')) {
      if (!line) continue;
      var cols = line.split('\t');
      var forms = [];
      for (var k = 1; k < cols.length; k++) {
        var sp = cols[k].indexOf(' ');
        forms.push([cols[k].slice(0, sp) || cols[0], cols[k].slice(sp + 1)]);
      }
      terms.set(cols[0], forms);
    }
    return terms;
  }

  // Index of the last shard whose first term is <= t.
  function shardOf(shards, t) {
    var lo = 0, hi = shards.length - 1, at = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (shards[mid][0] <= t) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return at;
  }

  // The shards (numbers in `shards`) that terms need: each term's, and for a prefix the
  // shards of the terms it begins, unless that would pass PREFIX_BUDGET (then the term
  // stops being a prefix).
  function shardsFor(shards, terms) {
    var need = new Set();
    terms.forEach(function (w) {
      if (!shards.length) return;
      var first = shardOf(shards, w.term);
      need.add(first);
      if (!w.prefix) return;
      var last = shardOf(shards, w.term + '\uffff');
      var extra = 0;
      for (var k = first + 1; k <= last; k++) if (!need.has(k)) extra += shards[k][1];
      if (extra > PREFIX_BUDGET) { w.prefix = false; return; }
      for (var j = first + 1; j <= last; j++) need.add(j);
    });
    return Array.from(need).sort(function (a, b) { return a - b; });
  }

  // Ranks documents. Every word must be found. A word scores the weight of the best
  // field it is in, times 4 for the same word with the same tones, 3 for the word without
  // regard to tones, 2 and 1 for a word it begins. Words of a query of several must also
  // follow each other in the document (each pair of the query is a pair there), or all
  // be in its name, its unit or its position; following each other adds the pairs'
  // weights. `terms(kind, term, prefix)` yields the [term, forms] of kind 'word' or 'pair'.
  function rank(words, terms, pairs) {
    var total = null;
    words.forEach(function (w) {
      var best = new Map();
      for (var entry of terms('word', w.term, w.prefix)) {
        var whole = entry[0] === w.term;
        for (var form of entry[1]) {
          var exact = whole ? form[0] === w.key : form[0].startsWith(w.key);
          var q = whole ? (exact ? 4 : 3) : (exact ? 2 : 1);
          eachPosting(form[1], function (doc, field) {
            var s = WEIGHTS[field] * q;
            var had = best.get(doc);
            if (!had || had.s < s) best.set(doc, { s: s, f: had ? Math.min(had.f, field) : field });
            else if (field < had.f) had.f = field;
          });
        }
      }
      if (total === null) {
        total = new Map();
        best.forEach(function (b, doc) { total.set(doc, { s: b.s, f: b.f, same: true }); });
        return;
      }
      var next = new Map();
      total.forEach(function (t, doc) {
        var b = best.get(doc);
        if (b) next.set(doc, { s: t.s + b.s, f: t.f, same: t.same && t.f === b.f });
      });
      total = next;
    });
    if (total === null) return [];
    pairs = pairs || pairsOf(words);
    if (pairs.length) {
      var together = null;
      pairs.forEach(function (p) {
        var found = new Map();
        for (var entry of terms('pair', p.term, p.prefix)) {
          eachPosting(entry[1][0][1], function (doc, field) {
            var s = WEIGHTS[field] * 2;
            if (!(found.get(doc) >= s)) found.set(doc, s);
          });
        }
        if (together === null) { together = found; return; }
        var next = new Map();
        together.forEach(function (s, doc) { if (found.has(doc)) next.set(doc, s + found.get(doc)); });
        together = next;
      });
      var kept = new Map();
      total.forEach(function (t, doc) {
        if (together.has(doc)) kept.set(doc, { s: t.s + together.get(doc) });
        else if (t.same && t.f <= 2) kept.set(doc, t);
      });
      total = kept;
    }
    return Array.from(total).sort(function (a, b) { return b[1].s - a[1].s || a[0] - b[0]; })
      .map(function (e) { return e[0]; });
  }

  // Pieces of `text`: strings, and {mark: s} for the words the query finds.
  function marked(text, words) {
    var out = [];
    var at = 0;
    for (var m of String(text).matchAll(WORD)) {
      var f = fold(m[0]);
      var hit = words.some(function (w) { return f === w.term || (w.prefix && f.startsWith(w.term)); });
      if (!hit) continue;
      if (m.index > at) out.push(text.slice(at, m.index));
      out.push({ mark: m[0] });
      at = m.index + m[0].length;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  }

  // The snippet of a result: its summary, with the words the query finds marked (the
  // index keeps no story text: the words found there count, the summary is shown).
  function snippet(doc, words) {
    return marked(doc.s || '', words);
  }

  function fill(el, pieces) {
    pieces.forEach(function (p) {
      if (typeof p === 'string') { el.appendChild(document.createTextNode(p)); return; }
      var m = document.createElement('mark');
      m.textContent = p.mark;
      el.appendChild(m);
    });
  }

  function say(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (all, k) {
      return k in values ? String(values[k]) : all;
    });
  }

  var api = { fold: fold, toneKey: toneKey, parseQuery: parseQuery, parseShard: parseShard,
    pairsOf: pairsOf, rank: rank, marked: marked, eachPosting: eachPosting };
  window.BangvangSearch = api;

  function start() {
    var form = document.querySelector('form[data-index]');
    if (!form) return;
    var input = form.querySelector('input[name="q"]');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    if (!input || !status || !list) return;
    var d = form.dataset;
    var indexUrl = new URL(d.index, document.baseURI);
    var base = new URL(d.base || './', document.baseURI);
    var meta = null;
    var shardCache = new Map();
    var groupCache = new Map();
    var run = 0;
    var timer = 0;
    var more = null;

    function fetchText(url) {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + url);
        return r.text();
      });
    }
    function loadMeta() {
      if (!meta) {
        meta = fetch(indexUrl, { cache: 'no-cache' }).then(function (r) {
          if (!r.ok) throw new Error(r.status + ' ' + indexUrl);
          return r.json();
        });
        meta.catch(function () { meta = null; });
      }
      return meta;
    }
    // Shard k of kind 'word' (t/k.txt) or 'pair' (p/k.txt).
    function shard(m, kind, k) {
      var path = (kind === 'word' ? 't/' : 'p/') + k + '.txt';
      if (!shardCache.has(path)) {
        var p = fetchText(new URL(path + '?v=' + m.v, indexUrl)).then(function (text) {
          var t = parseShard(text);
          t.kind = kind;
          return t;
        });
        p.catch(function () { shardCache.delete(path); });
        shardCache.set(path, p);
      }
      return shardCache.get(path);
    }
    // Record n: in d/K.json, the array of documents K * group to K * group + group - 1.
    function record(m, n) {
      var k = Math.floor(n / m.group);
      if (!groupCache.has(k)) {
        var p = fetchText(new URL('d/' + k + '.json?v=' + m.v, indexUrl)).then(JSON.parse);
        p.catch(function () { groupCache.delete(k); });
        groupCache.set(k, p);
      }
      return groupCache.get(k).then(function (docs) { return docs[n % m.group]; });
    }

    function item(doc, words) {
      var li = document.createElement('li');
      li.className = 'search-result';
      var h = document.createElement('h2');
      h.className = 'search-result-name';
      var a = document.createElement('a');
      a.setAttribute('href', new URL(doc.p, base).pathname);
      fill(a, marked(doc.n, words));
      h.appendChild(a);
      li.appendChild(h);
      var info = document.createElement('p');
      info.className = 'search-result-meta';
      info.textContent = [doc.o, doc.u, (d.tYear ? d.tYear + ' ' : '') + doc.y]
        .filter(Boolean).join(' · ');
      li.appendChild(info);
      var snip = snippet(doc, words);
      if (snip.length) {
        var p = document.createElement('p');
        p.className = 'search-result-snippet';
        fill(p, snip);
        li.appendChild(p);
      }
      return li;
    }

    function clear() {
      list.textContent = '';
      if (more) { more.remove(); more = null; }
    }

    function show(m, docs, words, from, id) {
      var page = docs.slice(from, from + PAGE);
      return Promise.all(page.map(function (n) { return record(m, n); })).then(function (recs) {
        if (id !== run) return;
        recs.forEach(function (doc) { list.appendChild(item(doc, words)); });
        if (more) { more.remove(); more = null; }
        if (from + PAGE < docs.length) {
          more = document.createElement('button');
          more.type = 'button';
          more.className = 'search-more';
          more.textContent = say(d.tMore, { n: Math.min(PAGE, docs.length - from - PAGE) });
          more.addEventListener('click', function () {
            var firstNew = from + PAGE;
            show(m, docs, words, firstNew, id).then(function () {
              var links = list.querySelectorAll('.search-result-name a');
              if (links[firstNew]) links[firstNew].focus();
            });
          });
          list.after(more);
        }
      });
    }

    // `data-done` on the form tells tests (and anyone) which query the page shows.
    function search(q) {
      var p = find(q);
      var id = run;
      return p.then(function () { if (id === run) form.dataset.done = q; });
    }

    function find(q) {
      var id = ++run;
      delete form.dataset.done;
      var words = parseQuery(q);
      if (!words.length) { clear(); status.textContent = ''; return Promise.resolve(); }
      return loadMeta().then(function (m) {
        var need = shardsFor(m.words, words).map(function (k) { return shard(m, 'word', k); });
        var pairs = pairsOf(words);
        need = need.concat(shardsFor(m.pairs || [], pairs).map(function (k) { return shard(m, 'pair', k); }));
        return Promise.all(need).then(function (loaded) {
          if (id !== run) return;
          var terms = function (kind, term, prefix) {
            var out = [];
            loaded.forEach(function (t) {
              if (t.kind !== kind) return;
              if (!prefix) { if (t.has(term)) out.push([term, t.get(term)]); return; }
              t.forEach(function (forms, k) { if (k.startsWith(term)) out.push([k, forms]); });
            });
            return out;
          };
          var docs = rank(words, terms, pairs);
          clear();
          var shown = docs.length ? show(m, docs, words, 0, id) : Promise.resolve();
          return shown.then(function () {
            if (id !== run) return;
            status.textContent = docs.length === 0 ? say(d.tNone, { q: q.trim() })
              : say(docs.length === 1 ? d.tOne : d.tOther, { n: docs.length, q: q.trim() });
          });
        });
      }).catch(function () {
        if (id !== run) return;
        clear();
        status.textContent = d.tError || 'Error';
      });
    }

    function remember(q) {
      var url = new URL(location.href);
      if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { remember(input.value); search(input.value); }, 200);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      remember(input.value);
      search(input.value);
    });

    // Keyboard: from the box, Down goes to the first result; Up and Down move between
    // results, Up from the first goes back to the box; Enter follows the link.
    function links() { return Array.from(list.querySelectorAll('.search-result-name a')); }
    input.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowDown') return;
      var l = links();
      if (l.length) { e.preventDefault(); l[0].focus(); }
    });
    list.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
      var l = links();
      var i = l.indexOf(document.activeElement);
      if (i < 0) return;
      e.preventDefault();
      if (e.key === 'Home') l[0].focus();
      else if (e.key === 'End') l[l.length - 1].focus();
      else if (e.key === 'ArrowDown') { if (i + 1 < l.length) l[i + 1].focus(); else if (more) more.focus(); }
      else if (i > 0) l[i - 1].focus();
      else input.focus();
    });

    var q = new URL(location.href).searchParams.get('q');
    if (q) { input.value = q; search(q); }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
