// The editor's form (loaded after editor.js, whose helpers it uses): built from the year's
// form as the server describes it, the check's diagnostics beside the fields as one
// types, the photo, the story's preview, saving; and the routes of the page.
'use strict';

let F = null; // the form being edited: { form, file, year, hash, initial, story0, upload, photo, ... }

function fieldLabel(f) { return f.label || w(`field.${f.key}`); }
function fieldHelp(f) { const k = `help.${f.key}`; return k in W ? W[k] : null; }
const idOf = (key) => `f-${key.replace(/[^a-z0-9-]/gi, '_')}`;

function input(f) {
  const id = idOf(f.key);
  const common = { id, name: f.key, 'data-key': f.key, oninput: changed, onchange: changed };
  switch (f.input) {
    case 'long_text':
    case 'criterion':
      return el('textarea', { ...common, rows: f.input === 'criterion' ? 3 : 3 });
    case 'integer':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'short' });
    case 'date':
      return el('input', { ...common, type: 'date', class: 'short' });
    case 'bool':
      return el('input', { ...common, type: 'checkbox' });
    case 'kind':
      return el('select', common, el('option', { value: '', text: w('choose') }),
        F.form.kinds.map((k) => el('option', { value: k, text: w(KINDS[k]) })));
    case 'unit': {
      // The units of the form's year first; the others after, with their dates.
      const label = (u) => {
        const period = [u.from ? fill(w('unit_from'), { date: u.from }) : null, u.until ? fill(w('unit_until'), { date: u.until }) : null].filter(Boolean).join(', ');
        return period ? `${u.name} (${period})` : u.name;
      };
      const option = (u) => el('option', { value: u.id, text: label(u) });
      const others = F.form.units.filter((u) => !u.in_year);
      return el('select', common, el('option', { value: '', text: w('choose') }),
        F.form.units.filter((u) => u.in_year).map(option),
        others.length ? el('optgroup', { label: fill(w('units_other_years'), { year: F.year }) }, others.map(option)) : null);
    }
    case 'person':
      return el('input', { ...common, type: 'text', autocomplete: 'off', list: 'people-list', spellcheck: 'false' });
    case 'movements':
      return el('div', { id, class: 'choices', role: 'group', 'data-key': f.key, 'aria-labelledby': `${id}-label` },
        F.form.movements.map((m) => el('label', { class: 'choice' },
          el('input', { type: 'checkbox', value: m.id, 'data-movement': '1', onchange: changed }), ' ', m.name)));
    default:
      return el('input', { ...common, type: 'text', autocomplete: 'off' });
  }
}

function fieldRow(f) {
  const id = idOf(f.key);
  const box = input(f);
  const help = fieldHelp(f);
  const isBool = f.input === 'bool';
  const label = f.input === 'movements'
    ? el('span', { class: 'label', id: `${id}-label`, text: fieldLabel(f) })
    : el('label', { for: id, class: isBool ? 'label label-inline' : 'label' }, isBool ? [box, ' ', fieldLabel(f)] : fieldLabel(f));
  const extra = [];
  if (f.max_chars) extra.push(el('p', { class: 'count small', id: `${id}-count`, 'aria-live': 'polite' }));
  if (help) extra.push(el('p', { class: 'help small', id: `${id}-help`, text: help }));
  const describedBy = [help ? `${id}-help` : null, f.max_chars ? `${id}-count` : null, `${id}-diags`].filter(Boolean).join(' ');
  if (f.input !== 'movements') box.setAttribute('aria-describedby', describedBy);
  return el('div', { class: `field field-${f.input}`, 'data-field': f.key, 'data-kinds': f.kinds.join(' ') },
    el('div', { class: 'field-main' }, label, isBool ? null : box, ...extra),
    el('ul', { class: 'diags field-diags', id: `${id}-diags` }));
}

function readValue(key) {
  const f = F.form.fields.find((x) => x.key === key);
  const box = document.getElementById(idOf(key));
  if (!f || !box) return undefined;
  if (f.input === 'bool') return box.checked;
  if (f.input === 'movements') return [...box.querySelectorAll('input:checked')].map((i) => i.value);
  return box.value;
}

