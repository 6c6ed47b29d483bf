#!/usr/bin/env python3
"""Slow clients for bench/faults.sh, on 127.0.0.1 only.

    python3 bench/faults/slow.py headers --port 18090 --clients 200 --seconds 30 [--interval 1]
    python3 bench/faults/slow.py body --port 18090 --clients 32 --seconds 30 [--interval 2]

headers: each client sends a GET of a Your Area page one byte at a time, a byte every --interval
seconds, and never finishes its headers (slowloris).
body: each client sends the headers of a contact form POST at once, then its body one byte every
--interval seconds (slow POST).

A client whose connection the server closes opens a new one, so the number stays the same for the
whole run. At the end one line says how many connections were opened, closed by the server, and
which answers came back, for the fault script's table.
"""
import argparse
import asyncio
import collections
import time

PAD = "X-Slow-Client: " + "a" * 4000 + "\r\n"


async def client(args, stats, deadline):
    host = "127.0.0.1"
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, args.port), 5)
        except (OSError, asyncio.TimeoutError):
            stats["connect failed"] += 1
            await asyncio.sleep(0.5)
            continue
        stats["opened"] += 1
        if args.mode == "headers":
            head = b""
            trickle = ("GET /area/wigston HTTP/1.1\r\nHost: %s:%d\r\n%s" % (host, args.port, PAD)).encode()
        else:
            body_length = 400
            head = ("POST /area/south-wigston/contact HTTP/1.1\r\nHost: %s:%d\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n"
                    % (host, args.port, body_length)).encode()
            trickle = (b"name=Slow+Client&message=" + b"a" * body_length)[:body_length]
        reading = asyncio.ensure_future(reader.read(200))
        try:
            if head:
                writer.write(head)
                await writer.drain()
            for i in range(len(trickle)):
                if time.monotonic() >= deadline or reading.done():
                    break
                writer.write(trickle[i:i + 1])
                await writer.drain()
                done, _ = await asyncio.wait({reading}, timeout=args.interval)
            if reading.done():
                answer = reading.result()
                if answer.startswith(b"HTTP/"):
                    stats["answered " + answer.split(b" ", 2)[1].decode()] += 1
                stats["closed by the server"] += 1
        except (ConnectionError, OSError):
            stats["closed by the server"] += 1
        finally:
            if not reading.done():
                reading.cancel()
            writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["headers", "body"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--interval", type=float)
    args = parser.parse_args()
    if args.interval is None:
        args.interval = 1.0 if args.mode == "headers" else 2.0
    stats = collections.Counter()
    deadline = time.monotonic() + args.seconds
    await asyncio.gather(*(client(args, stats, deadline) for _ in range(args.clients)))
    print("%d slow %s clients for %.0f s: %s" % (args.clients, args.mode, args.seconds,
                                                 ", ".join("%s %d" % kv for kv in sorted(stats.items()))))


if __name__ == "__main__":
    asyncio.run(main())
