// Helpers shared by the Relay k6 scripts: configuration from the environment, NIP-01 messages, event files.
// Written for k6's JavaScript runtime (k6 0.48 and later): ES modules, no Node APIs, no optional chaining.
import exec from 'k6/execution';

/** The relay under test (-e RELAY_URL=ws://host:7777). */
export const RELAY_URL = __ENV.RELAY_URL || 'ws://127.0.0.1:7777';

/** The `t` tag every generated event carries, so load-test subscriptions see only load-test events. */
export const LOADTEST_TAG = __ENV.LOADTEST_TAG || 'relay-loadtest';

/** NIP-01 and NIP-42 machine-readable prefixes of OK and CLOSED messages; anything else is counted as "other". */
const PREFIXES = ['duplicate', 'pow', 'blocked', 'rate-limited', 'invalid', 'restricted', 'mute', 'error', 'auth-required'];

let subscriptionCounter = 0;

/** A non-negative integer from the environment, or `fallback` when unset. */
export function envInt(name, fallback) {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const value = parseInt(raw, 10);
  if (isNaN(value) || value < 0 || String(value) !== String(raw).trim()) {
    throw new Error(name + ' must be a non-negative integer, not "' + raw + '"');
  }
  return value;
}

/** Parses the generator's output: one signed event per line (JSONL), or one JSON array of events. */
export function parseEvents(text) {
  const trimmed = text.trim();
  if (trimmed.charAt(0) === '[') return JSON.parse(trimmed);
  return trimmed.split('\n').filter(function (line) { return line.trim() !== ''; }).map(function (line) { return JSON.parse(line); });
}

/** A relay message as an array whose first element is its verb, or null when it is not one. */
export function parseMessage(data) {
  try {
    const message = JSON.parse(data);
    return Array.isArray(message) && typeof message[0] === 'string' ? message : null;
  } catch (e) {
    return null;
  }
}

/** A subscription id unique within the test run (NIP-01: at most 64 characters). */
export function subscriptionId(prefix) {
  subscriptionCounter += 1;
  return prefix + '-' + exec.vu.idInTest + '-' + subscriptionCounter;
}

export function reqMessage(id, filters) {
  return JSON.stringify(['REQ', id].concat(filters));
}

export function closeMessage(id) {
  return JSON.stringify(['CLOSE', id]);
}

export function eventMessage(event) {
  return JSON.stringify(['EVENT', event]);
}

/** The machine-readable prefix of an OK or CLOSED message, from a closed set (a bounded metric tag). */
export function reasonOf(message) {
  const colon = typeof message === 'string' ? message.indexOf(':') : -1;
  const prefix = colon > 0 ? message.slice(0, colon) : '';
  return PREFIXES.indexOf(prefix) >= 0 ? prefix : 'other';
}

/** The events of `events` this VU publishes: every `stride`-th one starting at `index` (no event is sent twice). */
export function partition(events, index, stride) {
  const mine = [];
  for (let i = index; i < events.length; i += stride) mine.push(i);
  return mine;
}