function writeValue(f, v) {
  const box = document.getElementById(idOf(f.key));
  if (!box) return;
  if (f.input === 'bool') box.checked = v === true;
  else if (f.input === 'movements') {
    const want = Array.isArray(v) ? v : [];
    for (const i of box.querySelectorAll('input')) i.checked = want.includes(i.value);
    // A movement the plan does not have stays visible, so that it can be unticked.
    for (const id of want) {
      if (!F.form.movements.some((m) => m.id === id)) {
        box.append(el('label', { class: 'choice choice-unknown' },
          el('input', { type: 'checkbox', value: id, checked: true, onchange: changed }), ' ', id));
      }
    }
  } else if (f.input === 'kind' || f.input === 'unit') {
    const value = typeof v === 'string' ? v : '';
    if (value && ![...box.options].some((o) => o.value === value)) box.append(el('option', { value, text: value }));
    box.value = value;
  } else box.value = typeof v === 'string' ? v : (v === undefined || v === null ? '' : String(v));
}

const norm = (v) => (Array.isArray(v) ? JSON.stringify([...v].sort()) : v === undefined || v === null ? '' : String(v));

function values() {
  const out = {};
  for (const f of F.form.fields) out[f.key] = readValue(f.key);
  return out;
}

function edits() {
  const now = values();
  const out = {};
  for (const [k, v] of Object.entries(now)) if (norm(v) !== norm(F.initial[k])) out[k] = v;
  return out;
}

function currentKind() { return readValue('kind') || null; }

function applyKind() {
  const kind = currentKind();
  for (const row of app.querySelectorAll('.field[data-kinds]')) {
    const kinds = row.dataset.kinds.split(' ').filter(Boolean);
    row.hidden = !!(kinds.length && kind && !kinds.includes(kind));
  }
  if (document.getElementById('consent-given')) showConsent();
}

function updateCounts() {
  for (const f of F.form.fields.filter((x) => x.max_chars)) {
    // Counted as the check counts: the text read without its spaces at either end.
    const n = chars((readValue(f.key) || '').trim());
    const c = document.getElementById(`${idOf(f.key)}-count`);
    if (c) { c.textContent = fill(w('char_count'), { n, max: f.max_chars }); c.classList.toggle('over', n > f.max_chars); }
  }
}

function draftBody() {
  const story = document.getElementById('story').value;
  const slugBox = document.getElementById('slug');
  return {
    file: F.file, year: F.year, edits: edits(),
    story: story !== F.story0 ? story : null,
    slug: slugBox ? slugBox.value.trim() : null,
    upload: F.upload ? F.upload.id : null,
    remove_photo: F.removePhoto,
  };
}

let draftTimer = null;
let draftSeq = 0;
function changed(e) {
  const target = e && e.target;
  if (target && (target.dataset.key || target.id)) F.touched.add(target.dataset.key || target.id);
  if (target && target.dataset.movement) F.touched.add('movements');
  if (target && target.id === 'slug') F.slugTouched = true;
  if (e && e.target && e.target.dataset && e.target.dataset.key === 'name' && !F.file && !F.slugTouched) {
    const s = document.getElementById('slug'); if (s) s.value = slugify(e.target.value);
  }
  applyKind();
  updateCounts();
  const d = draftBody();
  dirty = Object.keys(d.edits).length > 0 || d.story !== null || !!d.upload || d.remove_photo;
  setStatus(dirty ? w('unsaved') : '', '');
  clearTimeout(draftTimer);
  app.dataset.busy = '1';
  draftTimer = setTimeout(runDraft, 250);
}

// `data-busy` on #app while the check of what was typed is on its way (for tests).
async function runDraft() {
  const seq = ++draftSeq;
  app.dataset.busy = '1';
  const { status, data } = await api('POST', '/_bangvang/api/draft', draftBody());
  if (seq !== draftSeq || !F) return;
  delete app.dataset.busy;
  if (status !== 200) { showDiagnostics([], data.error); return; }
  F.last = data;
  showDiagnostics(data.diagnostics, null);
  showPreview(data.story_html);
  showPhoto(data);
  const badge = document.getElementById('form-status');
  if (badge) badge.replaceChildren(statusBadge(data.status));
  const where = document.getElementById('form-file');
  if (where) where.textContent = data.file;
}

