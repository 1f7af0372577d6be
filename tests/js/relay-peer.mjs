// Independent Nostr clients (npm ws and nostr-tools, pinned by package-lock.json) driven by Relay's end-to-end tests.
// Usage: node relay-peer.mjs URL SCENARIO
// Prints one line "OK <detail>" and exits 0 when the relay behaves as NIP-01 / RFC 6455 require, otherwise prints
// "FAIL <why>" and exits 1. Every wait is bounded.
import WebSocket from 'ws';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { Relay, useWebSocketImplementation } from 'nostr-tools/relay';

useWebSocketImplementation(WebSocket);
const TIMEOUT = 20_000;
const [url, scenario] = process.argv.slice(2);

function check(condition, why) {
  if (!condition) throw new Error(why);
}

function within(promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what} within ${TIMEOUT} ms`)), TIMEOUT); }),
  ]);
}

const now = () => Math.floor(Date.now() / 1000);

function sign(sk, template) {
  return finalizeEvent({ created_at: now(), tags: [], content: '', ...template }, sk);
}

/** Collects a subscription's stored events up to EOSE, then keeps collecting live ones. */
function subscribe(relay, filters) {
  const stored = [];
  const live = [];
  let eose = false;
  let onLive = null;
  let resolveEose;
  const eoseReached = new Promise(resolve => { resolveEose = resolve; });
  const sub = relay.subscribe(filters, {
    onevent(e) {
      (eose ? live : stored).push(e);
      if (eose && onLive) onLive();
    },
    oneose() { eose = true; resolveEose(); },
  });
  return {
    sub, stored, live,
    eose: () => within(eoseReached, 'EOSE'),
    nextLive: () => within(new Promise(resolve => {
      if (live.length) return resolve(live.shift());
      onLive = () => { onLive = null; resolve(live.shift()); };
    }), 'live event'),
  };
}

const scenarios = {
  // nostr-tools end to end: publish (OK true), duplicate, REQ with EOSE and order, live delivery, replaceable.
  async 'nostr-tools'() {
    const relay = await within(Relay.connect(url), 'connect');
    const sk = generateSecretKey();
    const pk = getPublicKey(sk);
    const notes = [sign(sk, { kind: 1, content: 'first', created_at: now() - 20 }), sign(sk, { kind: 1, content: 'second', created_at: now() - 10 })];
    for (const note of notes) await within(relay.publish(note), 'OK');
    const duplicate = await within(relay.publish(notes[0]), 'OK');
    check(duplicate.startsWith('duplicate:'), `duplicate answered "${duplicate}"`);

    const s = subscribe(relay, [{ authors: [pk], kinds: [1] }]);
    await s.eose();
    check(s.stored.length === 2 && s.stored[0].id === notes[1].id && s.stored[1].id === notes[0].id,
      `stored part not newest first: ${s.stored.map(e => e.content)}`);
    const third = sign(sk, { kind: 1, content: 'third' });
    await within(relay.publish(third), 'OK');
    const live = await s.nextLive();
    check(live.id === third.id, `live event ${live.id} is not the one published`);
    s.sub.close();

    const newer = sign(sk, { kind: 0, content: '{"name":"new"}' });
    const older = sign(sk, { kind: 0, content: '{"name":"old"}', created_at: now() - 100 });
    await within(relay.publish(newer), 'OK');
    let refused = null;
    try { await within(relay.publish(older), 'OK'); } catch (e) { refused = String(e.message ?? e); }
    check(refused !== null, 'an older replaceable version was accepted');
    const p = subscribe(relay, [{ authors: [pk], kinds: [0] }]);
    await p.eose();
    check(p.stored.length === 1 && p.stored[0].id === newer.id, 'replaceable did not keep the newest');
    relay.close();
    return 'nostr-tools publish, duplicate, REQ order, live, replaceable';
  },

  // A client that never answers pings (ws autoPong off): the relay must close it; prints the close code and reason.
  async 'ignore-pings'() {
    const ws = new WebSocket(url, { autoPong: false, perMessageDeflate: false });
    const [code, reason] = await within(new Promise((resolve, reject) => {
      ws.once('close', (c, r) => resolve([c, r.toString()]));
      ws.once('error', reject);
    }), 'close');
    return `${code} ${reason}`;
  },

  // A client that answers pings (ws answers them itself): the relay keeps pinging it and never closes it. Waits for
  // five pings, then checks that the connection still serves a REQ; prints the count and the EOSE.
  async 'answer-pings'() {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    let closed = null;
    ws.on('close', (c, r) => { closed = `${c} ${r.toString()}`; });
    await within(new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); }), 'open');
    let pings = 0;
    await within(new Promise(resolve => ws.on('ping', () => { if (++pings === 5) resolve(); })), 'fifth ping');
    check(closed === null, `closed while answering pings: ${closed}`);
    const message = within(new Promise(resolve => ws.once('message', m => resolve(m.toString()))), 'EOSE');
    ws.send(JSON.stringify(['REQ', 'alive', { limit: 0 }]));
    const reply = await message;
    ws.close();
    return `${pings} pings, then ${reply}`;
  },

  // REQ with limit 0 over ws:// or wss:// (a self-signed test certificate is accepted): prints the EOSE.
  async 'eose'() {
    const ws = new WebSocket(url, { perMessageDeflate: false, rejectUnauthorized: false });
    await within(new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); }), 'open');
    const message = within(new Promise(resolve => ws.once('message', m => resolve(m.toString()))), 'message');
    ws.send(JSON.stringify(['REQ', 'tls', { limit: 0 }]));
    const reply = await message;
    ws.close();
    return reply;
  },

  // Holds a connection (answering pings) until the relay closes it; prints the close code (graceful shutdown).
  async 'wait-close'() {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await within(new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); }), 'open');
    console.log('OPEN');
    const [code] = await within(new Promise(resolve => ws.once('close', (c, r) => resolve([c, r.toString()]))), 'close');
    return `${code}`;
  },
};

try {
  const run = scenarios[scenario];
  check(run, `unknown scenario ${scenario}`);
  console.log(`OK ${await run()}`);
  process.exit(0);
} catch (e) {
  console.log(`FAIL ${e?.stack ?? e}`);
  process.exit(1);
}
