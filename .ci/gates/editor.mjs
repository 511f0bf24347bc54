// node editor.mjs EDITOR_URL   (run by editor.sh, which starts `bangvang serve` on a copy of
// the sample site in a git repository and sets BANGVANG_SITE, BANGVANG_BIN, BANGVANG_SHOTS,
// BANGVANG_FIXTURE and BANGVANG_PHOTO).
// The editor as a writer uses it, in headless Chromium: the printed address opens it; the
// list and its search without tones; a profile of each kind created through the form (the
// leader's cross-file diagnostic seen beside its unit); a diagnostic appearing and going as
// the summary is typed; the commented profile edited and checked byte for byte on disk; a
// photo uploaded, shown as published, saved as a bundle with "save and commit"; a file
// changed on disk not overwritten; then `bangvang check` passes and the served pages show
// the edits. Nothing is loaded from another host, no script error, no serious axe finding,
// no sideways scrolling at 390 px.
// Prints one line per check; last line:  editor: N passed, M failed
// Exit: 0 all passed, 1 a check failed, 2 crash.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

async function main() {
const { withBrowser, goto, axeSource } = await import('./browser.mjs');
const url = process.argv[2];
if (!url || !url.includes('/_bangvang/?token=')) throw new Error('usage: editor.mjs EDITOR_URL');
const origin = new URL(url).origin;
const { BANGVANG_SITE: SITE, BANGVANG_BIN: BIN, BANGVANG_SHOTS: SHOTS, BANGVANG_FIXTURE: FIXTURE, BANGVANG_PHOTO: PHOTO } = process.env;
const read = (rel) => fs.readFileSync(`${SITE}/${rel}`, 'utf8');
const exists = (rel) => fs.existsSync(`${SITE}/${rel}`);
const git = (...args) => spawnSync('git', ['-C', SITE, ...args], { encoding: 'utf8' }).stdout.trim();

let passed = 0, failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `: ${String(detail).replace(/\s+/g, ' ').slice(0, 500)}` : ''}`);
  return ok;
};
// The profiles on disk: YEAR/SLUG.md and YEAR/SLUG/index.md.
function profilesOnDisk() {
  let n = 0;
  for (const y of fs.readdirSync(`${SITE}/content`).filter((d) => /^\d{4}$/.test(d))) {
    for (const e of fs.readdirSync(`${SITE}/content/${y}`, { withFileTypes: true })) {
      if (/^[_.]/.test(e.name)) continue;
      if (e.isFile() && e.name.endsWith('.md')) n++;
      if (e.isDirectory() && fs.existsSync(`${SITE}/content/${y}/${e.name}/index.md`)) n++;
    }
  }
  return n;
}
const idOf = (key) => `#f-${key.replace(/[^a-z0-9-]/gi, '_')}`;
const settle = (page) => page.waitForFunction(() => !document.getElementById('app').dataset.busy, null, { timeout: 20000 });
const shot = async (page, name) => { if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false }); };

async function fill(page, values) {
  for (const [key, v] of Object.entries(values)) {
    const sel = idOf(key);
    if (key === 'movements') {
      for (const id of v) await page.check(`${sel} input[value="${id}"]`);
      continue;
    }
    const kind = await page.$eval(sel, (e) => `${e.tagName}:${e.type || ''}`);
    if (kind.startsWith('SELECT')) await page.selectOption(sel, v);
    else if (kind === 'INPUT:checkbox') await page.setChecked(sel, v);
    else await page.fill(sel, v);
  }
  await settle(page);
}

// Every criterion the form shows for the kind chosen gets evidence.
async function fillCriteria(page) {
  const keys = await page.$$eval('.field-criterion:not([hidden])', (rows) => rows.map((r) => r.dataset.field));
  for (const k of keys) await page.fill(idOf(k), 'Minh chứng cụ thể, có số liệu.');
  await settle(page);
  return keys.length;
}

async function save(page, commit = false) {
  await page.click(commit ? '.actions button:not(.primary)' : '.actions button.primary');
  await page.waitForSelector('#save-status.ok, #save-status.alert', { timeout: 20000 });
  const ok = await page.$('#save-status.ok');
  return { ok: !!ok, text: await page.textContent('#save-status') };
}

