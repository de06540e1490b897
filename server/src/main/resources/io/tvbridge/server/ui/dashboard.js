// tvbridge dashboard: plain JavaScript, no library. Every call goes through the admin API with
// the admin key in X-API-Key; the key lives in sessionStorage (this tab only), never in a URL.
// Live updates come from GET /admin/events, read with fetch() so that the key stays in a header.
'use strict';

const KEY = 'tvbridge.adminKey';
const ACTOR = 'tvbridge.actor';
const SVG = 'http://www.w3.org/2000/svg';
const OPEN_PHASES = new Set(['new', 'submitted', 'accepted', 'partially_filled']);
const SHOWN_FILLS = 50;
const STREAM_SILENCE_MS = 30000;   // the server says something every 10 s; silence this long means a dead stream

// account: the account chosen in the header with several accounts ('' is every account, side by side)
const session = { key: null, actor: null, stream: null, generation: 0, account: '' };
const raw = {};    // each topic as the server sent it: with several accounts, {"accounts": {"live": ..., ...}}
const data = {};   // each topic as the sections show it: the one account's (or, with several, the chosen one's)

const $ = (id) => document.getElementById(id);

// ---------- small DOM helpers: text only, never HTML from data ----------

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function badge(text, tone) {
  return el('span', { class: 'badge ' + (tone || 'plain') }, text);
}

function tableParts(headers, rows, emptyText) {
  const head = el('tr', null, headers.map((h) => el('th', { class: h.num ? 'num' : null }, h.label || h)));
  const body = rows.length ? rows : [el('tr', { class: 'empty' }, el('td', { colspan: headers.length }, emptyText))];
  return [el('thead', null, head), el('tbody', null, body)];
}

function table(id, headers, rows, emptyText) {
  $(id).replaceChildren(...tableParts(headers, rows, emptyText));
}

function figure(label, value) {
  return el('div', { class: 'figure' }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value));
}

function say(id, text, tone) {
  const node = $(id);
  node.textContent = text || '';
  node.className = 'message' + (tone ? ' ' + tone : '');
}

// ---------- formatting ----------

