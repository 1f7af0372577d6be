// Independent WebSocket server (npm ws) for testing Relay's client.
// Usage: node ws-echo-server.mjs
// Listens on 127.0.0.1 with an ephemeral port, prints "PORT <n>", and echoes every message with permessage-deflate
// available. "fragment-please" gets a fragmented reply with a ping between the fragments (the last fragment is
// sent only after the client's pong); "close-please" gets a close with 4002. Exits when stdin closes or after 60 s.
import { WebSocketServer } from 'ws';

const server = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  maxPayload: 64 * 1024 * 1024,
  perMessageDeflate: { threshold: 256 },
});

server.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    const text = isBinary ? null : data.toString();
    if (text === 'fragment-please') {
      ws.send('fragmented ', { fin: false, compress: false });
      ws.once('pong', () => ws.send('reply', { fin: true, compress: false }));
      ws.ping('between fragments');
    } else if (text === 'close-please') {
      ws.close(4002, 'server says bye');
    } else {
      ws.send(data, { binary: isBinary });
    }
  });
});

server.on('listening', () => console.log(`PORT ${server.address().port}`));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(0), 60_000).unref();