// Whether the writer has been at the field `key` (or a field inside the table `key`; the
// address is made from the name).
function wasTouched(key) {
  if (key === 'slug' && F.touched.has('name')) return true;
  return [...F.touched].some((t) => t === key || t.startsWith(`${key}.`));
}

function showDiagnostics(diags, error) {
  for (const list of app.querySelectorAll('.field-diags, #other-diags')) list.replaceChildren();
  for (const box of app.querySelectorAll('[aria-invalid]')) box.removeAttribute('aria-invalid');
  const other = document.getElementById('other-diags');
  if (error) other.append(el('li', { class: 'diag diag-error', text: error }));
  let errors = 0, warnings = 0;
  for (const d of diags) {
    if (d.severity === 'error') errors++; else warnings++;
    const key = d.field || '';
    // A new profile does not greet its writer with every blank it still has: what is
    // missing is shown once they have been at that field, or have tried to save.
    const missing = d.rule === 'missing-field' || d.rule === 'missing-criterion' || d.rule === 'bad-slug';
    if (!F.file && !F.showAll && missing && !wasTouched(key)) continue;
    const row = key && app.querySelector(`.field[data-field="${CSS.escape(key)}"]:not([hidden])`);
    const target = row ? row.querySelector('.field-diags') : document.getElementById(`group-${key.split('.')[0]}-diags`) || other;
    target.append(diagLine(d));
    if (row) { const box = row.querySelector('input, select, textarea'); if (box && d.severity === 'error') box.setAttribute('aria-invalid', 'true'); }
  }
  document.getElementById('other-box').hidden = !other.children.length;
  const total = document.getElementById('diag-total');
  total.textContent = countText(errors, warnings);
  total.className = `diag-total ${errors ? 'has-errors' : warnings ? 'has-warnings' : 'clean'}`;
}

function showPreview(html) {
  const frame = document.getElementById('preview');
  if (!frame) return;
  const base = `/${F.year}/${(F.last && F.last.slug) || F.slug || ''}/`;
  frame.srcdoc = `<!doctype html><html lang="${C.lang}"><head><meta charset="utf-8"><base href="${base}" target="_blank">`
    + `<link rel="stylesheet" href="/style.css"></head><body class="preview-body"><main class="wrap"><section class="story">${html}</section></main></body></html>`;
  frame.onload = () => { try { frame.style.height = `${Math.max(120, frame.contentDocument.documentElement.scrollHeight + 8)}px`; } catch (e) { /* opaque */ } };
}

function showPhoto(data) {
  const fig = document.getElementById('photo-shown');
  if (!fig) return;
  const consent = !!(data && data.photo_allowed);
  let src = null;
  if (F.upload) src = `/_bangvang/api/upload?id=${encodeURIComponent(F.upload.id)}`;
  else if (F.photo && !F.removePhoto && F.file) src = `/_bangvang/api/photo?file=${encodeURIComponent(F.file)}&v=${encodeURIComponent(F.hash || '')}`;
  const note = document.getElementById('photo-note');
  const parts = [];
  if (src && consent) parts.push(el('img', { src, alt: w('photo_alt'), width: 320 }));
  else if (data && data.avatar) { const span = el('span', { class: 'avatar', 'aria-hidden': 'true' }); span.innerHTML = data.avatar; parts.push(span); }
  fig.replaceChildren(...parts);
  note.textContent = src ? (consent ? w('photo_published') : w('photo_no_consent')) : w('photo_none');
  document.getElementById('photo-remove').hidden = !src;
  const name = document.getElementById('photo-name');
  name.textContent = F.upload ? fill(w('photo_new'), { w: F.upload.width, h: F.upload.height }) : (F.photo && !F.removePhoto ? F.photo : '');
}

const today = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };

