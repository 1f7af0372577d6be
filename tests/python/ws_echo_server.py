#!/usr/bin/python3
"""Independent WebSocket server (Debian's python3-websockets) for testing Relay's client.

Usage: ws_echo_server.py
Listens on 127.0.0.1 with an ephemeral port, prints "PORT <n>", and echoes every message with permessage-deflate
available. Two commands exercise the client: "fragment-please" gets a fragmented message with a ping between the
fragments (the last fragment is sent only after the client's pong), "close-please" gets a close with 4002.
Exits when stdin closes or after 60 seconds.
"""
import asyncio
import sys

import websockets


async def handler(ws, path=None):
    async for message in ws:
        if message == "fragment-please":
            async def fragments():
                yield "fragmented "
                pong = await ws.ping(b"between fragments")
                await asyncio.wait_for(pong, 20)
                yield "reply"

            await ws.send(fragments())
        elif message == "close-please":
            await ws.close(code=4002, reason="server says bye")
        else:
            await ws.send(message)


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0, max_size=None, compression="deflate") as server:
        port = server.sockets[0].getsockname()[1]
        print(f"PORT {port}", flush=True)
        loop = asyncio.get_running_loop()
        stdin_closed = loop.run_in_executor(None, sys.stdin.read)
        await asyncio.wait_for(stdin_closed, 60)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except asyncio.TimeoutError:
        pass
