// node search.mjs SITE_URL                 (run by search.sh, which serves the site)
// node search.mjs SITE_URL --measure Q...  (bytes a search downloads, cold cache, per query)
// SITE_URL is the address of the site's root, ending in / (it may be a sub-path).
// Checks, in headless Chromium: search.js folds as src/text/fold_cases.tsv says (the
// cases the Rust tests use), ranks an exact-tone match first, and on the search page
// finds the sample site's exemplars by the queries of issue 5, never the pending or
// revoked ones, marks the match, works by keyboard alone, announces the count, and
// passes axe with results shown.
// Prints one line per check; last line:  search: N passed, M failed
// Exit: 0 all passed, 1 a check failed, 2 crash.
import fs from 'node:fs';

async function main() {
const { withBrowser, goto, axeSource } = await import('./browser.mjs');
const [site, mode, ...queries] = process.argv.slice(2);
if (!site || !site.endsWith('/')) throw new Error('usage: search.mjs SITE_URL/ [--measure Q...]');
const searchUrl = new URL('tim-kiem/', site).href;
const sitePath = new URL(site).pathname;

if (mode === '--measure') { await measure(withBrowser, searchUrl, queries); return; }

let passed = 0, failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${String(detail).replace(/\s+/g, ' ').slice(0, 400)}` : ''}`);
};

