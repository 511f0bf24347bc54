// Shared helpers for a11y.mjs and screenshot.mjs: load playwright-core and axe-core from
// the CI tool cache ($BANGVANG_PW_PREFIX/node_modules, see env.sh / install.sh) and start
// Debian's Chromium with the flags this machine needs and a fresh, deleted-after profile.
// `node browser.mjs --smoke` is install.sh's smoke test.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PREFIX = process.env.BANGVANG_PW_PREFIX;
if (!PREFIX) throw new Error('BANGVANG_PW_PREFIX is not set (source .ci/gates/env.sh)');
const req = createRequire(path.join(PREFIX, 'package.json'));
export const { chromium } = req('playwright-core');
export const axeSource = () => fs.readFileSync(req.resolve('axe-core/axe.min.js'), 'utf8');
export const EXE = process.env.CHROMIUM || '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const DEVICES = {
  desktop: { label: '1366x900', viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 },
  phone: { label: '360x740', viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
};

const isLocal = u => /^(data|blob|about):/.test(u) || /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u);

// withBrowser(device, fn): fn(page, ctx, blocked) with a fresh Chromium; requests that would
// leave the machine are aborted at once (the network is closed; waiting on them is slow)
// and their URLs collected in `blocked`.
export async function withBrowser(device, fn) {
  const dev = DEVICES[device];
  const ud = fs.mkdtempSync(path.join(os.tmpdir(), `bangvang-chromium-${device}-`));
  const { label, ...opts } = dev;
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(ud, {
      executablePath: EXE, headless: true, args: FLAGS, bypassCSP: true, ...opts,
    });
    const blocked = new Set();
    await ctx.route(u => !isLocal(u.href), r => { blocked.add(r.request().url()); return r.abort('blockedbyclient'); });
    const page = ctx.pages()[0] || await ctx.newPage();
    return await fn(page, ctx, blocked);
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    fs.rmSync(ud, { recursive: true, force: true });
  }
}

// goto(page, url): load and settle (fonts, network idle up to 3 s). Returns the HTTP status.
export async function goto(page, url) {
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
  await page.evaluate(() => document.fonts && document.fonts.ready).catch(() => {});
  return resp ? resp.status() : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
    && process.argv[2] === '--smoke') {
  await withBrowser('desktop', async page => {
    await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="x.png"></main></html>');
    await page.evaluate(axeSource());
    const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const ids = r.violations.map(v => v.id);
    if (!ids.includes('image-alt')) throw new Error(`smoke: axe did not flag image-alt: ${ids}`);
    console.log(`smoke ok: ${await page.evaluate(() => navigator.userAgent)}; axe-core ${r.testEngine.version}`);
  });
}