function number(value, digits) {
  if (value === undefined || value === null || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return n.toLocaleString(undefined, digits === undefined
    ? { maximumFractionDigits: 8 } : { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function money(value) {
  return number(value, 2);
}

function signed(value) {
  const n = Number(value);
  return el('span', { class: n > 0 ? 'positive' : n < 0 ? 'negative' : null }, money(value));
}

function time(value) {
  if (!value) return '—';
  const at = new Date(value);
  const today = new Date();
  return at.toDateString() === today.toDateString()
    ? at.toLocaleTimeString()
    : at.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

function words(name) {
  return String(name).replace(/_/g, ' ');
}

function same(a, b) {
  return Math.abs(Number(a || 0) - Number(b || 0)) < 1e-9;
}

// ---------- the admin API ----------

class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

async function api(method, path, body) {
  const headers = { 'X-API-Key': session.key, Accept: 'application/json' };
  const init = { method, headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'tvbridge did not answer: is the daemon running?');
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, (json && json.error) || 'HTTP ' + response.status, json && json.field);
  }
  return json;
}

// ---------- signing in and out ----------

/** Checks the key with a first call; a wrong key throws, the page shows nothing until it is right. */
async function signIn(key, actor) {
  session.key = key;
  session.actor = actor || 'dashboard';
  const status = await api('GET', '/admin/status');
  sessionStorage.setItem(KEY, key);
  sessionStorage.setItem(ACTOR, session.actor);
  enter();
  update('status', status);
}

function enter() {
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('who').textContent = 'signed in as ' + session.actor;
  listen();
}

function signOut(message) {
  session.generation++;
  if (session.stream) session.stream.abort();
  session.stream = null;
  session.key = null;
  sessionStorage.removeItem(KEY);
  for (const topic of Object.keys(data)) delete data[topic];
  for (const topic of Object.keys(raw)) delete raw[topic];
  session.account = '';
  $('account-choice').hidden = true;
  layout();
  $('dashboard').hidden = true;
  $('sign-in').hidden = false;
  $('key').value = '';
  say('sign-in-message', message || '', message ? 'error' : null);
}

// ---------- live updates ----------

function setLive(on, text) {
  const live = $('live');
  live.className = 'live ' + (on ? 'on' : 'off');
  live.textContent = text;
}

/** Reads the event stream until it ends, then tries again with growing pauses, until signed out. */
async function listen() {
  const generation = ++session.generation;
  let pause = 1000;
  while (generation === session.generation) {
    const controller = new AbortController();
    session.stream = controller;
    let watchdog = setTimeout(() => controller.abort(), STREAM_SILENCE_MS);
    try {
      const response = await fetch('/admin/events', {
        headers: { 'X-API-Key': session.key, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401) {
        signOut('The admin API key was refused: sign in again.');
        return;
      }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      setLive(true, 'live');
      pause = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        clearTimeout(watchdog);
        watchdog = setTimeout(() => controller.abort(), STREAM_SILENCE_MS);
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      // a lost connection or a stopped daemon: try again below
    } finally {
      clearTimeout(watchdog);
    }
    if (generation !== session.generation) return;
    setLive(false, 'reconnecting');
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 15000);
  }
}

function dispatch(block) {
  let topic = 'message';
  const lines = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    if (line.startsWith('event:')) topic = line.slice(6).trim();
    else if (line.startsWith('data:')) lines.push(line.slice(5).replace(/^ /, ''));
  }
  if (!lines.length) return;
  try {
    update(topic, JSON.parse(lines.join('\n')));
  } catch (e) {
    console.error('dashboard: cannot show ' + topic, e);
  }
}

const renderers = {
  status: renderStatus,
  signals: renderSignals,
  orders: renderOrders,
  trades: renderTrades,
  positions: renderPositions,
  pnl: renderPnl,
  pending: renderPending,
  settings: renderSettings,
};

function update(topic, value) {
  raw[topic] = value;
  if (sideBySide(value)) offerAccounts(Object.keys(value.accounts));
  show(topic);
}

/** Shows a topic: the chosen account's part in the sections, or with every account chosen, the cards side by side. */
function show(topic) {
  const value = raw[topic];
  if (sideBySide(value)) {
    if (!session.account) {
      renderAccounts();
      return;
    }
    data[topic] = value.accounts[session.account];
  } else {
    data[topic] = value;
  }
  const render = renderers[topic];
  if (render) render();
}

// ---------- several accounts ----------

/** An answer of a daemon of several accounts: {"accounts": {"live": ..., "fx": ...}}. */
function sideBySide(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    && value.accounts !== null && typeof value.accounts === 'object' && !Array.isArray(value.accounts);
}

function several() {
  return !$('account-choice').hidden;
}

/** The path for the account chosen in the header: ?account=<name>, or as it is for every account. */
function chosen(path) {
  return session.account ? path + '?account=' + encodeURIComponent(session.account) : path;
}

function offerAccounts(names) {
  const select = $('account');
  const known = [...select.options].slice(1).map((option) => option.value);
  if (known.join() !== names.join()) {
    select.replaceChildren(el('option', { value: '' }, 'All accounts'),
      ...names.map((name) => el('option', { value: name }, name)));
    if (!names.includes(session.account)) session.account = '';
    select.value = session.account;
  }
  if ($('account-choice').hidden) {
    $('account-choice').hidden = false;
    layout();
  }
}

/** Every account chosen: a card each, side by side, in place of the one account's sections. */
function layout() {
  const all = several() && !session.account;
  document.body.classList.toggle('all-accounts', all);
  $('accounts').hidden = !all;
  $('flatten').textContent = all ? 'Flatten every account' : 'Flatten all';
  if (all) {
    $('kill').disabled = false;
    $('clear-pending').disabled = true;   // the pending queue is cleared one account at a time
  }
}

function chooseAccount(name) {
  session.account = name;
  $('account').value = name;
  $('settings-fields').replaceChildren();   // edits made for another account must not be saved to this one
  layout();
  for (const topic of Object.keys(raw)) show(topic);
}

function part(topic, name) {
  return sideBySide(raw[topic]) ? raw[topic].accounts[name] : undefined;
}

function renderAccounts() {
  if (!sideBySide(raw.status)) return;
  $('accounts').replaceChildren(...Object.entries(raw.status.accounts).map(([name, status]) => accountCard(name,
    status, part('positions', name), part('pnl', name), part('orders', name))));
}

function accountCard(name, s, positions, pnl, orders) {
  const problem = failed(s);
  const trading = (s && s.trading) || {};
  const broker = (s && s.broker) || {};
  const state = problem ? badge('unreadable', 'bad')
    : trading.kill && trading.kill.on ? badge('kill switch on', 'bad')
      : trading.pause && trading.pause.on ? badge('paused', 'warn')
        : badge(trading.dry_run ? 'trading (dry run)' : 'trading', 'good');
  const total = (pnl && !failed(pnl) && pnl.total) || {};
  const latest = ((orders && orders.items) || []).slice(0, 5).map((o) => el('tr', { 'data-order-id': o.client_order_id },
    el('td', { class: 'time' }, time(o.created_at)),
    el('td', null, o.symbol),
    el('td', null, words(o.side)),
    el('td', { class: 'num' }, number(o.quantity)),
    el('td', null, orderBadge(o.status))));
  return el('section', { class: 'card', 'data-account': name },
    el('h2', null, name, el('button', { type: 'button', class: 'small', onclick: () => chooseAccount(name) }, 'Details')),
    el('div', { class: 'badges' }, state, badge((broker.name || 'broker') + (broker.connected ? ' connected'
      : ' disconnected'), broker.connected ? 'good' : 'bad')),
    problem ? el('p', { class: 'message error' }, problem) : null,
    el('div', { class: 'figures' }, figure('Today net', signed(total.net)), figure('Realized', signed(total.realized)),
      figure('Unrealized', total.unrealized !== undefined ? signed(total.unrealized) : '—')),
    el('h3', null, 'Positions'),
    el('div', { class: 'scroll' }, el('table', { class: 'positions' }, tableParts(['Symbol',
      { label: 'Expected', num: true }, { label: 'Broker', num: true }], positionRows(positions), 'No open positions'))),
    el('h3', null, 'Latest orders'),
    el('div', { class: 'scroll' }, el('table', { class: 'orders' }, tableParts(['Created', 'Symbol', 'Side',
      { label: 'Qty', num: true }, 'Status'], latest, 'No orders yet'))));
}

/** An account's open positions, expected beside the broker's; a row that differs is marked. */
function positionRows(positions) {
  const expected = positions && Array.isArray(positions.expected) ? positions.expected : [];
  const broker = positions && Array.isArray(positions.broker) ? positions.broker : null;
  const symbols = new Map();
  for (const p of expected) if (!same(p.quantity, 0)) symbols.set(p.symbol, { want: p.quantity, have: 0 });
  for (const p of broker || []) symbols.set(p.symbol, Object.assign(symbols.get(p.symbol) || { want: 0 }, { have: p.quantity }));
  return [...symbols.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([symbol, p]) => {
    const match = broker === null || same(p.want, p.have);
    return el('tr', { class: match ? null : 'mismatch', 'data-symbol': symbol }, el('td', null, symbol),
      el('td', { class: 'num' }, number(p.want)), el('td', { class: 'num' }, broker === null ? '…' : number(p.have)));
  });
}

function failed(value) {
  return value && !Array.isArray(value) && typeof value.error === 'string' ? value.error : null;
}

// ---------- status and limits ----------

function statusCard(title, state, tone, details, alarm) {
  return el('div', { class: 'card' + (alarm ? ' alarm' : '') },
    el('h2', null, title),
    el('div', { class: 'state ' + tone }, state),
    details.filter(Boolean).map((d) => el('div', { class: 'detail' }, d)));
}

function renderStatus() {
  const s = data.status;
  if (!s || failed(s)) return;
  const broker = s.broker || {};
  const trading = s.trading || {};
  const kill = trading.kill || {};
  const pause = trading.pause || {};
  const circuit = s.circuit_breaker || {};
  const rec = s.last_reconciliation;
  const queues = s.queues || {};

  let tradingCard;
  if (kill.on) {
    tradingCard = statusCard('Trading', 'Kill switch on', 'bad', [
      'Reason: ' + (kill.reason || '—'), 'By ' + (kill.actor || '—') + ' at ' + time(kill.since),
      trading.kill_switch_allows_exits ? 'Only exits pass' : 'Nothing new is sent to the broker'], true);
  } else if (pause.on) {
    tradingCard = statusCard('Trading', 'Paused', 'warn', [
      'Reason: ' + (pause.reason || '—'), 'By ' + (pause.actor || '—') + ' at ' + time(pause.since),
      'Entries are refused; exits pass']);
  } else {
    tradingCard = statusCard('Trading', trading.dry_run ? 'Trading (dry run)' : 'Trading', 'good',
      [trading.dry_run ? 'Orders are recorded, never sent' : 'Signals become orders']);
  }
  tradingCard.id = 'trading-card';

  const circuitTone = circuit.state === 'closed' ? 'good' : circuit.state === 'open' ? 'bad' : 'warn';
  let recCard;
  if (rec) {
    const differences = (rec.differences || []).map((d) => d.symbol + ': expected ' + number(d.expected)
      + ', broker ' + number(d.actual));
    const matched = rec.outcome === 'matched';
    recCard = statusCard('Last reconciliation', words(rec.outcome), matched ? 'good' : rec.resolved_at ? 'warn' : 'bad',
      [time(rec.at) + ' by ' + rec.actor, rec.details].concat(differences,
        rec.resolved_at ? ['resolved by ' + rec.resolved_by + ' at ' + time(rec.resolved_at)] : []),
      !matched && !rec.resolved_at);
  } else {
    recCard = statusCard('Last reconciliation', 'none yet', 'warn', ['Positions have not been compared yet']);
  }

  $('status').replaceChildren(
    tradingCard,
    statusCard('Broker', broker.connected ? 'Connected' : 'Disconnected', broker.connected ? 'good' : 'bad',
      [(broker.name || '') + (broker.account ? ' · ' + broker.account : ''), broker.summary,
        broker.connected_since ? 'since ' + time(broker.connected_since) : null], !broker.connected),
    statusCard('Circuit breaker', words(circuit.state || 'unknown'), circuitTone,
      [circuit.reason || (circuit.state === 'closed' ? 'Broker calls go through' : null)], circuit.state === 'open'),
    recCard,
    statusCard('Queues', (queues.orders_working || 0) + ' orders working', 'plain', [
      (queues.pending_signals || 0) + ' signals waiting for the open',
      (queues.decisions || 0) + ' signals being decided',
      'tvbridge ' + (s.version || '') + ' · database ' + (s.database && s.database.ok ? 'ok' : 'failing')]));
  $('kill').disabled = !!kill.on;
  renderLimits();
}

function renderLimits() {
  const s = data.status;
  const rows = Object.entries(s.limits || {}).map(([name, limit]) => {
    const max = Number(limit.limit);
    // a limit counted per symbol (entries per ticker) shows its fullest symbol
    const perSymbol = limit.used !== null && typeof limit.used === 'object' ? Object.entries(limit.used) : null;
    const used = perSymbol ? perSymbol.reduce((most, [, n]) => Math.max(most, Number(n)), 0) : limit.used;
    const fullest = perSymbol && perSymbol.length
      ? perSymbol.reduce((a, b) => (Number(b[1]) > Number(a[1]) ? b : a))[0] : null;
    const share = max > 0 && used !== undefined ? Math.min(1, Number(used) / max) : 0;
    const meter = el('div', { class: 'meter' + (share >= 1 ? ' full' : share >= 0.8 ? ' high' : '') },
      el('span', { style: null }));
    meter.firstChild.style.width = Math.round(share * 100) + '%';
    return el('tr', null,
      el('td', null, words(name), fullest ? el('span', { class: 'hint' }, ' (' + fullest + ')') : null),
      el('td', { class: 'num' }, used === undefined ? '—' : number(used, typeof used === 'number'
        && !Number.isInteger(used) ? 2 : undefined)),
      el('td', { class: 'num' }, max > 0 ? number(limit.limit) : 'off'),
      el('td', null, max > 0 && used !== undefined ? meter : ''));
  });
  table('limits-table', ['Limit', { label: 'Used', num: true }, { label: 'Limit', num: true }, ''], rows,
    'No limits');
  const today = s.today;
  $('today').textContent = today
    ? 'Counting since ' + time(today.counting_since) + ': ' + today.orders + ' orders, realized '
      + money(today.realized) + ', commissions ' + money(today.commissions) + ', unrealized '
      + money(today.unrealized) + ', result ' + money(today.result) + '.'
    : 'Today\'s usage is not available right now.';
}

// ---------- positions ----------

function renderPositions() {
  const positions = data.positions || {};
  const expected = Array.isArray(positions.expected) ? positions.expected : [];
  const broker = Array.isArray(positions.broker) ? positions.broker : null;
  const problem = failed(positions) || failed(positions.broker);
  const symbols = new Map();
  for (const p of expected) {
    if (!same(p.quantity, 0)) symbols.set(p.symbol, { expected: p });
  }
  for (const p of broker || []) {
    symbols.set(p.symbol, Object.assign(symbols.get(p.symbol) || {}, { broker: p }));
  }
  let mismatches = 0;
  const rows = [...symbols.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([symbol, p]) => {
    const want = p.expected ? p.expected.quantity : 0;
    const have = p.broker ? p.broker.quantity : 0;
    const known = broker !== null;
    const match = !known || same(want, have);
    if (!match) mismatches++;
    return el('tr', { class: match ? null : 'mismatch', 'data-symbol': symbol },
      el('td', null, symbol),
      el('td', { class: 'num' }, number(want)),
      el('td', { class: 'num' }, known ? number(have) : '…'),
      el('td', { class: 'num' }, number((p.expected || p.broker).average_cost, 2)),
      el('td', { class: 'num' }, p.broker && p.broker.unrealized_pnl !== undefined
        ? signed(p.broker.unrealized_pnl) : '—'),
      el('td', null, !known ? badge('checking', 'plain') : match ? badge('match', 'good') : badge('mismatch', 'bad')));
  });
  table('positions-table', ['Symbol', { label: 'Expected', num: true }, { label: 'Broker', num: true },
    { label: 'Avg cost', num: true }, { label: 'Unrealized', num: true }, ''], rows, 'No open positions');
  if (problem) say('positions-message', problem, 'error');
  else if (mismatches) say('positions-message', mismatches + (mismatches === 1 ? ' position differs' : ' positions differ')
    + ' from the broker\'s: check the broker before trading on.', 'error');
  else say('positions-message', '');
}

function renderPending() {
  const pending = Array.isArray(data.pending) ? data.pending : [];
  const rows = pending.map((p) => el('tr', null,
    el('td', { class: 'num' }, p.signal_id),
    el('td', null, p.symbol),
    el('td', null, p.signal ? words(p.signal.action) : '—'),
    el('td', { class: 'time' }, time(p.queued_at)),
    el('td', { class: 'time' }, time(p.opens_at))));
  table('pending-table', [{ label: 'Signal', num: true }, 'Symbol', 'Action', 'Queued', 'Released at'], rows,
    failed(data.pending) || 'Nothing waiting');
  $('clear-pending').disabled = pending.length === 0;
}

// ---------- signals, orders, fills ----------

function decisionBadge(decision) {
  const tone = { accepted: 'good', rejected: 'bad', queued: 'warn' }[decision] || 'plain';
  return badge(words(decision), tone);
}

function renderSignals() {
  const listing = data.signals || {};
  const rows = (listing.items || []).map((s) => el('tr', { 'data-signal-id': s.id, 'data-decision': s.decision },
    el('td', { class: 'num' }, s.id),
    el('td', { class: 'time' }, time(s.received_at)),
    el('td', null, words(s.action)),
    el('td', null, s.symbol || '—'),
    el('td', { class: 'num' }, s.quantity !== undefined ? number(s.quantity)
      : s.target_position !== undefined ? '→ ' + number(s.target_position) : '—'),
    el('td', { class: 'num' }, s.price !== undefined ? number(s.price) : 'mkt'),
    el('td', null, s.strategy || ''),
    el('td', null, s.dialect && s.dialect !== 'tvbridge' ? words(s.dialect) : ''),
    el('td', null, decisionBadge(s.decision), s.dry_run ? ' ' : null, s.dry_run ? badge('dry run', 'plain') : null,
      s.duplicates ? ' ' : null, s.duplicates ? badge(s.duplicates + ' duplicate' + (s.duplicates > 1 ? 's' : ''),
        'plain') : null),
    el('td', { class: 'reason' }, s.reason || '')));
  table('signals-table', [{ label: '#', num: true }, 'Received', 'Action', 'Symbol', { label: 'Qty', num: true },
    { label: 'Price', num: true }, 'Strategy', 'Dialect', 'Decision', 'Reason'], rows,
  failed(listing) || 'No signals yet: point a TradingView alert at /webhook');
}

function orderBadge(status) {
  const tone = { filled: 'good', rejected: 'bad', cancelled: 'plain', expired: 'plain', dry_run: 'plain' }[status]
    || 'warn';
  return badge(words(status), tone);
}

function renderOrders() {
  const listing = data.orders || {};
  const rows = (listing.items || []).map((o) => el('tr', { 'data-order-id': o.client_order_id },
    el('td', { class: 'time' }, time(o.created_at)),
    el('td', null, o.symbol),
    el('td', null, words(o.side)),
    el('td', { class: 'num' }, number(o.quantity)),
    el('td', null, words(o.type) + (o.limit_price !== undefined ? ' ' + number(o.limit_price) : '')
      + (o.stop_price !== undefined ? ' stop ' + number(o.stop_price) : '')),
    el('td', null, orderBadge(o.status)),
    el('td', { class: 'num' }, number(o.filled_quantity) + (o.average_fill_price !== undefined
      ? ' @ ' + number(o.average_fill_price) : '')),
    el('td', { class: 'reason' }, o.reason || '', el('div', { class: 'detail' }, o.client_order_id)),
    el('td', null, OPEN_PHASES.has(o.status)
      ? el('button', { type: 'button', class: 'small', onclick: () => cancelOrder(o) }, 'Cancel') : '')));
  table('orders-table', ['Created', 'Symbol', 'Side', { label: 'Qty', num: true }, 'Type', 'Status',
    { label: 'Filled', num: true }, 'Reason / id', ''], rows, failed(listing) || 'No orders yet');
}

function renderTrades() {
  const listing = data.trades || {};
  const rows = (listing.items || []).slice(0, SHOWN_FILLS).map((t) => el('tr', null,
    el('td', { class: 'time' }, time(t.filled_at)),
    el('td', null, t.symbol),
    el('td', null, words(t.side)),
    el('td', { class: 'num' }, number(t.quantity)),
    el('td', { class: 'num' }, number(t.price)),
    el('td', { class: 'num' }, money(t.commission)),
    el('td', { class: 'num' }, signed(t.realized_pnl)),
    el('td', null, t.strategy || '')));
  table('trades-table', ['Filled', 'Symbol', 'Side', { label: 'Qty', num: true }, { label: 'Price', num: true },
    { label: 'Commission', num: true }, { label: 'Realized', num: true }, 'Strategy'], rows,
  failed(listing) || 'No fills yet');
  drawCharts(listing.items || []);
}

// ---------- P&L ----------

function renderPnl() {
  const pnl = data.pnl;
  if (!pnl) return;
  if (failed(pnl)) {
    $('pnl-today').replaceChildren(el('p', { class: 'message error' }, failed(pnl)));
    return;
  }
  const t = pnl.total || {};
  $('pnl-today').replaceChildren(
    figure('Today net', signed(t.net)),
    figure('Realized', signed(t.realized)),
    figure('Unrealized', t.unrealized !== undefined ? signed(t.unrealized) : '—'),
    figure('Commissions', money(t.commissions)),
    figure('Trades', String(t.trades || 0)),
    figure('Win rate', t.win_rate !== undefined ? number(Number(t.win_rate) * 100, 0) + ' %' : '—'));
}

function dayOf(iso) {
  const d = new Date(iso);
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

function net(fill) {
  return Number(fill.realized_pnl || 0) - Number(fill.commission || 0);
}

const CHART = { width: 600, height: 220, left: 58, right: 12, top: 12, bottom: 26 };

/** The vertical scale of a chart over these values, zero always included. */
function scale(values) {
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (high === low) {
    high += 1;
    low -= 1;
  }
  const plot = CHART.height - CHART.top - CHART.bottom;
  return (v) => CHART.top + (high - v) / (high - low) * plot;
}

function axes(chart, y, values) {
  chart.append(svg('line', { class: 'axis', x1: CHART.left, x2: CHART.left, y1: CHART.top,
    y2: CHART.height - CHART.bottom }));
  chart.append(svg('line', { class: 'zero', x1: CHART.left, x2: CHART.width - CHART.right, y1: y(0), y2: y(0) }));
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  for (const v of new Set([high, 0, low])) {
    chart.append(svg('text', { x: CHART.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, money(v)));
  }
}

/** The chart emptied, with its axes for these values and their scale; null (and a note) when there are none. */
function chartFor(id, values) {
  const chart = $(id);
  if (!values.length) {
    chart.replaceChildren(svg('text', { class: 'empty-note', x: CHART.width / 2, y: CHART.height / 2,
      'text-anchor': 'middle' }, 'No fills yet'));
    return null;
  }
  chart.replaceChildren();
  const y = scale(values);
  axes(chart, y, values);
  return { chart, y };
}

function drawCharts(fills) {
  const ordered = fills.slice().sort((a, b) => String(a.filled_at).localeCompare(String(b.filled_at)));
  const days = new Map();
  for (const f of ordered) days.set(dayOf(f.filled_at), (days.get(dayOf(f.filled_at)) || 0) + net(f));
  drawDaily([...days.entries()].slice(-30));
  drawEquity(ordered);
}

function drawDaily(days) {
  const drawn = chartFor('daily-chart', days.map(([, v]) => v));
  if (!drawn) return;
  const { chart, y } = drawn;
  const slot = (CHART.width - CHART.left - CHART.right) / days.length;
  const width = Math.max(2, slot * 0.7);
  days.forEach(([day, value], i) => {
    const x = CHART.left + i * slot + (slot - width) / 2;
    const top = Math.min(y(value), y(0));
    const bar = svg('rect', { class: value >= 0 ? 'up' : 'down', x: x.toFixed(1), y: top.toFixed(1),
      width: width.toFixed(1), height: Math.max(1, Math.abs(y(value) - y(0))).toFixed(1), 'data-day': day });
    bar.append(svg('title', null, day + ': ' + money(value)));
    chart.append(bar);
  });
  const label = (i, anchor) => chart.append(svg('text', { x: CHART.left + i * slot + slot / 2,
    y: CHART.height - 8, 'text-anchor': anchor }, days[i][0].slice(5)));
  label(0, days.length === 1 ? 'middle' : 'start');
  if (days.length > 1) label(days.length - 1, 'end');
}

function drawEquity(ordered) {
  const points = [0];
  for (const f of ordered) points.push(points[points.length - 1] + net(f));
  const drawn = chartFor('equity-chart', ordered.length ? points : []);
  if (!drawn) return;
  const { chart, y } = drawn;
  const step = (CHART.width - CHART.left - CHART.right) / (points.length - 1);
  const xy = points.map((v, i) => (CHART.left + i * step).toFixed(1) + ',' + y(v).toFixed(1));
  chart.append(svg('polygon', { class: 'area', points: CHART.left + ',' + y(0) + ' ' + xy.join(' ') + ' '
      + (CHART.left + (points.length - 1) * step).toFixed(1) + ',' + y(0) }));
  chart.append(svg('polyline', { class: 'line', points: xy.join(' ') }));
  const last = points[points.length - 1];
  chart.append(svg('text', { x: CHART.width - CHART.right, y: Math.max(CHART.top + 10, y(last) - 6),
    'text-anchor': 'end' }, money(last)));
  chart.append(svg('text', { x: CHART.left, y: CHART.height - 8 }, dayOf(ordered[0].filled_at).slice(5)));
  chart.append(svg('text', { x: CHART.width - CHART.right, y: CHART.height - 8, 'text-anchor': 'end' },
    ordered.length + ' fills'));
}

// ---------- settings ----------

function renderSettings() {
  const settings = Array.isArray(data.settings) ? data.settings : [];
  const fields = $('settings-fields');
  const known = new Map([...fields.querySelectorAll('input')].map((input) => [input.name, input]));
  if (known.size !== settings.length || settings.some((s) => !known.has(s.name))) {
    fields.replaceChildren(...settings.map((s) => el('label', { class: 'setting' },
      el('span', { class: 'name' }, s.name),
      el('input', { type: 'text', name: s.name, value: s.value, 'data-original': s.value,
        'aria-label': s.name, oninput: markChanged }),
      el('span', { class: 'hint' }, s.description + ' (' + s.expected + '; default ' + (s.default_value || 'none')
        + ')'))));
    return;
  }
  for (const s of settings) {
    const input = known.get(s.name);
    if (input.value === input.dataset.original) input.value = s.value;   // leave what the user is editing
    input.dataset.original = s.value;
    markChanged({ target: input });
  }
}

function markChanged(event) {
  const input = event.target;
  input.closest('.setting').classList.toggle('changed', input.value !== input.dataset.original);
}

async function saveSettings(event) {
  event.preventDefault();
  const changes = {};
  for (const input of $('settings-fields').querySelectorAll('input')) {
    input.classList.remove('invalid');
    if (input.value !== input.dataset.original) changes[input.name] = input.value;
  }
  if (!Object.keys(changes).length) {
    say('settings-message', 'Nothing to save: no setting was changed.');
    return;
  }
  try {
    const result = await api('PUT', chosen('/admin/settings'), { actor: session.actor, settings: changes });
    for (const input of $('settings-fields').querySelectorAll('input')) input.dataset.original = input.value;
    update('settings', result.settings);
    say('settings-message', result.changed.length ? 'Saved: ' + result.changed.join(', ') : 'Nothing changed.', 'ok');
  } catch (e) {
    // the field the API blames, or else the changed settings its message names
    const blamed = e.field ? [e.field] : Object.keys(changes).filter((name) => e.message.includes(name));
    const inputs = blamed.map((name) => $('settings-fields').querySelector('input[name="' + CSS.escape(name) + '"]'))
      .filter(Boolean);
    inputs.forEach((input) => input.classList.add('invalid'));
    if (inputs.length) inputs[0].focus();
    say('settings-message', e.message, 'error');
  }
}

function undoSettings() {
  for (const input of $('settings-fields').querySelectorAll('input')) {
    input.value = input.dataset.original;
    input.classList.remove('invalid');
    markChanged({ target: input });
  }
  say('settings-message', '');
}

// ---------- controls ----------

function reason(required) {
  const input = $('reason');
  const text = input.value.trim();
  input.classList.toggle('invalid', required && !text);
  if (required && !text) {
    input.focus();
    say('control-message', 'Write a reason first: it is recorded in the audit log.', 'error');
    return null;
  }
  return text;
}

async function control(path, what) {
  const why = reason(true);
  if (why === null) return;
  try {
    const halt = await api('POST', chosen(path), { actor: session.actor, reason: why });
    if (sideBySide(halt)) {
      for (const [name, own] of Object.entries(halt.accounts)) showSwitches(part('status', name), own);
      renderAccounts();
    } else if (data.status) {
      showSwitches(data.status, halt);
      renderStatus();
    }
    $('reason').value = '';
    say('control-message', what + (sideBySide(halt) ? ' in every account' : '') + ' (' + why + ')', 'ok');
  } catch (e) {
    say('control-message', e.message, 'error');
  }
}

/** The switches an action answered, shown at once in the status (the live update follows). */
function showSwitches(status, halt) {
  if (status && !failed(status) && halt && halt.kill) {
    status.trading = Object.assign({}, status.trading, { kill: halt.kill, pause: halt.pause });
  }
}

/** Asks in a dialog; resolves true only for an explicit yes. */
function confirmed(title, text, yes) {
  const dialog = $('confirm');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = yes;
  return new Promise((resolve) => {
    const finish = (answer) => {
      $('confirm-yes').onclick = null;
      $('confirm-no').onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    $('confirm-yes').onclick = () => finish(true);
    $('confirm-no').onclick = () => finish(false);
    dialog.onclose = () => finish(false);
    dialog.showModal();
  });
}

async function flatten() {
  const why = reason(false);
  const all = several() && !session.account;
  const shown = all ? Object.values(raw.positions && raw.positions.accounts || {}) : [data.positions || {}];
  const open = shown.flatMap((p) => (p && Array.isArray(p.expected) ? p.expected : [])).filter((p) => !same(p.quantity, 0));
  const ok = await confirmed('Flatten every position?', 'tvbridge closes all ' + open.length
    + ' open position(s)' + (all ? ' in every account' : '') + ' with market orders, through the same risk checks'
    + ' as an alert.', 'Yes, flatten all');
  if (!ok) {
    say('control-message', 'Flatten cancelled: nothing was sent.');
    return;
  }
  try {
    // flatten closes positions: with several accounts, every account only when asked for by name (all)
    const path = all ? '/admin/flatten?account=all' : chosen('/admin/flatten');
    const answer = await api('POST', path, { actor: session.actor, reason: why || undefined, confirm: true });
    const answers = sideBySide(answer) ? Object.entries(answer.accounts) : [['', answer]];
    say('control-message', 'Flatten ' + answers.map(([name, a]) => (name ? name + ' ' : '') + flattened(a)).join('; '),
      answers.some(([, a]) => a.decision === 'rejected' || a.error) ? 'error' : 'ok');
  } catch (e) {
    say('control-message', e.message, 'error');
  }
}

function flattened(answer) {
  return words(answer.decision || 'not done') + (answer.reason ? ': ' + answer.reason : '')
    + (answer.error ? ': ' + answer.error : '') + (answer.orders ? ' (' + answer.orders.length + ' orders)' : '');
}

async function clearPending() {
  const why = reason(true);
  if (why === null) return;
  try {
    const result = await api('DELETE', chosen('/admin/pending'), { actor: session.actor, reason: why });
    say('control-message', 'Cleared ' + result.cleared.length + ' pending signal(s).', 'ok');
  } catch (e) {
    say('control-message', e.message, 'error');
  }
}

async function cancelOrder(order) {
  const ok = await confirmed('Cancel this order?', words(order.side) + ' ' + number(order.quantity) + ' '
    + order.symbol + ' (' + order.client_order_id + ')', 'Yes, cancel it');
  if (!ok) return;
  try {
    await api('POST', chosen('/admin/orders/' + encodeURIComponent(order.client_order_id) + '/cancel'),
      { actor: session.actor, reason: $('reason').value.trim() || undefined });
    say('orders-message', 'Cancel requested for ' + order.client_order_id + '; the broker confirms it shortly.', 'ok');
  } catch (e) {
    say('orders-message', e.message, 'error');
  }
}

// ---------- explain an alert ----------

/** Shows how the daemon reads a pasted message: POST /admin/alerts/explain stores and sends nothing. */
async function explain(event) {
  event.preventDefault();
  say('explain-message-status', '');
  $('explain-result').replaceChildren();
  const message = $('explain-message').value;
  if (!message.trim()) {
    say('explain-message-status', 'Paste an alert message first.', 'error');
    return;
  }
  $('explain-button').disabled = true;
  try {
    const answer = await api('POST', '/admin/alerts/explain', { message });
    const parts = [];
    if (answer.dialect) parts.push(el('p', null, 'Read as ', badge(words(answer.dialect), 'plain')));
    (answer.repairs || []).forEach((repair) => parts.push(el('p', { class: 'hint' }, 'Repaired: ' + repair)));
    (answer.orders || []).forEach((order, i) => {
      const fields = Object.entries(order.fields || {}).map(([name, value]) =>
        el('tr', null, el('td', null, name), el('td', null, value)));
      const read = Object.entries(order.read || {}).map(([name, value]) => name + ' ' + value).join(', ');
      parts.push(el('div', { class: 'explained', 'data-decision': order.decision },
        answer.orders.length > 1 ? el('h3', null, 'Order ' + (i + 1)) : null,
        el('table', { class: 'fields' }, el('tbody', null, fields)),
        el('p', null, 'Understood: ' + read),
        el('p', null, 'Would be ', decisionBadge(order.decision), order.reason ? ': ' + order.reason : ''),
        (order.orders || []).map((planned) => el('p', { class: 'planned' }, planned))));
    });
    if (answer.refusal) parts.push(el('p', { class: 'message error explain-refusal' }, 'Refused: ' + answer.refusal));
    $('explain-result').replaceChildren(...parts);
  } catch (e) {
    say('explain-message-status', e.message, 'error');
  } finally {
    $('explain-button').disabled = false;
  }
}

// ---------- start ----------

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    say('sign-in-message', '');
    $('sign-in-button').disabled = true;
    try {
      await signIn($('key').value.trim(), $('actor').value.trim());
    } catch (e) {
      session.key = null;
      say('sign-in-message', e.status === 401 ? 'That is not the admin API key (ADMIN_API_KEY).' : e.message, 'error');
    } finally {
      $('sign-in-button').disabled = false;
    }
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('account').addEventListener('change', () => chooseAccount($('account').value));
  $('kill').addEventListener('click', () => control('/admin/kill', 'Kill switch on: nothing new is sent to the broker'));
  $('pause').addEventListener('click', () => control('/admin/pause', 'Paused: entries are refused, exits still pass'));
  $('resume').addEventListener('click', () => control('/admin/resume', 'Resumed: trading again'));
  $('flatten').addEventListener('click', flatten);
  $('clear-pending').addEventListener('click', clearPending);
  $('settings-form').addEventListener('submit', saveSettings);
  $('explain-form').addEventListener('submit', explain);
  $('reset-settings').addEventListener('click', undoSettings);
  $('reason').addEventListener('input', () => $('reason').classList.remove('invalid'));

  $('actor').value = sessionStorage.getItem(ACTOR) || '';
  const key = sessionStorage.getItem(KEY);
  if (key) {
    signIn(key, sessionStorage.getItem(ACTOR)).catch((e) => {
      if (e.status === 401) signOut('The admin API key was refused: sign in again.');
      else enter();   // the daemon is restarting or out of reach: keep trying with the key of this tab
    });
  }
});