const process_ = {
  'nomination.date': '2024-11-20', 'vote.date': '2024-12-05', 'vote.members': '11', 'vote.in_favour': '11',
  'decision.number': '1456/QĐ-SXD', 'decision.date': '2024-12-16',
};

async function newProfile(page, values, slug) {
  await page.goto(`${origin}/_bangvang/#/`);
  await page.click('a.button[href="#/new/2024"]');
  await page.waitForSelector('#f-name');
  await fill(page, { name: values.name });
  const auto = await page.inputValue('#slug');
  check(`the address follows the name (${values.name} → ${auto})`, auto === slug, auto);
  await fill(page, { kind: values.kind });
  const shown = async (key) => page.$eval(`.field[data-field="${key}"]`, (r) => !r.hidden);
  check(`${values.kind}: the fields of the kind show`, (await shown('position')) === (values.kind !== 'collective')
    && (await shown('members')) === (values.kind === 'collective'));
  const rest = { ...values };
  delete rest.name; delete rest.kind;
  await fill(page, { ...rest, ...process_ });
  const n = await fillCriteria(page);
  const want = { collective: 8, leader: 7, staff: 8 }[values.kind];
  check(`${values.kind}: one box per criterion of the plan for the kind (${n})`, n === want, n);
  await page.fill('#story', `## Câu chuyện\n\n${values.name} làm việc **tận tụy**.\n`);
  await settle(page);
}

