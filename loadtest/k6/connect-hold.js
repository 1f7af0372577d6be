// connect-and-hold: opens CONNECTIONS WebSocket connections spread evenly over RAMP seconds, each holding one
// live subscription (limit 0: no stored events) for HOLD seconds and pinging every PING seconds, like idle
// clients left open. Every connection closes itself after HOLD, so none is cut by k6 (no false "unexpected").
// Measures the upgrade (ws_connecting), time to EOSE and unexpected closes. Matches `relay-load connect-hold`.
//
//   k6 run -e RELAY_URL=ws://127.0.0.1:7777 -e CONNECTIONS=2000 -e RAMP=60 -e HOLD=120 loadtest/k6/connect-hold.js
import ws from 'k6/ws';
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import { LOADTEST_TAG, RELAY_URL, closeMessage, envInt, parseMessage, reqMessage, subscriptionId } from './lib/nostr.js';

const CONNECTIONS = envInt('CONNECTIONS', 500);
const RAMP = envInt('RAMP', 30);        // seconds over which the connections open
const HOLD = envInt('HOLD', 60);        // seconds each connection stays open
const PING = envInt('PING', 20);        // seconds between pings

const timeToEose = new Trend('nostr_time_to_eose', true);
const unexpectedCloses = new Counter('nostr_unexpected_closes');
const closedSubscriptions = new Counter('nostr_closed');

export const options = {
  scenarios: {
    hold: {
      executor: 'per-vu-iterations',
      vus: CONNECTIONS,
      iterations: 1,
      maxDuration: (RAMP + HOLD + 60) + 's',
    },
  },
  thresholds: {
    checks: ['rate>0.99'],
    ws_connecting: ['p(95)<1000'],
    nostr_time_to_eose: ['p(95)<500'],
    nostr_unexpected_closes: ['count<1'],
  },
};

export default function () {
  // The n-th VU connects n/CONNECTIONS of the way into the ramp.
  sleep((exec.vu.idInTest - 1) * RAMP / CONNECTIONS);
  const id = subscriptionId('hold');
  let closing = false;
  let subscribedAt = 0;
  const response = ws.connect(RELAY_URL, {}, function (socket) {
    socket.on('open', function () {
      subscribedAt = Date.now();
      socket.send(reqMessage(id, [{ '#t': [LOADTEST_TAG], limit: 0 }]));
      socket.setInterval(function () { socket.ping(); }, PING * 1000);
      socket.setTimeout(function () {
        closing = true;
        socket.send(closeMessage(id));
        socket.close(1000);
      }, HOLD * 1000);
    });
    socket.on('message', function (data) {
      const message = parseMessage(data);
      if (message === null || message[1] !== id) return;
      if (message[0] === 'EOSE') timeToEose.add(Date.now() - subscribedAt);
      if (message[0] === 'CLOSED') closedSubscriptions.add(1);
    });
    socket.on('close', function () {
      if (!closing) unexpectedCloses.add(1);
    });
    socket.on('error', function (e) {
      if (!closing) console.error('connect-hold: ' + e.error());
    });
  });
  check(response, { 'upgraded (101)': function (r) { return r && r.status === 101; } });
}
