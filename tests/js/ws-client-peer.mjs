// Independent WebSocket client (npm ws, pinned by package-lock.json) driven by Relay's integration tests.
// Usage: node ws-client-peer.mjs URL SCENARIO
// Prints one line "OK <detail>" and exits 0 when the scenario behaves as RFC 6455 / RFC 7692 require, otherwise
// prints "FAIL <why>" and exits 1. Every wait is bounded.
import WebSocket from 'ws';

const TIMEOUT = 20_000;
const [url, scenario] = process.argv.slice(2);

function check(condition, why) {
  if (!condition) throw new Error(why);
}

function open(options = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { maxPayload: 64 * 1024 * 1024, perMessageDeflate: false, ...options });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function next(ws, event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${TIMEOUT} ms`)), TIMEOUT);
    ws.once(event, (...args) => { clearTimeout(timer); resolve(args); });
  });
}

const scenarios = {
  async 'fragmented-with-ping'() {
    const ws = await open();
    const message = next(ws, 'message');
    const pong = next(ws, 'pong');
    ws.send('first half, ', { fin: false });
    ws.ping('mid-message');
    // The last fragment goes only after the pong: the server answered a ping inside a fragmented message.
    const [pongData] = await pong;
    check(pongData.toString() === 'mid-message', `pong payload ${pongData}`);
    ws.send('second half', { fin: true });
    const [data, isBinary] = await message;
    check(!isBinary && data.toString() === 'first half, second half', `echo ${data}`);
    ws.close(1000);
    await next(ws, 'close');
    return 'fragmented message reassembled, ping answered mid-message';
  },

  async 'one-mebibyte'() {
    const ws = await open();
    const payload = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < payload.length; i++) payload[i] = i % 251;
    const message = next(ws, 'message');
    ws.send(payload);
    const [data, isBinary] = await message;
    check(isBinary && Buffer.compare(data, payload) === 0, `1 MiB echo differs (${data.length} bytes)`);
    ws.close(1000);
    await next(ws, 'close');
    return '1 MiB binary echoed';
  },

  async 'close-handshake'() {
    const ws = await open();
    const message = next(ws, 'message');
    ws.send('before close');
    check((await message)[0].toString() === 'before close', 'echo before close differs');
    const closed = next(ws, 'close');
    ws.close(4000, 'bye');
    const [code] = await closed;
    check(code === 4000, `server answered close code ${code}`);
    return `closed ${code}`;
  },

  async 'server-closes'() {
    const ws = await open();
    const closed = next(ws, 'close');
    ws.send('close me');
    const [code, reason] = await closed;
    check(code === 4001 && reason.toString() === 'server says bye', `close ${code} ${reason}`);
    return 'server-initiated close 4001 received and answered';
  },

  async compressed() {
    const ws = await open({ perMessageDeflate: { threshold: 0, clientMaxWindowBits: true } });
    check(ws.extensions.includes('permessage-deflate'), `extensions: ${ws.extensions}`);
    const text = '["EVENT",{"content":"' + 'the same words again and again '.repeat(200) + '"}]';
    for (let i = 0; i < 3; i++) {
      const message = next(ws, 'message');
      ws.send(text);
      check((await message)[0].toString() === text, 'compressed echo differs');
    }
    ws.close(1000);
    await next(ws, 'close');
    return `compressed exchange with ${ws.extensions}`;
  },
};

const timer = setTimeout(() => { console.log(`FAIL ${scenario}: timed out`); process.exit(1); }, TIMEOUT * 2);
try {
  const detail = await scenarios[scenario]();
  console.log(`OK ${detail}`);
  clearTimeout(timer);
  process.exit(0);
} catch (error) {
  console.log(`FAIL ${scenario}: ${error.message}`);
  process.exit(1);
}