await withBrowser('desktop', async (page, ctx, blocked) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  page.on('dialog', (d) => d.accept());
  const status = await goto(page, url);
  check('the printed address opens the editor', status === 200 && new URL(page.url()).pathname === '/_bangvang/', `${status} ${page.url()}`);
  check('the token leaves the address bar', !page.url().includes('token='), page.url());
  await page.waitForSelector('.item');
  const names = await page.$$eval('.item-name', (as) => as.map((a) => a.textContent));
  const profiles = profilesOnDisk();
  check(`the list shows every profile (${names.length} of ${profiles})`, names.length === profiles && names.includes('Đoàn Minh Châu'), names);
  const years = await page.$$eval('.year h2', (hs) => hs.map((h) => h.textContent));
  check(`the list shows every year (${years.join(', ')})`, years.length === fs.readdirSync(`${SITE}/content`).filter((d) => /^\d{4}$/.test(d)).length, years);
  const badges = await page.$$eval('.item .badge', (bs) => bs.map((b) => b.className));
  check('each profile shows its status', badges.length === profiles && badges.some((b) => b.includes('badge-pending'))
    && badges.some((b) => b.includes('badge-revoked')) && badges.some((b) => b.includes('badge-not-recognised')), badges);
  await shot(page, 'list-desktop');
  await page.fill('#q', 'doan minh chau');
  await page.waitForFunction(() => document.querySelectorAll('.item').length === 1, null, { timeout: 5000 }).catch(() => {});
  const found = await page.$$eval('.item-name', (as) => as.map((a) => a.textContent));
  check('search by name without tones', found.length === 1 && found[0] === 'Đoàn Minh Châu', found);
  await page.evaluate(axeSource());
  const axeList = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = (r) => r.violations.filter((v) => ['critical', 'serious'].includes(v.impact)).map((v) => v.id);
  check('the list passes axe (no critical or serious finding)', bad(axeList).length === 0, bad(axeList));

  // A member of staff, with a diagnostic seen appearing and going while typing.
  await newProfile(page, {
    name: 'Cao Thị Mai', kind: 'staff', unit: 'thanh-tra-so', position: 'Thanh tra viên',
    summary: 'Thanh tra viên giải quyết dứt điểm các đơn thư tồn đọng.', movements: ['so-xay-dung'],
  }, 'cao-thi-mai');
  await fill(page, { summary: 'Rất dài. '.repeat(40) });
  const diag = await page.$$eval('.field[data-field="summary"] .diag-error', (ds) => ds.map((d) => d.textContent));
  check('a diagnostic appears beside the field as one types', diag.length === 1 && diag[0].includes('tối đa 300'), diag);
  const count = await page.textContent(`${idOf('summary')}-count`);
  check('the summary shows its count of characters, as the check counts them', count.startsWith('359/300') && diag[0].includes('359'), `${count} ${diag[0]}`);
  await shot(page, 'form-diagnostic-desktop');
  await fill(page, { summary: 'Thanh tra viên giải quyết dứt điểm các đơn thư tồn đọng.' });
  const gone = await page.$$eval('.field[data-field="summary"] .diag', (ds) => ds.length);
  const total = await page.textContent('#diag-total');
  check('and goes when it is fixed', gone === 0 && total === 'Không có lỗi', `${gone} ${total}`);
  const html = await page.$eval('#preview', (f) => f.contentDocument.querySelector('.story').innerHTML);
  check('the story is previewed by the site\'s Markdown', html.includes('<strong>tận tụy</strong>') && html.includes('<h2'), html);
  let r = await save(page);
  check('a new member of staff is saved', r.ok && exists('content/2024/cao-thi-mai.md'), r.text);

  // A leader of a unit without a collective: the check across files, beside the unit.
  await newProfile(page, {
    name: 'Hồ Văn Thắng', kind: 'leader', unit: 'thanh-tra-so', position: 'Chánh Thanh tra',
    summary: 'Người đứng đầu Thanh tra Sở, đổi mới cách tiếp công dân.', movements: ['so-xay-dung', 'ubnd-tinh'],
  }, 'ho-van-thang');
  const cross = await page.$$eval('.field[data-field="unit"] .diag', (ds) => ds.map((d) => d.textContent));
  check('a cross-file diagnostic (leader without its collective) shows beside the unit', cross.some((t) => t.includes('leader-collective')), cross);
  r = await save(page);
  check('a new leader is saved', r.ok && exists('content/2024/ho-van-thang.md'), r.text);

  // The collective of that unit.
  await newProfile(page, {
    name: 'Thanh tra Sở', kind: 'collective', unit: 'thanh-tra-so', members: '8', excellent_members: '5',
    summary: 'Tập thể giải quyết đúng hạn mọi đơn thư năm 2024.', movements: ['so-xay-dung'],
  }, 'thanh-tra-so');
  check('a new collective has no problem left', (await page.textContent('#diag-total')) === 'Không có lỗi', await page.textContent('#other-diags'));
  r = await save(page);
  check('a new collective is saved', r.ok && exists('content/2024/thanh-tra-so.md'), r.text);

  // The profile with comments: only the edited keys change.
  const original = fs.readFileSync(FIXTURE, 'utf8');
  await page.goto(`${origin}/_bangvang/#/p/${encodeURIComponent('content/2024/doan-minh-chau.md')}`);
  await page.waitForSelector('#f-name');
  await page.waitForFunction(() => document.getElementById('f-name').value === 'Đoàn Minh Châu');
  await settle(page);
  await fill(page, { name: 'Đoàn Thị Minh Châu', position: 'Chuyên viên chính', movements: ['cong-doan-co-quan'] });
  await page.evaluate(axeSource());
  const axeForm = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  check('the form passes axe (no critical or serious finding)', bad(axeForm).length === 0, bad(axeForm));
  r = await save(page);
  const edited = original
    .replace('name = "Đoàn Minh Châu" # như', 'name = "Đoàn Thị Minh Châu" # như')
    .replace('position = "Chuyên viên" # chức', 'position = "Chuyên viên chính" # chức')
    .replace('movements = ["so-xay-dung"] # phong trào', 'movements = ["so-xay-dung", "cong-doan-co-quan"] # phong trào');
  const onDisk = read('content/2024/doan-minh-chau.md');
  check('the edited file keeps every other byte (comments, order, blank lines, the story)', r.ok && onDisk === edited && edited !== original,
    `${r.text} ${JSON.stringify(onDisk)}`);

  // A photo: shown as published, saved with the profile as a bundle, and committed.
  await page.waitForFunction(() => document.getElementById('f-name').value === 'Đoàn Thị Minh Châu');
  await page.setInputFiles('#photo-file', PHOTO);
  await page.waitForFunction(() => /\d+×\d+/.test(document.getElementById('photo-name').textContent), null, { timeout: 30000 });
  check('an older consent key is not offered in a file without it', !(await page.$('.field[data-field="photo_consent"]')));
  await page.check('#consent-given');
  await settle(page);
  const consentDay = await page.inputValue(idOf('consent.photo'));
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  check('the consent box records the day of the consent (today unless changed)', consentDay === today, consentDay);
  await page.waitForFunction(() => { const i = document.querySelector('#photo-shown img'); return i && i.complete && i.naturalWidth > 0; }, null, { timeout: 10000 });
  const width = await page.$eval('#photo-shown img', (i) => i.naturalWidth);
  check(`the photo is shown as the site publishes it (${width} px wide)`, width > 0 && width <= 320, width);
  await shot(page, 'form-photo-desktop');
  r = await save(page, true);
  const bundle = 'content/2024/doan-minh-chau/index.md';
  const photoSaved = exists('content/2024/doan-minh-chau/anh-dai-dien.jpg')
    && Buffer.compare(fs.readFileSync(`${SITE}/content/2024/doan-minh-chau/anh-dai-dien.jpg`), fs.readFileSync(PHOTO)) === 0;
  check('a photo makes the profile a bundle beside its photo', r.ok && exists(bundle) && !exists('content/2024/doan-minh-chau.md') && photoSaved, r.text);
  const withPhoto = edited
    .replace('thời gian thẩm định."\n', 'thời gian thẩm định."\nphoto = "anh-dai-dien.jpg"\n')
    .replace('# phong trào\n\n# Minh chứng', `# phong trào\n\n[consent]\nphoto = ${today}\n\n# Minh chứng`);
  check('and the file only gains the photo and the record of consent', exists(bundle) && read(bundle) === withPhoto, exists(bundle) ? JSON.stringify(read(bundle)) : '');
  const log = git('log', '-1', '--format=%s|%an', '--name-status');
  check('"save and commit" commits that profile alone, with git\'s own author', log.startsWith('Sửa hồ sơ Đoàn Thị Minh Châu')
    && log.includes('|Cổng kiểm tra') && log.includes('doan-minh-chau/index.md') && log.includes('anh-dai-dien.jpg')
    && !log.includes('cao-thi-mai'), log);

  // A file changed on disk after the form was opened is not overwritten.
  await page.waitForFunction(() => document.getElementById('f-name').value === 'Đoàn Thị Minh Châu');
  const theirs = `${read(bundle)}\nMột người khác thêm dòng này.\n`;
  fs.writeFileSync(`${SITE}/${bundle}`, theirs);
  await fill(page, { position: 'Trưởng nhóm' });
  r = await save(page);
  check('a file changed on disk since the form was opened is not overwritten', !r.ok && r.text.includes('sửa ở nơi khác') && read(bundle) === theirs, r.text);

  const out = spawnSync(BIN, ['check', '--root', SITE], { encoding: 'utf8' });
  check('`bangvang check` passes on what the editor wrote', out.status === 0, out.stdout + out.stderr);
  let page200 = '';
  for (let i = 0; i < 100 && !(page200.includes('Đoàn Thị Minh Châu') && page200.includes('anh-320.jpg')); i++) {
    page200 = await (await fetch(`${origin}/2024/doan-minh-chau/`)).text();
    await new Promise((res) => setTimeout(res, 100));
  }
  check('the served page shows the edit and the photo', page200.includes('Đoàn Thị Minh Châu') && page200.includes('anh-320.jpg'));
  const pages = await Promise.all(['cao-thi-mai', 'ho-van-thang', 'thanh-tra-so'].map(async (s) => (await fetch(`${origin}/2024/${s}/`)).status));
  check('the new profiles are served', pages.every((s) => s === 200), pages);
  check('nothing is loaded from another host', blocked.size === 0, [...blocked]);
  check('no script error', errors.length === 0, errors);
});

await withBrowser('phone', async (page, ctx, blocked) => {
  await page.setViewportSize({ width: 390, height: 844 });
  page.on('dialog', (d) => d.accept());
  await goto(page, url);
  await page.waitForSelector('.item');
  const over = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('the list fits a phone (390 px)', (await over()) <= 0, await over());
  await shot(page, 'list-phone');
  await page.goto(`${origin}/_bangvang/#/p/${encodeURIComponent('content/2024/cao-thi-mai.md')}`);
  await page.waitForSelector('#f-name');
  await settle(page);
  await fill(page, { summary: 'Rất dài. '.repeat(40) });
  await page.locator('.field[data-field="summary"]').scrollIntoViewIfNeeded();
  check('the form fits a phone (390 px)', (await over()) <= 0, await over());
  await shot(page, 'form-diagnostic-phone');
  check('nothing is loaded from another host (phone)', blocked.size === 0, [...blocked]);
});

console.log(`editor: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); console.log(`editor: SETUP ERROR (${String(e.message || e).split('\n')[0]})`); process.exit(2); });