// The box "the person agreed" is the record `[consent]`: ticked, it dates the consent
// today (the date can be changed); unticked, the record goes. The older
// `photo_consent = true` goes once the record is there.
function consentToggled(e) {
  const on = e.target.checked;
  const date = document.getElementById(idOf('consent.photo'));
  if (on && !date.value) date.value = today();
  if (!on) {
    for (const k of ['consent.photo', 'consent.withdrawn']) document.getElementById(idOf(k)).value = '';
    document.getElementById(idOf('consent.withdrawn_story')).checked = false;
  }
  const legacy = document.getElementById(idOf('photo_consent'));
  if (legacy && on) legacy.checked = false;
  showConsent();
  changed({ target: date });
}

function showConsent() {
  const on = document.getElementById('consent-given').checked;
  for (const k of ['consent.photo', 'consent.withdrawn', 'consent.withdrawn_story']) {
    const row = app.querySelector(`.field[data-field="${k}"]`);
    if (row) row.hidden = !on;
  }
}

async function uploadPhoto(e) {
  const file = e.target.files && e.target.files[0];
  const msg = document.getElementById('photo-msg');
  if (!file) return;
  if (file.size > C.maxUpload) { msg.textContent = w('photo_too_big'); msg.className = 'alert small'; return; }
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type)) { msg.textContent = w('photo_wrong_type'); msg.className = 'alert small'; return; }
  msg.textContent = w('photo_working'); msg.className = 'muted small';
  const { status, data } = await api('PUT', '/_bangvang/api/upload', file, file.type);
  if (status !== 200) { msg.textContent = data.error + (data.hint ? ` ${data.hint}` : ''); msg.className = 'alert small'; return; }
  msg.textContent = ''; F.upload = data; F.removePhoto = false;
  changed();
}

function removePhoto() {
  F.upload = null; F.removePhoto = !!F.photo;
  document.getElementById('photo-file').value = '';
  changed();
}

function setStatus(text, kind, link) {
  const s = document.getElementById('save-status');
  if (!s) return;
  s.className = `save-status ${kind}`;
  s.replaceChildren(text, link || '');
}

async function saveForm(commit) {
  F.showAll = true;
  const body = { draft: draftBody(), base: F.hash, commit };
  for (const b of app.querySelectorAll('.actions button')) b.disabled = true;
  setStatus(w('saving'), '');
  const { status, data } = await api('POST', '/_bangvang/api/save', body);
  for (const b of app.querySelectorAll('.actions button')) b.disabled = false;
  if (status !== 200) {
    const reload = status === 409 && F.file ? el('button', { type: 'button', class: 'link', onclick: () => openProfile(F.file), text: w('reload') }) : null;
    setStatus(data.error || w('err_network'), 'alert', reload);
    return;
  }
  dirty = false;
  let text = w('saved');
  if (data.commit) text += ` ${data.commit.ok ? fill(w('committed'), { hash: data.commit.hash }) : fill(w('commit_failed'), { error: data.commit.error })}`;
  const link = el('a', { href: data.page, target: '_blank', text: w('view_page') });
  const wasNew = !F.file || F.file !== data.file;
  F.hash = data.hash;
  if (wasNew) { location.hash = `#/p/${encodeURIComponent(data.file)}`; pendingMessage = [text, link]; return; }
  await openProfile(data.file);
  setStatus(`${text} `, 'ok', link);
}

let pendingMessage = null;

