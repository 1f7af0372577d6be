#!/usr/bin/env node
// Generates pre-signed Nostr events for the k6 scripts (loadtest/k6) and other load tools: k6 cannot sign
// (no secp256k1), so events are signed here with nostr-tools and read by the scripts with open() + SharedArray.
//
//   node loadtest/scripts/generate-events.mjs [--count 10000] [--authors 100] [--content-bytes 200]
//        [--seed relay-loadtest] [--tag relay-loadtest] [--out loadtest/k6/data/events.jsonl]
//
// Output: one event per line (JSONL), valid per NIP-01 (id = sha256 of the canonical serialisation, BIP-340
// signature), kinds mixed over the four NIP-01 classes so the relay's regular, replaceable, ephemeral and
// addressable paths all see load. Authors' keys derive from --seed, so repeated runs target the same authors
// (the REQ mix stays meaningful); ids differ per run because created_at and content do.
//
// nostr-tools comes from tests/js (pinned by its package-lock.json; `npm ci` there, or ./test.sh, installs it).
// Set NOSTR_TOOLS_FROM to another directory whose node_modules holds nostr-tools to use that instead.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '..', '..');

function parseArguments(argv) {
  const options = {
    count: 10000,
    authors: 100,
    contentBytes: 200,
    seed: 'relay-loadtest',
    tag: 'relay-loadtest',
    out: resolve(repository, 'loadtest', 'k6', 'data', 'events.jsonl'),
  };
  const integers = { '--count': 'count', '--authors': 'authors', '--content-bytes': 'contentBytes' };
  const strings = { '--seed': 'seed', '--tag': 'tag', '--out': 'out' };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--help' || name === '-h') {
      console.log('usage: generate-events.mjs [--count N] [--authors N] [--content-bytes N] [--seed S] [--tag T] [--out FILE]');
      process.exit(0);
    }
    if (value === undefined) fail(`${name} needs a value`);
    if (name in integers) {
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 1) fail(`${name} must be a positive integer, not "${value}"`);
      options[integers[name]] = parsed;
    } else if (name in strings) {
      options[strings[name]] = name === '--out' ? resolve(value) : value;
    } else {
      fail(`unknown option ${name}`);
    }
  }
  return options;
}

function fail(message) {
  console.error(`generate-events: ${message}`);
  process.exit(2);
}

async function loadNostrTools() {
  const base = process.env.NOSTR_TOOLS_FROM ? resolve(process.env.NOSTR_TOOLS_FROM) : resolve(repository, 'tests', 'js');
  const require = createRequire(resolve(base, 'package.json'));
  let entry;
  try {
    entry = require.resolve('nostr-tools/pure');
  } catch {
    fail(`nostr-tools not found under ${base}/node_modules: run "npm ci" in ${base} (./test.sh does)`);
  }
  // createRequire resolves the CommonJS build; its exports arrive as the module's default export.
  const module = await import(pathToFileURL(entry).href);
  return module.finalizeEvent ? module : module.default;
}

// NIP-01 kinds by class, with the share of events each gets. Regular notes dominate, as on real relays.
const KIND_MIX = [
  { kind: 1, share: 0.70 },        // regular: text note
  { kind: 7, share: 0.10 },        // regular: reaction (e and p tags to an earlier note)
  { kind: 0, share: 0.04 },        // replaceable: metadata
  { kind: 10002, share: 0.04 },    // replaceable: relay list (NIP-65)
  { kind: 20001, share: 0.06 },    // ephemeral
  { kind: 30023, share: 0.06 },    // addressable: long-form article (NIP-23), d tag
];

const TOPICS = ['nostr', 'bitcoin', 'relay', 'music', 'art', 'photography', 'dev', 'news'];

function kindFor(i) {
  // Deterministic interleaving by position, so even a small --count covers every class.
  const position = (i * 0.6180339887498949) % 1;   // golden-ratio sequence: evenly spread
  let cumulative = 0;
  for (const entry of KIND_MIX) {
    cumulative += entry.share;
    if (position < cumulative) return entry.kind;
  }
  return KIND_MIX[0].kind;
}

function secretKeyFor(seed, index) {
  // sha256(seed/index) is a valid secp256k1 scalar except with negligible probability (>= n or 0).
  return new Uint8Array(createHash('sha256').update(`${seed}/author/${index}`).digest());
}

function content(bytes) {
  return randomBytes(Math.ceil(bytes * 3 / 4) + 3).toString('base64').slice(0, bytes);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const { finalizeEvent, getPublicKey } = await loadNostrTools();
  const keys = Array.from({ length: options.authors }, (_, i) => {
    const secret = secretKeyFor(options.seed, i);
    return { secret, pubkey: getPublicKey(secret) };
  });

  mkdirSync(dirname(options.out), { recursive: true });
  const out = createWriteStream(options.out);
  const now = Math.floor(Date.now() / 1000);
  const notes = [];
  const counts = {};
  for (let i = 0; i < options.count; i++) {
    const author = keys[i % keys.length];
    const kind = kindFor(i);
    // Spread over the last 24 hours, oldest first: REQ windows (since/until) find events all along.
    const createdAt = now - Math.floor(((options.count - i) * 86400) / options.count);
    const tags = [['t', options.tag], ['t', TOPICS[i % TOPICS.length]]];
    let text = content(options.contentBytes);
    if (kind === 7 && notes.length > 0) {
      const target = notes[i % notes.length];
      tags.push(['e', target.id], ['p', target.pubkey]);
      text = '+';
    } else if (kind === 0) {
      text = JSON.stringify({ name: `loadtest-${i % keys.length}`, about: content(64) });
    } else if (kind === 10002) {
      tags.push(['r', 'wss://relay.example.com'], ['r', 'wss://other.example.com', 'read']);
      text = '';
    } else if (kind === 30023) {
      tags.push(['d', `article-${i % 50}`], ['title', `Article ${i % 50}`]);
    }
    const event = finalizeEvent({ kind, created_at: createdAt, tags, content: text }, author.secret);
    if (kind === 1) notes.push({ id: event.id, pubkey: event.pubkey });
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (!out.write(JSON.stringify(event) + '\n')) await new Promise((done) => out.once('drain', done));
  }
  await new Promise((done, error) => out.end((e) => (e ? error(e) : done())));
  console.error(`generate-events: ${options.count} events by ${keys.length} authors -> ${options.out}`);
  console.error(`generate-events: kinds ${JSON.stringify(counts)}`);
}

await main();
