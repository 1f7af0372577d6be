// subscribe-and-fanout: SUBSCRIBERS connections hold one live subscription to load-test events while
// PUBLISHERS connections publish pre-signed events at RATE/s each. Subscribers count deliveries; publishers
// are subscribed too and time each of their own events from send to live delivery (nostr_fanout_latency).
// Matches `relay-load subscribe-fanout`.
//
//   k6 run -e RELAY_URL=ws://127.0.0.1:7777 -e SUBSCRIBERS=200 -e PUBLISHERS=4 -e RATE=25 loadtest/k6/subscribe-fanout.js
import ws from 'k6/ws';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import { LOADTEST_TAG, RELAY_URL, closeMessage, envInt, parseEvents, parseMessage, partition, reqMessage, subscriptionId } from './lib/nostr.js';
import { startPublishing } from './lib/publisher.js';

const EVENTS_FILE = __ENV.EVENTS_FILE || './data/events.jsonl';
const SUBSCRIBERS = envInt('SUBSCRIBERS', 50);
const PUBLISHERS = envInt('PUBLISHERS', 2);
const RATE = envInt('RATE', 10);              // events per second per publisher
const DURATION = envInt('DURATION', 60);      // seconds of publishing
const SETTLE = 5;                             // seconds for subscribers to subscribe before publishing starts
const GRACE_MS = 5000;

const events = new SharedArray('events', function () {
  return parseEvents(open(EVENTS_FILE));
});

const received = new Counter('nostr_events_received');
const fanoutLatency = new Trend('nostr_fanout_latency', true);
const unexpectedCloses = new Counter('nostr_unexpected_closes');

// limit 0: no stored events, only what is published from now on (NIP-01).
const FILTER = { '#t': [LOADTEST_TAG], limit: 0 };

export const options = {
  scenarios: {
    subscribers: {
      executor: 'per-vu-iterations',
      exec: 'subscriber',
      vus: SUBSCRIBERS,
      iterations: 1,
      maxDuration: (SETTLE + DURATION + 60) + 's',
    },
    publishers: {
      executor: 'per-vu-iterations',
      exec: 'publisher',
      vus: PUBLISHERS,
      iterations: 1,
      startTime: SETTLE + 's',
      maxDuration: (DURATION + 60) + 's',
    },
  },
  thresholds: {
    checks: ['rate>0.99'],
    nostr_events_received: ['count>0'],
    nostr_fanout_latency: ['p(95)<500', 'p(99)<2000'],
    nostr_ok_accepted: ['rate>0.99'],
    nostr_unexpected_closes: ['count<1'],
  },
};

export function subscriber() {
  const id = subscriptionId('fanout');
  let closing = false;
  const response = ws.connect(RELAY_URL, {}, function (socket) {
    socket.on('open', function () {
      socket.send(reqMessage(id, [FILTER]));
      // Stay until the publishers are done (plus their grace period), then leave cleanly.
      socket.setTimeout(function () {
        closing = true;
        socket.send(closeMessage(id));
        socket.close(1000);
      }, (DURATION + 10) * 1000 + GRACE_MS);
    });
    socket.on('message', function (data) {
      const message = parseMessage(data);
      if (message !== null && message[0] === 'EVENT' && message[1] === id) received.add(1);
    });
    socket.on('close', function () {
      if (!closing) unexpectedCloses.add(1);
    });
  });
  check(response, { 'upgraded (101)': function (r) { return r && r.status === 101; } });
}

export function publisher() {
  const mine = partition(events, exec.scenario.iterationInTest, PUBLISHERS);
  const id = subscriptionId('fanout-publisher');
  const response = ws.connect(RELAY_URL, {}, function (socket) {
    socket.on('open', function () {
      socket.send(reqMessage(id, [FILTER]));
      const publishing = startPublishing(socket, events, mine, RATE, DURATION, GRACE_MS, function () {
        socket.send(closeMessage(id));
        socket.close(1000);
      });
      socket.on('message', function (data) {
        const message = parseMessage(data);
        if (message === null || publishing.onMessage(message)) return;
        if (message[0] === 'EVENT' && message[1] === id && message[2]) {
          const sent = publishing.sentAt[message[2].id];
          if (sent !== undefined) fanoutLatency.add(Date.now() - sent);
        }
      });
    });
  });
  check(response, { 'upgraded (101)': function (r) { return r && r.status === 101; } });
}