function buildForm(profile) {
  const fields = F.form.fields;
  const groups = {};
  for (const f of fields) (groups[f.group] = groups[f.group] || []).push(f);
  const title = profile ? (profile.values.name || profile.slug) : fill(w('new_title'), { year: F.year });
  document.title = `${title} · ${w('title')}`;
  const head = el('div', { class: 'form-head' },
    el('p', {}, el('a', { href: '#/', text: w('back'), onclick: (e) => { if (dirty && !confirm(w('leave_unsaved'))) e.preventDefault(); else dirty = false; } })),
    el('h1', { text: title }),
    el('p', { class: 'muted small' }, el('span', { id: 'form-status' }), ' ', el('code', { id: 'form-file', text: F.file || '' }),
      ' · ', fill(w('year_plan'), { plan: F.form.plan_number })));
  const sections = [];
  const general = el('fieldset', { class: 'group', id: 'group-general' }, el('legend', { text: w(GROUPS.general) }),
    el('ul', { class: 'diags field-diags', id: 'group-root-diags' }));
  for (const f of groups.general || []) {
    general.append(fieldRow(f));
    if (f.key === 'name' && !F.file) {
      general.append(el('div', { class: 'field', 'data-field': 'slug' },
        el('div', { class: 'field-main' },
          el('label', { for: 'slug', class: 'label', text: w('slug_label') }),
          el('div', { class: 'slug' }, el('span', { class: 'muted', text: `/${F.year}/` }),
            el('input', { id: 'slug', type: 'text', autocomplete: 'off', 'aria-describedby': 'slug-help', oninput: changed })),
          el('p', { id: 'slug-help', class: 'help small', text: w('slug_help') })),
        el('ul', { class: 'diags field-diags' })));
    }
  }
  sections.push(general);
  const photo = el('fieldset', { class: 'group', id: 'group-photo' }, el('legend', { text: w(GROUPS.photo) }),
    el('div', { class: 'photo' },
      el('figure', { class: 'portrait', id: 'photo-shown' }),
      el('div', { class: 'photo-side' },
        el('p', { class: 'small', id: 'photo-note', 'aria-live': 'polite' }),
        el('p', { class: 'small muted', id: 'photo-name' }),
        el('label', { for: 'photo-file', class: 'label', text: w('photo_choose') }),
        el('input', { type: 'file', id: 'photo-file', accept: 'image/jpeg,image/png,image/webp', 'aria-describedby': 'photo-help', onchange: uploadPhoto }),
        el('p', { class: 'help small', id: 'photo-help', text: w('photo_help') }),
        el('p', { id: 'photo-msg', 'aria-live': 'polite' }),
        el('button', { type: 'button', class: 'link', id: 'photo-remove', onclick: removePhoto, text: w('photo_remove') }),
        el('label', { class: 'label label-inline consent-given' },
          el('input', { type: 'checkbox', id: 'consent-given', onchange: consentToggled }), ' ', w('consent_given')),
        el('div', { id: 'consent-detail' }, ...(groups.photo || []).map(fieldRow)))),
    el('ul', { class: 'diags field-diags', id: 'group-photo-diags' }));
  sections.push(photo);
  const criteria = el('fieldset', { class: 'group', id: 'group-criteria' }, el('legend', { text: w(GROUPS.criteria) }),
    el('p', { class: 'help small', text: fill(w('criteria_help'), { plan: F.form.plan_number }) }),
    el('ul', { class: 'diags field-diags', id: 'group-criteria-diags' }), (groups.criteria || []).map(fieldRow));
  sections.push(criteria);
  const process = el('fieldset', { class: 'group', id: 'group-process' }, el('legend', { text: w(GROUPS.process) }),
    el('p', { class: 'help small', text: fill(w('process_help'), { deadline: F.form.deadline }) }));
  let table = null;
  for (const f of groups.process || []) {
    const t = f.key.split('.')[0];
    if (t !== table) { table = t; process.append(el('h3', { text: w(`table.${t}`) }), el('ul', { class: 'diags field-diags', id: `group-${t}-diags` })); }
    process.append(fieldRow(f));
  }
  sections.push(process);
  const revoked = el('details', { class: 'group group-details', id: 'group-revoked' },
    el('summary', { text: w(GROUPS.revoked) }), el('p', { class: 'help small', text: w('revoked_help') }),
    el('ul', { class: 'diags field-diags', id: 'group-revoked-diags' }), (groups.revoked || []).map(fieldRow));
  sections.push(revoked);
  const story = el('fieldset', { class: 'group', id: 'group-story' }, el('legend', { text: w('group_story') }),
    el('label', { for: 'story', class: 'label', text: w('story_label') }),
    el('textarea', { id: 'story', rows: 14, class: 'story-text', 'aria-describedby': 'story-help', oninput: changed }),
    el('p', { id: 'story-help', class: 'help small', text: w('story_help') }),
    el('h3', { text: w('preview') }),
    el('iframe', { id: 'preview', title: w('preview'), sandbox: 'allow-same-origin', class: 'preview' }));
  sections.push(story);
  const actions = el('div', { class: 'actions' },
    el('span', { id: 'diag-total', class: 'diag-total', 'aria-live': 'polite' }),
    el('button', { type: 'submit', class: 'primary', text: w('save') }),
    C.git ? el('button', { type: 'button', onclick: () => saveForm(true), text: w('save_commit') }) : null,
    el('p', { id: 'save-status', class: 'save-status', role: 'status' }));
  const other = el('section', { class: 'panel panel-problems', id: 'other-box', hidden: true },
    el('h2', { text: w('other_problems') }), el('ul', { class: 'diags', id: 'other-diags' }));
  const form = el('form', { class: 'editor', novalidate: true, onsubmit: (e) => { e.preventDefault(); saveForm(false); } },
    other, ...sections, actions);
  app.replaceChildren(head, form);
  if (profile) {
    for (const f of fields) writeValue(f, profile.values[f.key]);
    document.getElementById('story').value = profile.story || '';
  }
  // An older key shows only where the file has it.
  for (const f of fields.filter((x) => x.legacy)) {
    const row = app.querySelector(`.field[data-field="${f.key}"]`);
    if (row && !(profile && f.key in profile.values)) row.remove();
  }
  document.getElementById('consent-given').checked = !!(profile && profile.values['consent.photo']);
  showConsent();
  app.append(el('datalist', { id: 'people-list' }, F.form.people.map((p) => el('option', { value: p.id, label: p.name }))));
  F.initial = values();
  F.story0 = document.getElementById('story').value;
  revoked.open = fields.some((f) => f.group === 'revoked' && norm(F.initial[f.key]) !== '');
  applyKind();
  updateCounts();
  if (profile && profile.diagnostics) showDiagnostics(profile.diagnostics, null);
  runDraft();
}

