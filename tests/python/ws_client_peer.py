#!/usr/bin/python3
"""Independent WebSocket client (Debian's python3-websockets) driven by Relay's integration tests.

Usage: ws_client_peer.py URL SCENARIO [OFFER...]
Prints one line "OK <detail>" and exits 0 when the scenario behaves as RFC 6455 / RFC 7692 require, otherwise
prints "FAIL <why>" and exits 1. Every wait is bounded.
"""
import asyncio
import json
import random
import sys

import websockets
from websockets.extensions.permessage_deflate import ClientPerMessageDeflateFactory, PerMessageDeflate

TIMEOUT = 20


def check(condition, why):
    if not condition:
        raise AssertionError(why)


async def fragmented_with_ping(url):
    async with websockets.connect(url, compression=None, max_size=None) as ws:
        pong = None

        async def fragments():
            nonlocal pong
            yield "first half, "
            # A ping between two fragments of one message: the server must answer it at once (RFC 6455 §5.4, §5.5.2).
            pong = await ws.ping(b"mid-message")
            await asyncio.wait_for(pong, TIMEOUT)
            yield "second half"

        await ws.send(fragments())
        echo = await asyncio.wait_for(ws.recv(), TIMEOUT)
        check(pong.done(), "no pong for the ping sent between fragments")
        check(echo == "first half, second half", f"echo was {echo!r}")
    return "fragmented message reassembled, ping answered mid-message"


async def one_mebibyte(url):
    payload = bytes(range(256)) * 4096  # 1 MiB
    async with websockets.connect(url, compression=None, max_size=None) as ws:
        await ws.send(payload)
        echo = await asyncio.wait_for(ws.recv(), TIMEOUT)
        check(echo == payload, f"1 MiB echo differs (got {len(echo)} bytes)")
    return "1 MiB binary echoed"


async def close_handshake(url):
    ws = await websockets.connect(url, compression=None)
    await ws.send("before close")
    check(await asyncio.wait_for(ws.recv(), TIMEOUT) == "before close", "echo before close differs")
    await asyncio.wait_for(ws.close(code=4000, reason="bye"), TIMEOUT)
    check(ws.close_code == 4000, f"server answered close code {ws.close_code}")
    await asyncio.wait_for(ws.wait_closed(), TIMEOUT)
    return f"closed {ws.close_code}"


async def server_closes(url):
    async with websockets.connect(url, compression=None) as ws:
        await ws.send("close me")
        try:
            await asyncio.wait_for(ws.recv(), TIMEOUT)
            raise AssertionError("expected the server to close")
        except websockets.ConnectionClosed as closed:
            check(closed.rcvd is not None and closed.rcvd.code == 4001, f"close frame {closed.rcvd}")
            check(closed.rcvd.reason == "server says bye", f"reason {closed.rcvd.reason!r}")
    return "server-initiated close 4001 received and answered"


async def compressed(url, server_max_window_bits=None):
    factory = ClientPerMessageDeflateFactory(server_max_window_bits=server_max_window_bits, client_max_window_bits=True)
    text = '["EVENT",{"content":"' + ("the same words again and again " * 200) + '"}]'
    async with websockets.connect(url, extensions=[factory], compression=None, max_size=None) as ws:
        deflate = [e for e in ws.extensions if isinstance(e, PerMessageDeflate)]
        check(deflate, f"permessage-deflate not negotiated: {ws.response_headers.get('Sec-WebSocket-Extensions')}")
        if server_max_window_bits:
            # websockets inflates with exactly this window: a longer distance in our output would fail here.
            check(deflate[0].remote_max_window_bits == server_max_window_bits, f"{deflate[0]}")
        for _ in range(3):
            await ws.send(text)
            echo = await asyncio.wait_for(ws.recv(), TIMEOUT)
            check(echo == text, "compressed echo differs")
        header = ws.response_headers.get("Sec-WebSocket-Extensions")
    return f"compressed exchange with {header}"


def deflate_factory(spec):
    """spec: server_no_context_takeover(0/1) client_no_context_takeover(0/1) server_max_window_bits(0 = not requested)."""
    snct, cnct, smwb = spec
    return ClientPerMessageDeflateFactory(
        server_no_context_takeover=bool(snct),
        client_no_context_takeover=bool(cnct),
        server_max_window_bits=smwb or None,
        client_max_window_bits=True,
    )


async def deflate_offers(url, offers):
    """Autobahn 12.x/13.x-like: messages of 16 B to 128 KiB of JSON text and binary data, compressed with the
    negotiated parameters, echoed and compared. `offers` lists one or more offers, in preference order."""
    factories = [deflate_factory(offer) for offer in offers]
    rng = random.Random(7692)
    corpus = json.dumps([{"id": rng.getrandbits(128), "kind": rng.randrange(40000),
                          "content": " ".join(rng.choice(["nostr", "relay", "event", "κόσμε", "zap", "note"]) for _ in range(20))}
                         for _ in range(2000)])
    sizes = [16, 64, 256, 1024, 4096, 8192, 16384, 32768, 65536, 131072]
    async with websockets.connect(url, extensions=factories, compression=None, max_size=None) as ws:
        check(any(isinstance(e, PerMessageDeflate) for e in ws.extensions), "permessage-deflate not negotiated")
        position = 0
        for size in sizes:
            for round_ in range(6):
                chunk = corpus[position:position + size]
                position = (position + size) % (len(corpus) - 140000)
                message = chunk if round_ % 2 == 0 else chunk.encode()
                await ws.send(message)
                echo = await asyncio.wait_for(ws.recv(), TIMEOUT)
                check(echo == message, f"echo of a {size}-byte {'text' if round_ % 2 == 0 else 'binary'} message differs")
        return f"60 messages, 16 B to 128 KiB, with {ws.response_headers.get('Sec-WebSocket-Extensions')}"


SCENARIOS = {
    "fragmented-with-ping": fragmented_with_ping,
    "one-mebibyte": one_mebibyte,
    "close-handshake": close_handshake,
    "server-closes": server_closes,
    "compressed": compressed,
    "compressed-window-8": lambda url: compressed(url, server_max_window_bits=8),
}


def main():
    url, scenario = sys.argv[1], sys.argv[2]
    try:
        if scenario == "deflate-offers":
            # Each further argument is one offer: "snct,cnct,smwb", e.g. "1,1,8".
            offers = [tuple(int(x) for x in arg.split(",")) for arg in sys.argv[3:]]
            detail = asyncio.run(asyncio.wait_for(deflate_offers(url, offers), TIMEOUT * 3))
        else:
            detail = asyncio.run(asyncio.wait_for(SCENARIOS[scenario](url), TIMEOUT * 2))
        print(f"OK {detail}", flush=True)
    except BaseException as error:  # report anything, including timeouts, as a failure line
        print(f"FAIL {scenario}: {type(error).__name__}: {error}", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