await withBrowser('desktop', async (page, ctx, blocked) => {
  const errors = [];
  page.on('pageerror', e => errors.push(String(e.message || e).split('\n')[0]));
  const status = await goto(page, searchUrl);
  check('search page loads', status === 200, `HTTP ${status}`);
  const hasApi = await page.evaluate(() => typeof window.BangvangSearch === 'object');
  check('search.js runs', hasApi);
  if (!hasApi) return;

  // 1. Folding: the same cases as the Rust tests.
  const casesFile = process.env.BANGVANG_FOLD_CASES;
  const cases = fs.readFileSync(casesFile, 'utf8').split('\n')
    .filter(l => l && !l.startsWith('#')).map(l => l.split('\t'))
    .map(([input, folded, key]) => [input.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), folded, key]);
  const wrong = await page.evaluate(cs => cs.flatMap(([input, folded, key]) => {
    const S = window.BangvangSearch, out = [];
    if (S.fold(input) !== folded) out.push(`fold(${JSON.stringify(input)}) = ${JSON.stringify(S.fold(input))}, want ${JSON.stringify(folded)}`);
    if (S.toneKey(input) !== key) out.push(`toneKey(${JSON.stringify(input)}) = ${JSON.stringify(S.toneKey(input))}, want ${JSON.stringify(key)}`);
    return out;
  }), cases);
  check(`search.js folds the ${cases.length} cases of fold_cases.tsv as Rust does`, wrong.length === 0 && cases.length >= 20, wrong.join('; '));

  // 2. Ranking on a small made-up shard: documents 0 "Ha", 1 "Hà", 2 "Hạ" (names);
  //    query "Hà" puts 1 first, then the folded ones in document order.
  const order = await page.evaluate(() => {
    const S = window.BangvangSearch;
    const shard = S.parseShard('ha\t 0\thà 8\thạ @\n');
    // Doc 0 has "hà" in its story (field 5), doc 1 "Hạ" as its name.
    const story = S.parseShard('ha\thà 5\thạ 8\n');
    const terms = (src) => (kind, term, prefix) => kind !== 'word' ? []
      : [...src].filter(([t]) => prefix ? t.startsWith(term) : t === term);
    const a = S.rank(S.parseQuery('Hà '), terms(shard));
    const b = S.rank(S.parseQuery('ha '), terms(shard));
    const c = S.rank(S.parseQuery('Hà '), terms(story));
    return { a, b, c };
  });
  check('exact tones rank first ("Hà" → Hà, then Ha, Hạ)', JSON.stringify(order.a) === '[1,0,2]', JSON.stringify(order.a));
  check('query without tones ranks "Ha" first', order.b[0] === 0, JSON.stringify(order.b));
  check('a name match ranks above a story match', JSON.stringify(order.c) === '[1,0]', JSON.stringify(order.c));

  // 3. The search page, as a person uses it.
  const form = 'form[data-index]';
  async function query(q, { submit = false } = {}) {
    await page.fill('#q', '');
    await page.waitForFunction(f => document.querySelector(f).dataset.done === '' || !document.querySelector('#search-results li'), form, { timeout: 5000 }).catch(() => {});
    await page.focus('#q');
    await page.keyboard.insertText(q);
    if (submit) await page.keyboard.press('Enter');
    await page.waitForFunction(([f, v]) => document.querySelector(f).dataset.done === v, [form, q], { timeout: 15000 });
    return page.evaluate(() => ({
      status: document.getElementById('search-status').textContent,
      results: [...document.querySelectorAll('#search-results li')].map(li => ({
        name: li.querySelector('h2').textContent,
        href: li.querySelector('h2 a').getAttribute('href'),
        meta: li.querySelector('.search-result-meta').textContent,
        marks: [...li.querySelectorAll('h2 mark')].map(m => m.textContent),
        snippetMarks: [...li.querySelectorAll('.search-result-snippet mark')].map(m => m.textContent),
      })),
    }));
  }
  const names = r => r.results.map(x => x.name);

  let r = await query('nguyen van an');
  check('"nguyen van an" finds Nguyễn Văn An first', names(r)[0] === 'Nguyễn Văn An', names(r).join(', '));
  check('its name is marked', r.results[0] && r.results[0].marks.join(' ') === 'Nguyễn Văn An', JSON.stringify(r.results[0]?.marks));
  // Newest year first, each with its unit as named that year (renamed on 1 July 2025).
  check('result shows unit and year', r.results[0] && /Phòng Phát triển đô thị và Nhà ở/.test(r.results[0].meta) && /2025/.test(r.results[0].meta), r.results[0]?.meta);
  check('an earlier year shows the unit as it was named then', r.results[1] && /Phòng Quản lý nhà/.test(r.results[1].meta) && /2024/.test(r.results[1].meta), r.results[1]?.meta);
  check('result links into the site', r.results.every(x => x.href.startsWith(sitePath)), r.results.map(x => x.href).join(' '));
  const live = await page.evaluate(() => {
    const s = document.getElementById('search-status');
    return { role: s.getAttribute('role'), live: s.getAttribute('aria-live'), text: s.textContent };
  });
  check('live region announces the count', live.live === 'polite' && live.text.includes(String(r.results.length)) && r.results.length > 0, JSON.stringify(live));

  r = await query('duong');
  check('"duong" finds Đặng Thị Đường', names(r).includes('Đặng Thị Đường'), names(r).join(', '));
  check('"duong" marks Đường', r.results.some(x => x.marks.includes('Đường')), JSON.stringify(r.results.map(x => x.marks)));
  // "dưỡng" is in the story of Phạm Thị Thu Hà, not in her name, unit, position or
  // summary: stories are searched, though a result shows its summary.
  check('"duong" finds Phạm Thị Thu Hà by a word of her story', names(r).includes('Phạm Thị Thu Hà'), names(r).join(', '));

  r = await query('phong quan ly', { submit: true });
  check('"phong quan ly" finds the collective Phòng Quản lý xây dựng first', names(r)[0] === 'Phòng Quản lý xây dựng', names(r).join(', '));
  // Lê Văn Dũng's summary: "Trưởng phòng Quản lý xây dựng, …".
  const dung = r.results.find(x => x.name === 'Lê Văn Dũng');
  check('the snippet (the summary) marks the words found in it', dung && ['phòng', 'Quản', 'lý'].every(w => dung.snippetMarks.includes(w)), JSON.stringify(dung));
  await page.evaluate(axeSource());
  const axe = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = axe.violations.filter(v => v.impact === 'critical' || v.impact === 'serious');
  check('axe: no critical or serious violation with results shown', bad.length === 0, bad.map(v => `${v.id} ${v.nodes[0]?.target}`).join('; '));
  const unitLinks = await (async () => {
    const p2 = await ctx.newPage();
    await goto(p2, new URL('don-vi/phong-quan-ly-xay-dung/', site).href);
    // The unit's own exemplars, not those of the units before it (another name then).
    const l = await p2.evaluate(() => [...document.querySelectorAll('main a')].filter(a => !a.closest('.unit-part')).map(a => a.getAttribute('href')).filter(h => /\/\d{4}\/[^/]+\/$/.test(h)));
    await p2.close();
    return [...new Set(l)];
  })();
  const hrefs = r.results.map(x => x.href);
  check('"phong quan ly" finds every exemplar of that unit', unitLinks.length >= 2 && unitLinks.every(h => hrefs.includes(h)), `${unitLinks.join(' ')} in ${hrefs.join(' ')}`);

  // Keyboard, on these results: Down from the box to the first result, Down/Up between results, Up back.
  await page.focus('#q');
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a.id === 'q' ? 'input' : (a.closest && a.closest('#search-results li') ? a.textContent : a.tagName);
  });
  await page.keyboard.press('ArrowDown');
  const k1 = await focused();
  await page.keyboard.press('ArrowDown');
  const k2 = await focused();
  await page.keyboard.press('ArrowUp');
  const k3 = await focused();
  await page.keyboard.press('ArrowUp');
  const k4 = await focused();
  check('arrow keys move through the results', k1 === names(r)[0] && k2 === names(r)[1] && k3 === k1 && k4 === 'input', [k1, k2, k3, k4].join(' → '));
  await page.focus('#q');
  await page.keyboard.press('Tab'); // the button
  await page.keyboard.press('Tab');
  const k5 = await focused();
  check('Tab reaches the first result', k5 === names(r)[0], k5);
  await Promise.all([page.waitForURL(u => u.pathname !== new URL(searchUrl).pathname, { timeout: 10000 }), page.keyboard.press('Enter')]);
  const opened = new URL(page.url()).pathname;
  check('Enter opens the result', opened === r.results[0].href, `${opened} (want ${r.results[0].href})`);
  await goto(page, searchUrl);

  const nfd = 'NGUYỄN VĂN AN'.normalize('NFD');
  r = await query(nfd);
  check('"NGUYỄN VĂN AN" typed in NFD finds Nguyễn Văn An first', names(r)[0] === 'Nguyễn Văn An', names(r).join(', '));

  const a = await query('hoà');
  const b = await query('hòa');
  check('"hoà" and "hòa" find the same', a.results.length > 0 && JSON.stringify(names(a)) === JSON.stringify(names(b)), `${a.results.length} vs ${b.results.length}`);
  const c = await query('hoá ');
  const d = await query('hóa ');
  check('"hoá" and "hóa" find the same', c.results.length > 0 && JSON.stringify(names(c)) === JSON.stringify(names(d)), `${c.results.length} vs ${d.results.length}`);

  r = await query('Hà');
  check('"Hà" finds Phạm Thị Thu Hà first', names(r)[0] === 'Phạm Thị Thu Hà', names(r).slice(0, 3).join(', '));

  for (const [q, who] of [['mai thi yen', 'pending'], ['truong cong khai', 'revoked']]) {
    r = await query(q);
    const none = await page.evaluate(f => document.querySelector(f).dataset.tNone, form);
    check(`"${q}" (${who}) finds nothing`, r.results.length === 0 && r.status === none.replace('{q}', q), `${names(r).join(', ')} / ${r.status}`);
  }
  r = await query('Yến');
  check('no pending exemplar by a part of the name either', !names(r).some(n => /Mai Thị Yến|Trương Công Khải/.test(n)), names(r).join(', '));

  // ?q= on load, and the header's search box of another page.
  await goto(page, `${searchUrl}?q=${encodeURIComponent('dang thi duong')}`);
  await page.waitForFunction(f => document.querySelector(f).dataset.done === 'dang thi duong', form, { timeout: 15000 }).catch(() => {});
  r = await page.evaluate(() => ({ v: document.getElementById('q').value, first: document.querySelector('#search-results h2')?.textContent }));
  check('?q= is read on load', r.v === 'dang thi duong' && r.first === 'Đặng Thị Đường', JSON.stringify(r));
  await goto(page, site);
  await page.fill('#header-q', 'nguyen van an');
  await Promise.all([page.waitForURL(u => u.pathname.endsWith('/tim-kiem/'), { timeout: 10000 }), page.keyboard.press('Enter')]);
  await page.waitForFunction(f => document.querySelector(f)?.dataset.done === 'nguyen van an', form, { timeout: 15000 }).catch(() => {});
  r = await page.evaluate(() => document.querySelector('#search-results h2')?.textContent);
  check('the header search box of the home page leads to results', r === 'Nguyễn Văn An', String(r));

  check('no JavaScript error', errors.length === 0, errors.join('; '));
  check('nothing requested from another host', blocked.size === 0, [...blocked].join(' '));
});

