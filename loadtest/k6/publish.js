// publish: VUS connections each publish their share of pre-signed events at RATE events/s for DURATION
// seconds, measuring publish-to-OK latency (nostr_time_to_ok) and outcomes. Matches `relay-load publish`.
//
//   node loadtest/scripts/generate-events.mjs --count 20000          # once: writes loadtest/k6/data/events.jsonl
//   k6 run -e RELAY_URL=ws://127.0.0.1:7777 -e VUS=20 -e RATE=50 loadtest/k6/publish.js
//
// Each event is sent once per run; publishing the same file again yields "duplicate:" OKs (counted apart).
import ws from 'k6/ws';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import { RELAY_URL, envInt, parseEvents, parseMessage, partition } from './lib/nostr.js';
import { startPublishing } from './lib/publisher.js';

const EVENTS_FILE = __ENV.EVENTS_FILE || './data/events.jsonl';
const VUS = envInt('VUS', 10);
const RATE = envInt('RATE', 20);              // events per second per VU
const DURATION = envInt('DURATION', 60);      // seconds of publishing
const GRACE_MS = envInt('GRACE_MS', 5000);    // wait for the last OKs

const events = new SharedArray('events', function () {
  return parseEvents(open(EVENTS_FILE));
});

const notices = new Counter('nostr_notices');

export const options = {
  scenarios: {
    publish: {
      executor: 'per-vu-iterations',
      vus: VUS,
      iterations: 1,
      maxDuration: (DURATION + GRACE_MS / 1000 + 30) + 's',
    },
  },
  thresholds: {
    checks: ['rate>0.99'],
    nostr_ok_accepted: ['rate>0.99'],
    nostr_time_to_ok: ['p(95)<250', 'p(99)<1000'],
    nostr_ok_missing: ['count<1'],
  },
};

export default function () {
  const mine = partition(events, exec.scenario.iterationInTest, VUS);
  const response = ws.connect(RELAY_URL, {}, function (socket) {
    socket.on('open', function () {
      const publisher = startPublishing(socket, events, mine, RATE, DURATION, GRACE_MS, function () {
        socket.close(1000);
      });
      socket.on('message', function (data) {
        const message = parseMessage(data);
        if (message === null) return;
        if (!publisher.onMessage(message) && message[0] === 'NOTICE') notices.add(1);
      });
    });
    socket.on('error', function (e) {
      console.error('publish: ' + e.error());
    });
  });
  check(response, { 'upgraded (101)': function (r) { return r && r.status === 101; } });
}
