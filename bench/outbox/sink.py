#!/usr/bin/env python3
"""A fast catch-all SMTP sink for bench/outbox-relay.sh, on 127.0.0.1 only.

Accepts every message and keeps nothing but a count: it must never be what limits the relay it
measures. Once a second, and when it stops, it writes "<messages> <connections>" to the stats file.

    python3 bench/outbox/sink.py --port 2525 --stats sink.txt

It stops on SIGTERM or SIGINT.
"""
import argparse
import asyncio
import signal


class Sink:
    def __init__(self, stats_path):
        self.stats_path = stats_path
        self.messages = 0
        self.connections = 0

    def write_stats(self):
        with open(self.stats_path, "w") as stats:
            stats.write("%d %d\n" % (self.messages, self.connections))

    async def handle(self, reader, writer):
        self.connections += 1

        def reply(line):
            writer.write(line)

        try:
            reply(b"220 127.0.0.1 outbox bench sink ESMTP\r\n")
            await writer.drain()
            while True:
                line = await asyncio.wait_for(reader.readline(), timeout=60)
                if not line:
                    return
                verb = line[:4].upper()
                if verb == b"EHLO":
                    reply(b"250-127.0.0.1\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n")
                elif verb == b"DATA":
                    reply(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    await writer.drain()
                    while True:
                        chunk = await asyncio.wait_for(reader.readline(), timeout=60)
                        if not chunk:
                            return
                        if chunk in (b".\r\n", b".\n"):
                            break
                    self.messages += 1
                    reply(b"250 OK: queued\r\n")
                elif verb == b"QUIT":
                    reply(b"221 Bye\r\n")
                    await writer.drain()
                    return
                else:
                    # HELO, MAIL, RCPT, RSET, NOOP
                    reply(b"250 OK\r\n")
                await writer.drain()
        except (asyncio.TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()

    async def report(self):
        while True:
            self.write_stats()
            await asyncio.sleep(1)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--stats", required=True)
    args = parser.parse_args()
    sink = Sink(args.stats)
    listener = await asyncio.start_server(sink.handle, "127.0.0.1", args.port, reuse_address=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    reporter = asyncio.create_task(sink.report())
    async with listener:
        await stop.wait()
    reporter.cancel()
    sink.write_stats()


if __name__ == "__main__":
    asyncio.run(main())
