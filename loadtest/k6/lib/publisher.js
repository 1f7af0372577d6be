// Publishing with a paced loop and OK bookkeeping, shared by publish.js and subscribe-fanout.js.
import { Counter, Rate, Trend } from 'k6/metrics';
import { eventMessage, reasonOf } from './nostr.js';

// Custom metrics (created in the init context, as k6 requires). Names mirror the relay's own metrics where
// they measure the same thing from the client's side: nostr_time_to_ok vs nostr_event_time_to_ok_seconds.
export const published = new Counter('nostr_events_published');
export const timeToOk = new Trend('nostr_time_to_ok', true);
export const accepted = new Rate('nostr_ok_accepted');
export const duplicates = new Counter('nostr_ok_duplicates');
export const rejected = new Counter('nostr_ok_rejected');
export const missingOk = new Counter('nostr_ok_missing');

// Sends are paced in ticks of 100 ms: finer timers cost the VU more than they gain in smoothness.
const TICK_MS = 100;

/**
 * Publishes `indices` of `events` on `socket` at `rate` events per second for at most `seconds`, records
 * publish-to-OK latency and outcomes, then waits up to `graceMs` for outstanding OKs and calls `done()`.
 * Returns `{ sentAt, onMessage }`: the send time of every event by id, and a handler the caller invokes for
 * every relay message (true when it consumed an OK).
 */
export function startPublishing(socket, events, indices, rate, seconds, graceMs, done) {
  const sentAt = {};
  const awaiting = {};
  let outstanding = 0;
  let next = 0;
  let budget = 0;
  let finished = false;
  const stopAt = Date.now() + seconds * 1000;

  function finish() {
    if (finished) return;
    finished = true;
    missingOk.add(outstanding);
    done();
  }

  socket.setInterval(function () {
    if (finished) return;
    const now = Date.now();
    if (next >= indices.length || now >= stopAt) {
      if (outstanding === 0 || now >= stopAt + graceMs) finish();
      return;
    }
    budget += rate * TICK_MS / 1000;
    while (budget >= 1 && next < indices.length) {
      const event = events[indices[next]];
      next += 1;
      budget -= 1;
      sentAt[event.id] = Date.now();
      awaiting[event.id] = true;
      outstanding += 1;
      socket.send(eventMessage(event));
      published.add(1);
    }
  }, TICK_MS);

  function onMessage(message) {
    if (message[0] !== 'OK') return false;
    if (awaiting[message[1]] !== true) return true;
    delete awaiting[message[1]];
    outstanding -= 1;
    timeToOk.add(Date.now() - sentAt[message[1]]);
    const ok = message[2] === true;
    accepted.add(ok);
    if (ok && reasonOf(message[3]) === 'duplicate') duplicates.add(1);
    if (!ok) rejected.add(1, { reason: reasonOf(message[3]) });
    return true;
  }

  return { sentAt: sentAt, onMessage: onMessage };
}
