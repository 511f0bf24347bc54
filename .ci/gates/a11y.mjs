// node a11y.mjs BASE_URL PAGE...   (run by a11y.sh, which serves the site and sets env)
// axe-core default rules on each page at 1366x900 and at 360x740 (phone emulation).
// Prints each page's violated rules (impact, rule id, nodes per viewport, one selector),
// then:  axe: C critical, S serious, M moderate, m minor (P pages)
// Counts are violated rules per page (a rule seen at both viewports counts once).
// A page answering HTTP >= 400 (except /404.html) or failing to load is a failure.
// Exit: 0 no critical/serious and all pages loaded, 1 otherwise, 2 crash.
async function main() {
const { withBrowser, goto, axeSource, DEVICES } = await import('./browser.mjs');
const [base, ...pages] = process.argv.slice(2);
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];
const axeSrc = axeSource();
const results = new Map(pages.map(p => [p, { rules: new Map(), problems: [], notes: new Set() }]));

for (const device of Object.keys(DEVICES)) {
  const vp = DEVICES[device].label;
  await withBrowser(device, async (page, ctx, blocked) => {
    let jsErrors = [];
    page.on('pageerror', e => jsErrors.push(String(e.message || e).split('\n')[0]));
    for (const p of pages) {
      const r = results.get(p);
      // A page path is inside the base, which may be a sub-path (/thi-dua).
      const url = new URL(p.replace(/^\//, ''), base + '/').href;
      jsErrors = []; blocked.clear();
      let status;
      try { status = await goto(page, url); } catch (e) {
        r.problems.push(`${vp}: load failed: ${e.message.split('\n')[0]}`); continue;
      }
      const isNotFoundPage = new URL(url).pathname === '/404.html';
      if (status >= 400 && !isNotFoundPage) { r.problems.push(`${vp}: HTTP ${status}`); continue; }
      await page.evaluate(axeSrc);
      const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of res.violations) {
        const e = r.rules.get(v.id) || { impact: v.impact || 'minor', help: v.help, nodes: {}, sel: '' };
        if (IMPACTS.indexOf(v.impact) < IMPACTS.indexOf(e.impact)) e.impact = v.impact;
        e.nodes[vp] = v.nodes.length;
        if (!e.sel && v.nodes[0]) e.sel = [].concat(...(v.nodes[0].target || [])).join(' ').slice(0, 100);
        r.rules.set(v.id, e);
      }
      for (const m of jsErrors) r.notes.add(`JS error: ${m}`);
      for (const u of blocked) r.notes.add(`blocked off-machine request: ${u}`);
    }
  });
}

const total = Object.fromEntries(IMPACTS.map(k => [k, 0]));
let failedPages = 0;
for (const [p, r] of results) {
  const c = Object.fromEntries(IMPACTS.map(k => [k, 0]));
  for (const e of r.rules.values()) c[e.impact]++;
  IMPACTS.forEach(k => { total[k] += c[k]; });
  if (r.problems.length) failedPages++;
  const head = r.problems.length ? `FAILED (${r.problems.join('; ')})`
    : r.rules.size ? IMPACTS.filter(k => c[k]).map(k => `${c[k]} ${k}`).join(', ') : 'clean';
  console.log(`${p}: ${head}`);
  const rules = [...r.rules.entries()].sort((a, b) => IMPACTS.indexOf(a[1].impact) - IMPACTS.indexOf(b[1].impact));
  for (const [id, e] of rules) {
    const n = Object.entries(e.nodes).map(([vp, k]) => `${k} @${vp}`).join(', ');
    console.log(`   ${e.impact.padEnd(8)} ${id} (${n}) e.g. ${e.sel}  -- ${e.help}`);
  }
  for (const note of r.notes) console.log(`   note: ${note}`);
}
const bad = total.critical + total.serious;
console.log(`axe: ${total.critical} critical, ${total.serious} serious, ${total.moderate} moderate, ${total.minor} minor `
  + `(${pages.length} pages${failedPages ? `, ${failedPages} failed to load` : ''})`);
process.exitCode = (bad || failedPages) ? 1 : 0;
}

// any crash (browser would not start, module missing...) is exit 2 = cannot run, not 'violations'
main().catch(e => { console.error(e && e.stack || e); process.exit(2); });
