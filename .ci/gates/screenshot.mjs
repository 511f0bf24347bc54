// node screenshot.mjs BASE_URL OUTDIR PAGE...   (run by screenshot.sh)
// Full-page PNGs at desktop 1366x900 and phone 360x740 (isMobile, touch, DPR 1):
// OUTDIR/<page>-desktop.png, OUTDIR/<page>-phone.png. On the phone, flags horizontal
// overflow (document wider than the viewport) and names the elements sticking out.
// Last line:  screenshot: P pages, N PNGs in OUTDIR (K phone overflow)
// Exit: 0 ok, 1 overflow / load failure / HTTP >= 400 (except /404.html), 2 crash.
import path from 'node:path';
import fs from 'node:fs';

async function main() {
  const { withBrowser, goto, DEVICES } = await import('./browser.mjs');
  const [base, out, ...pages] = process.argv.slice(2);
  fs.mkdirSync(out, { recursive: true });
  const nameOf = p => decodeURIComponent(p).replace(/^\/+|\/+$/g, '').replace(/\.html?$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_') || 'index';
  let pngs = 0, problems = 0, overflow = 0;
  for (const device of Object.keys(DEVICES)) {
    await withBrowser(device, async page => {
      for (const p of pages) {
        const url = new URL(p, base + '/').href;
        const file = path.join(out, `${nameOf(p)}-${device}.png`);
        try {
          const status = await goto(page, url);
          if (status >= 400 && new URL(url).pathname !== '/404.html') { console.log(`${p} ${device}: HTTP ${status}`); problems++; }
          await page.waitForTimeout(100);
          await page.screenshot({ path: file, fullPage: true });
          pngs++;
          let note = '';
          if (device === 'phone') {
            const o = await page.evaluate(() => {
              const cw = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
              if (sw <= cw + 1) return null;
              const desc = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + [...el.classList].slice(0, 2).map(c => '.' + c).join('');
              const wide = [...document.body.querySelectorAll('*')].filter(el => el.getBoundingClientRect().right > cw + 1);
              const leaves = wide.filter(el => !wide.some(o => o !== el && el.contains(o)));
              return { cw, sw, els: leaves.slice(0, 3).map(el => `${desc(el)} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`) };
            });
            if (o) { overflow++; note = `  OVERFLOW: content ${o.sw}px wider than ${o.cw}px viewport; sticking out: ${o.els.join(', ') || '?'}`; }
          }
          console.log(`${file}${note}`);
        } catch (e) { console.log(`${p} ${device}: FAILED ${e.message.split('\n')[0]}`); problems++; }
      }
    });
  }
  console.log(`screenshot: ${pages.length} pages, ${pngs} PNGs in ${out} (${overflow} phone overflow${problems ? `, ${problems} problems` : ''})`);
  process.exitCode = (problems || overflow) ? 1 : 0;
}
main().catch(e => { console.error(e && e.stack || e); console.log('screenshot: SETUP ERROR'); process.exit(2); });
