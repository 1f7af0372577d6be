// REQ mix: VUS connections each run subscriptions one after another for DURATION seconds, drawing each filter
// from a weighted mix of what clients ask (recent notes, one author's feed, several authors, ids, a hashtag,
// a time window, replaceable and addressable lookups), timing each REQ to its EOSE (nostr_time_to_eose,
// tagged by filter) and closing it. Run publish.js first: the filters select the events it stored.
// Matches `relay-load req-mix`.
//
//   k6 run -e RELAY_URL=ws://127.0.0.1:7777 -e VUS=50 -e DURATION=120 loadtest/k6/req-mix.js
import ws from 'k6/ws';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import { Counter, Rate, Trend } from 'k6/metrics';
import { RELAY_URL, closeMessage, envInt, parseEvents, parseMessage, reasonOf, reqMessage, subscriptionId } from './lib/nostr.js';

const EVENTS_FILE = __ENV.EVENTS_FILE || './data/events.jsonl';
const VUS = envInt('VUS', 20);
const DURATION = envInt('DURATION', 60);      // seconds
const THINK_MS = envInt('THINK_MS', 50);      // pause between one EOSE and the next REQ
const TIMEOUT_MS = envInt('TIMEOUT_MS', 10000);

// What the filters are drawn from, extracted once from the event file and shared by all VUs.
const corpus = new SharedArray('corpus', function () {
  const events = parseEvents(open(EVENTS_FILE));
  const authors = {};
  const topics = {};
  const addresses = [];
  let oldest = Infinity;
  let newest = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    authors[e.pubkey] = true;
    oldest = Math.min(oldest, e.created_at);
    newest = Math.max(newest, e.created_at);
    for (let j = 0; j < e.tags.length; j++) {
      const tag = e.tags[j];
      if (tag[0] === 't') topics[tag[1]] = true;
      if (tag[0] === 'd' && e.kind >= 30000 && e.kind < 40000) addresses.push({ kind: e.kind, pubkey: e.pubkey, d: tag[1] });
    }
  }
  return [{
    ids: events.filter(function (e, i) { return i % 7 === 0; }).map(function (e) { return e.id; }),
    authors: Object.keys(authors),
    topics: Object.keys(topics),
    addresses: addresses,
    oldest: oldest,
    newest: newest,
  }];
});

const timeToEose = new Trend('nostr_time_to_eose', true);
const received = new Counter('nostr_events_received');
const completed = new Rate('nostr_req_completed');
const closedByRelay = new Counter('nostr_closed');

function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}

function pickSome(list, count) {
  const chosen = [];
  for (let i = 0; i < count && list.length > 0; i++) chosen.push(pick(list));
  return chosen;
}

// [name, weight, filter builder]. Weights approximate a social client: mostly feeds and hashtags.
const MIX = [
  ['recent', 25, function () { return { kinds: [1], limit: 50 }; }],
  ['author', 20, function (c) { return { authors: [pick(c.authors)], limit: 100 }; }],
  ['authors', 15, function (c) { return { authors: pickSome(c.authors, 10), kinds: [1, 7], limit: 200 }; }],
  ['ids', 10, function (c) { return { ids: pickSome(c.ids, 10) }; }],
  ['tag', 10, function (c) { return { '#t': [pick(c.topics)], limit: 100 }; }],
  ['window', 10, function (c) {
    const since = c.oldest + Math.floor(Math.random() * Math.max(1, c.newest - c.oldest));
    return { kinds: [1], since: since, until: since + 3600, limit: 500 };
  }],
  ['replaceable', 5, function (c) { return { kinds: [0, 10002], authors: [pick(c.authors)] }; }],
  ['addressable', 5, function (c) {
    if (c.addresses.length === 0) return { kinds: [30023], limit: 20 };
    const a = pick(c.addresses);
    return { kinds: [a.kind], authors: [a.pubkey], '#d': [a.d] };
  }],
];
const TOTAL_WEIGHT = MIX.reduce(function (sum, entry) { return sum + entry[1]; }, 0);

function drawFilter(c) {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (let i = 0; i < MIX.length; i++) {
    roll -= MIX[i][1];
    if (roll < 0) return { name: MIX[i][0], filter: MIX[i][2](c) };
  }
  return { name: MIX[0][0], filter: MIX[0][2](c) };
}

export const options = {
  scenarios: {
    mix: {
      executor: 'constant-vus',
      vus: VUS,
      duration: DURATION + 's',
      gracefulStop: (TIMEOUT_MS / 1000 + 5) + 's',
    },
  },
  thresholds: {
    checks: ['rate>0.99'],
    nostr_req_completed: ['rate>0.99'],
    nostr_time_to_eose: ['p(95)<500', 'p(99)<2000'],
    'nostr_time_to_eose{filter:ids}': ['p(95)<100'],
  },
};

export default function () {
  const c = corpus[0];
  const response = ws.connect(RELAY_URL, {}, function (socket) {
    let current = null;

    function next() {
      const drawn = drawFilter(c);
      current = { id: subscriptionId('mix'), name: drawn.name, startedAt: Date.now() };
      socket.send(reqMessage(current.id, [drawn.filter]));
    }

    function finish(ok) {
      completed.add(ok, { filter: current.name });
      socket.send(closeMessage(current.id));
      current = null;
      socket.setTimeout(next, THINK_MS);
    }

    socket.on('open', function () {
      next();
      // One connection per VU iteration; it leaves after the scenario's duration or a stuck REQ.
      socket.setTimeout(function () { socket.close(1000); }, DURATION * 1000);
      socket.setInterval(function () {
        if (current !== null && Date.now() - current.startedAt > TIMEOUT_MS) finish(false);
      }, 1000);
    });

    socket.on('message', function (data) {
      const message = parseMessage(data);
      if (message === null || current === null || message[1] !== current.id) return;
      if (message[0] === 'EVENT') {
        received.add(1, { filter: current.name });
      } else if (message[0] === 'EOSE') {
        timeToEose.add(Date.now() - current.startedAt, { filter: current.name });
        finish(true);
      } else if (message[0] === 'CLOSED') {
        closedByRelay.add(1, { reason: reasonOf(message[2]) });
        finish(false);
      }
    });
  });
  check(response, { 'upgraded (101)': function (r) { return r && r.status === 101; } });
}