async function openProfile(file) {
  app.replaceChildren(el('p', { class: 'muted', text: w('loading') }));
  const { status, data } = await api('GET', `/_bangvang/api/profile?file=${encodeURIComponent(file)}`);
  if (status !== 200) { app.replaceChildren(el('p', {}, el('a', { href: '#/', text: w('back') })), el('p', { class: 'alert', text: data.error })); return; }
  if (!data.editable) {
    app.replaceChildren(el('p', {}, el('a', { href: '#/', text: w('back') })), el('h1', { text: file }),
      el('p', { class: 'alert', text: data.reason }), el('ul', { class: 'diags' }, data.diagnostics.map(diagLine)));
    return;
  }
  const form = await api('GET', `/_bangvang/api/form?year=${data.year}`);
  if (form.status !== 200) { app.replaceChildren(el('p', { class: 'alert', text: form.data.error })); return; }
  F = { form: form.data, file: data.file, year: data.year, slug: data.slug, hash: data.hash, photo: data.photo, upload: null, removePhoto: false, touched: new Set(), showAll: true };
  buildForm(data);
  dirty = false;
  if (pendingMessage) { setStatus(`${pendingMessage[0]} `, 'ok', pendingMessage[1]); pendingMessage = null; }
}

async function openNew(year) {
  const form = await api('GET', `/_bangvang/api/form?year=${year}`);
  if (form.status !== 200) { app.replaceChildren(el('p', { class: 'alert', text: form.data.error })); return; }
  F = { form: form.data, file: null, year: Number(year), slug: '', hash: null, photo: null, upload: null, removePhoto: false, slugTouched: false, touched: new Set(), showAll: false };
  buildForm(null);
  dirty = false;
}

// ---- routes ----

function route() {
  const h = location.hash || '#/';
  F = null;
  let m;
  if ((m = h.match(/^#\/p\/(.+)$/))) openProfile(decodeURIComponent(m[1]));
  else if ((m = h.match(/^#\/new\/(\d{4})$/))) openNew(m[1]);
  else showList();
  app.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', () => {
  route();
});
document.getElementById('bar-links').append(
  el('a', { href: '/', target: '_blank', text: w('open_site') }));
route();
