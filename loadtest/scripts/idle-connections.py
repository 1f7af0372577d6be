#!/usr/bin/env python3
"""Resident memory per idle WebSocket connection of a server process on this machine.

Usage: idle-connections.py URL COUNT PID
Opens 50 warm-up connections, samples the server's VmRSS, opens COUNT more connections that each
exchange one message and then stay idle (no pings), samples VmRSS again after a settle delay and
prints the difference per connection. Loopback only; needs `ulimit -n` above COUNT + 100.
"""
import asyncio
import sys

import websockets

WARM_UP = 50
SETTLE_SECONDS = 5


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


async def open_one(url: str, held: list) -> None:
    connection = await websockets.connect(url, compression=None, ping_interval=None)
    await connection.send("hello")
    await asyncio.wait_for(connection.recv(), timeout=10)
    held.append(connection)


async def main(url: str, count: int, pid: int) -> None:
    held: list = []
    for _ in range(WARM_UP):
        await open_one(url, held)
    await asyncio.sleep(SETTLE_SECONDS)
    before = rss_kib(pid)
    for _ in range(count):
        await open_one(url, held)
    await asyncio.sleep(SETTLE_SECONDS)
    after = rss_kib(pid)
    print(f"connections={count} rss_before_kib={before} rss_after_kib={after} "
          f"bytes_per_connection={(after - before) * 1024 / count:.0f}")
    for connection in held:
        await connection.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