// Without JavaScript the page still says what to do.
await withBrowser('desktop', async (page, ctx) => {
  await ctx.route(u => u.pathname.endsWith('.js'), r => r.abort('blockedbyclient'));
  await page.goto(`${searchUrl}?q=an`, { waitUntil: 'load' });
  const text = await page.evaluate(() => document.querySelector('main').innerText);
  check('without search.js the page stays readable', /\S/.test(text) && text.length > 40, text.slice(0, 80));
});

console.log(`search: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
}

// For each query, twice in a fresh browser (nothing cached): opening the search page with
// ?q=, and typing the query into the box one key every 250 ms, so that every key (past
// the 200 ms pause) runs a search of its own. Counts the bytes of every response: the
// page, style, script, index.json, shards of words (t/) and pairs (p/), record files (d/,
// each a group of records).
async function measure(withBrowser, searchUrl, queries) {
  const kb = b => (b / 1024).toFixed(1);
  for (const q of queries) {
    for (const how of ['?q=', 'typed']) {
      await withBrowser('desktop', async page => {
        const got = [];
        page.on('response', async resp => {
          try { got.push([new URL(resp.url()).pathname, (await resp.body()).length]); } catch { /* redirects */ }
        });
        if (how === '?q=') {
          await page.goto(`${searchUrl}?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
        } else {
          await page.goto(searchUrl, { waitUntil: 'load' });
          await page.focus('#q');
          for (const ch of q) { await page.keyboard.insertText(ch); await page.waitForTimeout(250); }
        }
        await page.waitForFunction(v => document.querySelector('form[data-index]').dataset.done === v, q, { timeout: 30000 });
        await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
        const shown = await page.evaluate(() => [...document.querySelectorAll('#search-results h2')].map(h => h.textContent));
        const status = await page.evaluate(() => document.getElementById('search-status').textContent);
        const sum = f => got.filter(([p]) => f(p)).reduce((n, [, b]) => n + b, 0);
        const count = f => got.filter(([p]) => f(p)).length;
        const index = p => /\/tim-kiem\/(t|p|d)\/\d+\.(txt|json)$|\/tim-kiem\/index\.json$/.test(p);
        console.log(`"${q}" ${how}: total ${kb(sum(() => true))} KB in ${got.length} files = `
          + `page+css+js ${kb(sum(p => !index(p)))} KB, index.json ${kb(sum(p => p.endsWith('index.json')))} KB, `
          + `${count(p => /\/t\/\d+\.txt$/.test(p))} word shards ${kb(sum(p => /\/t\/\d+\.txt$/.test(p)))} KB, `
          + `${count(p => /\/p\/\d+\.txt$/.test(p))} pair shards ${kb(sum(p => /\/p\/\d+\.txt$/.test(p)))} KB, `
          + `${count(p => /\/d\/\d+\.json$/.test(p))} record files ${kb(sum(p => /\/d\/\d+\.json$/.test(p)))} KB; `
          + `${status}; first: ${shown.slice(0, 3).join(', ')}`);
      });
    }
  }
}

// any crash (browser would not start, module missing...) is exit 2 = cannot run
main().catch(e => { console.error(e && e.stack || e); process.exit(2); });
