#!/usr/bin/env python3
"""A catch-all SMTP server for bench/faults.sh, on 127.0.0.1 only.

Accepts every message and, before it answers 250 to the end of DATA, appends one JSON line to the
log: when, the envelope recipients, and the Message-ID, Subject and To headers. With --keep DIR it
also keeps each message whole (DIR/<n>.eml), so a test can read the private link in an email.

With --hold-file FILE: when FILE exists at the end of a message's DATA and a recipient of the
message starts with the text in FILE, the message is recorded, FILE is removed, FILE.caught is written (with the recipient), and the 250 reply waits --hold-seconds
(30). The fault script kills the application in that moment: the email has been delivered but the
application has not heard so.

    python3 bench/faults/smtp.py --port 2525 --log deliveries.jsonl [--keep DIR] [--hold-file FILE]

It stops on SIGTERM or SIGINT. The fault script stops and starts it to make an outage.
"""
import argparse
import asyncio
import email.header
import email.parser
import email.policy
import json
import os
import signal
import time


def decoded(value):
    if value is None:
        return None
    return str(email.header.make_header(email.header.decode_header(str(value))))


class Session:
    def __init__(self, server, reader, writer):
        self.server = server
        self.reader = reader
        self.writer = writer
        self.reset()

    def reset(self):
        self.mail_from = None
        self.rcpt = []

    async def reply(self, line):
        self.writer.write((line + "\r\n").encode("ascii"))
        await self.writer.drain()

    async def run(self):
        await self.reply("220 127.0.0.1 faults catch-all ESMTP")
        while True:
            line = await asyncio.wait_for(self.reader.readline(), timeout=60)
            if not line:
                return
            command = line.decode("utf-8", "replace").rstrip("\r\n")
            verb = command[:4].upper()
            if verb in ("EHLO",):
                await self.reply("250-127.0.0.1")
                await self.reply("250-8BITMIME")
                await self.reply("250-SMTPUTF8")
                await self.reply("250 SIZE 52428800")
            elif verb == "HELO":
                await self.reply("250 127.0.0.1")
            elif verb == "MAIL":
                self.reset()
                self.mail_from = command[10:].strip()
                await self.reply("250 OK")
            elif verb == "RCPT":
                self.rcpt.append(command[8:].strip().split(" ")[0].strip("<>"))
                await self.reply("250 OK")
            elif verb == "DATA":
                if not self.rcpt:
                    await self.reply("503 RCPT first")
                    continue
                await self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = bytearray()
                while True:
                    chunk = await asyncio.wait_for(self.reader.readline(), timeout=60)
                    if not chunk:
                        return
                    if chunk in (b".\r\n", b".\n"):
                        break
                    if chunk.startswith(b".."):
                        chunk = chunk[1:]
                    data += chunk
                recipients = self.rcpt
                self.server.record(recipients, bytes(data))
                self.reset()
                if self.server.holds(recipients):
                    # The email is recorded as delivered, but the sender hears so only later: the
                    # moment when a sender that dies has sent an email it does not know it sent.
                    os.remove(self.server.hold_file)
                    with open(self.server.hold_file + ".caught", "w") as caught:
                        caught.write("%s\n" % ",".join(recipients))
                    await asyncio.sleep(self.server.hold_seconds)
                await self.reply("250 OK: queued")
            elif verb == "RSET":
                self.reset()
                await self.reply("250 OK")
            elif verb == "NOOP":
                await self.reply("250 OK")
            elif verb == "QUIT":
                await self.reply("221 Bye")
                return
            else:
                await self.reply("502 Command not implemented")


class Server:
    def __init__(self, log_path, keep, hold_file=None, hold_seconds=30):
        self.log = open(log_path, "a", encoding="utf-8")
        self.keep = keep
        self.hold_file = hold_file
        self.hold_seconds = hold_seconds
        self.count = 0
        if keep:
            os.makedirs(keep, exist_ok=True)

    def holds(self, recipients):
        """Whether to hold this email: the hold file exists and a recipient starts with its text."""
        if not self.hold_file or not os.path.exists(self.hold_file):
            return False
        with open(self.hold_file) as hold:
            prefix = hold.read().strip()
        return any(recipient.startswith(prefix) for recipient in recipients)

    def record(self, rcpt, data):
        headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(data)
        self.count += 1
        name = None
        if self.keep:
            name = "%d-%d.eml" % (os.getpid(), self.count)
            with open(os.path.join(self.keep, name), "wb") as out:
                out.write(data)
        entry = {
            "at": int(time.time() * 1000),
            "rcpt": rcpt,
            "message_id": (headers.get("Message-ID") or "").strip() or None,
            "subject": decoded(headers.get("Subject")),
            "to": decoded(headers.get("To")),
            "file": name,
        }
        self.log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.log.flush()
        os.fsync(self.log.fileno())

    async def handle(self, reader, writer):
        try:
            await Session(self, reader, writer).run()
        except (asyncio.TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--keep")
    parser.add_argument("--hold-file")
    parser.add_argument("--hold-seconds", type=float, default=30)
    args = parser.parse_args()
    server = Server(args.log, args.keep, args.hold_file, args.hold_seconds)
    listener = await asyncio.start_server(server.handle, "127.0.0.1", args.port, reuse_address=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with listener:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
