// Independent cross-check of Relay.Nostr's event ids and signatures against nostr-tools (npm, pinned in
// package-lock.json). Run by tests/Relay.Nostr.Tests (CrossCheck/NostrToolsCorpusTests.cs) on every test
// run, so the corpus is fresh each time (new keys, new signatures); nothing generated is committed.
//
//   node nostr-corpus.mjs generate          prints {"nostrTools": version, "cases": [{name, expect, json}]}
//                                           where json is JSON.stringify(finalizeEvent(...)) verbatim
//   node nostr-corpus.mjs verify < in.json  reads a JSON array of event JSON strings, prints one
//                                           {"id", "hash", "verified"} per event: getEventHash / verifyEvent
import { readFileSync } from 'node:fs'
import { finalizeEvent, generateSecretKey, getEventHash, verifyEvent } from 'nostr-tools/pure'

const pkg = JSON.parse(readFileSync(new URL('./node_modules/nostr-tools/package.json', import.meta.url), 'utf8'))

function generate() {
  const sk = generateSecretKey()
  const cases = []
  const now = 1763700000 // 2025-11-21: a fixed, plausible created_at
  const add = (name, { kind = 1, created_at = now, tags = [], content = '' }, expect = 'valid') => {
    const event = finalizeEvent({ kind, created_at, tags, content }, sk)
    cases.push({ name, expect, json: JSON.stringify(event) })
  }

  // Every C0 control, alone in content and in a tag value (NIP-01: \b \t \n \f \r short, others \u00xx lowercase).
  for (let c = 0; c < 0x20; c++) {
    const ch = String.fromCharCode(c)
    add(`C0 U+${c.toString(16).padStart(4, '0')} in content`, { content: `a${ch}b` })
    add(`C0 U+${c.toString(16).padStart(4, '0')} in tag`, { tags: [['t', `x${ch}y`], [`n${ch}`]] })
  }
  add('all C0 controls together', { content: Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('') })

  // Characters that must stay verbatim although some encoders escape them.
  add('DEL U+007F', { content: 'del:\u007f:', tags: [['t', '\u007f']] })
  add('LINE SEPARATOR U+2028', { content: 'a\u2028b' })
  add('PARAGRAPH SEPARATOR U+2029', { content: 'a\u2029b', tags: [['t', '\u2028\u2029']] })
  add('slash and HTML-sensitive characters', { content: '</script><b>&amp;\'x\' a/b' })
  add('quotes and backslashes', { content: '"quoted" \\ back\\slash \\" \\\\ "" \\n (not a newline)', tags: [['q', '"', '\\', '\\"']] })
  add('emoji, ZWJ sequences, flags', { content: '😀🎉 👩‍👩‍👧 🇯🇵 🏳️‍🌈', tags: [['t', '🤙']] })
  add('non-ASCII scripts and combining marks', { content: 'é e\u0301 日本語 العربية עברית Ελληνικά 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \ufeff BOM \ufffd' })
  add('non-characters and private use', { content: '\uffff\ufffe\ue000 \u{10ffff} \u{1f600}' })

  // Sizes.
  add('empty content, no tags', { content: '' })
  add('large ASCII content (60,000 chars)', { content: 'nostr '.repeat(10000) })
  add('large multibyte content (6,000 x "é😀a\\n")', { content: 'é😀a\n'.repeat(6000) })
  add('many tags (1,990 t tags, just under the relay limit of 2,000)', { tags: Array.from({ length: 1990 }, (_, i) => ['t', `${i}`]) })
  add('follow list (450 p tags with relay and petname)', {
    kind: 3,
    tags: Array.from({ length: 450 }, (_, i) => ['p', i.toString(16).padStart(64, '0'), 'wss://relay.example.com', `name ${i}`]),
  })
  add('one tag with 50 elements', { tags: [['x', ...Array.from({ length: 49 }, (_, i) => `v${i}`)]] })
  add('empty strings in tags', { tags: [['t', ''], [''], ['e', '', '']] })
  add('name-only tags (NIP-70 protected marker)', { tags: [['-'], ['x']] })
  add('addressable with d tag', { kind: 30023, tags: [['d', 'my:article/with:colons'], ['title', 'T']] })
  add('expiration tag', { tags: [['expiration', '1900000000']] })

  // created_at bounds (JSON safe integer range).
  add('created_at 0', { created_at: 0 })
  add('created_at 2^53-1', { created_at: Number.MAX_SAFE_INTEGER })

  // Kinds at the class boundaries (NIP-01).
  for (const kind of [0, 1, 2, 3, 4, 44, 45, 999, 1000, 9999, 10000, 19999, 20000, 29999, 30000, 39999, 40000, 65535]) {
    add(`kind ${kind}`, { kind, content: `kind ${kind}`, tags: kind >= 30000 && kind < 40000 ? [['d', `k${kind}`]] : [] })
  }

  // nostr-tools signs what JSON.stringify gives for a lone surrogate ("\ud800"): not UTF-8, so a relay must refuse it.
  add('lone high surrogate in content', { content: 'a\ud800b' }, 'invalid')
  add('lone low surrogate in tag', { tags: [['t', '\udc00']] }, 'invalid')

  return { nostrTools: pkg.version, cases }
}

function verify(input) {
  return JSON.parse(input).map((json) => {
    const event = JSON.parse(json)
    return { id: event.id, hash: getEventHash(event), verified: verifyEvent(event) }
  })
}

const mode = process.argv[2]
if (mode === 'generate') {
  process.stdout.write(JSON.stringify(generate()))
} else if (mode === 'verify') {
  process.stdout.write(JSON.stringify(verify(readFileSync(0, 'utf8'))))
} else {
  process.stderr.write('usage: node nostr-corpus.mjs generate | verify < events.json\n')
  process.exit(2)
}
