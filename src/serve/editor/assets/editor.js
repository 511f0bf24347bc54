// The editor of `bangvang serve`: its helpers and the list of profiles (the form is in
// form.js). Everything is built from what the server sends (the year's plan, units and
// fields); every word from the server's table (through `w`), every diagnostic from
// `check` itself. Nothing is loaded from another host. The server decides everything;
// this page only shows and sends.
'use strict';

const C = JSON.parse(document.getElementById('config').textContent);
const W = C.words;
const w = (key) => (key in W ? W[key] : key);
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
const app = document.getElementById('app');
const KINDS = { collective: 'kind_collective', leader: 'kind_leader', staff: 'kind_staff' };
const STATUS = {
  recognised: 'status_recognised', pending: 'status_pending',
  'not-recognised': 'status_not_recognised', revoked: 'status_revoked',
};
const GROUPS = {
  general: 'group_general', photo: 'group_photo', criteria: 'group_criteria',
  process: 'group_process', revoked: 'group_revoked',
};

// ---- small helpers ----

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(method, path, body, type) {
  const opts = { method, headers: {}, credentials: 'same-origin' };
  if (body !== undefined) {
    if (type) { opts.body = body; opts.headers['Content-Type'] = type; }
    else { opts.body = JSON.stringify(body); opts.headers['Content-Type'] = 'application/json'; }
  }
  let r;
  try { r = await fetch(path, opts); } catch (e) { return { status: 0, data: { error: w('err_network') } }; }
  let data = {};
  try { data = await r.json(); } catch (e) { data = { error: `${r.status}` }; }
  return { status: r.status, data };
}

const chars = (s) => [...(s || '').normalize('NFC')].length;
const slugify = (s) => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
  .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function statusBadge(status) {
  if (!status) return el('span', { class: 'badge badge-broken', text: w('status_unreadable') });
  return el('span', { class: `badge badge-${status}`, text: w(STATUS[status] || status) });
}

function countText(errors, warnings) {
  if (!errors && !warnings) return w('no_problems');
  if (!warnings) return fill(w('error_count'), { errors });
  if (!errors) return fill(w('warning_count'), { warnings });
  return fill(w('problem_count'), { errors, warnings });
}

function diagLine(d) {
  return el('li', { class: `diag diag-${d.severity}` },
    el('span', { class: 'diag-level', text: w(d.severity === 'error' ? 'severity_error' : 'severity_warning') }),
    ' ', el('span', { class: 'diag-msg', text: d.message }),
    d.hint ? el('span', { class: 'diag-hint', text: `${w('hint')}: ${d.hint}` }) : null,
    el('span', { class: 'diag-rule', text: `${d.rule} · ${w('line')} ${d.line}` }));
}

let dirty = false;
window.addEventListener('beforeunload', (e) => { if (dirty) { e.preventDefault(); e.returnValue = ''; } });

// ---- the list ----

let listQuery = '';
let listTimer = null;

async function showList() {
  dirty = false;
  document.title = w('title');
  app.replaceChildren(el('h1', { text: w('list_title') }), el('p', { class: 'muted', text: w('loading') }));
  const search = el('input', {
    type: 'search', id: 'q', value: listQuery, autocomplete: 'off', 'aria-describedby': 'q-help',
    oninput: () => { clearTimeout(listTimer); listTimer = setTimeout(() => { listQuery = search.value; loadList(results); }, 150); },
  });
  const results = el('div', { id: 'results', 'aria-live': 'polite' });
  app.replaceChildren(
    el('h1', { text: w('list_title') }),
    el('p', { class: 'lede', text: w('list_intro') }),
    el('div', { class: 'search' },
      el('label', { for: 'q', text: w('search_label') }), search,
      el('p', { id: 'q-help', class: 'muted small', text: w('search_help') })),
    results);
  await loadList(results);
}

async function loadList(results) {
  const { status, data } = await api('GET', `/_bangvang/api/site?q=${encodeURIComponent(listQuery)}`);
  if (status !== 200) { results.replaceChildren(el('p', { class: 'alert', text: data.error || w('err_network') })); return; }
  const parts = [];
  if (data.site_problems.length) {
    parts.push(el('section', { class: 'panel panel-problems' },
      el('h2', { text: w('site_problems') }),
      el('ul', { class: 'diags' }, data.site_problems.map((d) => { const li = diagLine(d); li.prepend(el('code', { text: d.file }), ' '); return li; }))));
  }
  let shown = 0;
  for (const y of data.years) {
    const head = el('div', { class: 'year-head' },
      el('h2', { id: `y${y.year}`, text: fill(w('year_heading'), { year: y.year }) }),
      y.plan ? el('span', { class: 'muted', text: fill(w('year_plan'), { plan: y.plan }) })
        : el('span', { class: 'alert-inline', text: w('err_no_plan') }),
      y.plan ? el('a', { class: 'button', href: `#/new/${y.year}`, text: fill(w('new_profile'), { year: y.year }) }) : null);
    const items = y.profiles.map((p) => {
      shown++;
      const problems = p.errors || p.warnings
        ? el('details', { class: `problems ${p.errors ? 'has-errors' : 'has-warnings'}` },
          el('summary', { text: countText(p.errors, p.warnings) }),
          el('ul', { class: 'diags' }, p.problems.map(diagLine)))
        : el('p', { class: 'ok small', text: w('no_problems') });
      return el('li', { class: 'item' },
        el('div', { class: 'item-main' },
          el('a', { class: 'item-name', href: `#/p/${encodeURIComponent(p.file)}`, text: p.name }),
          ' ', statusBadge(p.status),
          el('p', { class: 'muted small' }, [p.kind ? w(KINDS[p.kind]) : null, p.unit].filter(Boolean).join(' · '))),
        problems);
    });
    parts.push(el('section', { class: 'year', 'aria-labelledby': `y${y.year}` }, head,
      items.length ? el('ul', { class: 'items' }, items) : el('p', { class: 'muted', text: listQuery ? w('search_none') : w('year_empty') }),
      y.more ? el('p', { class: 'muted small', text: fill(w('more_profiles'), { n: y.more }) }) : null));
  }
  if (listQuery) parts.unshift(el('p', { class: 'muted', role: 'status', text: fill(w('search_count'), { n: shown, q: listQuery }) }));
  results.replaceChildren(...parts);
}
