#!/usr/bin/env python3
"""The bad-input case of bench/faults.sh: requests no form of the site can need, and a valid
message in right-to-left scripts and emoji, against the application on 127.0.0.1.

    python3 bench/faults/badinput.py --port 18090 --psql "psql -h 127.0.0.1 -p 55432 ..." \
        --smtp-log deliveries.jsonl --smtp-keep DIR --address-offset 70000

Prints one table row per check: "name|what must hold|measured|PASS or FAIL".
"""
import argparse
import base64
import email
import email.policy
import html
import html.parser
import http.client
import json
import os
import re
import shlex
import socket
import subprocess
import time
import urllib.parse

SLUG = "south-wigston"
VALID_TEXT = ("Fault test bad-rtl: שלום, مرحبا بكم — the light is out 👮🏽‍♀️🚓🇬🇧 "
              "\u202ereversed\u202c \u200fمرحبا\u200f café e\u0301 ＡＢＣ <b>bold?</b> & \"quoted\" 'single' 😀")
VALID_NAME = "Zoë بن 🦊"
VALID_LOCATION = "شارع Bull Head Street ⛪"


class Answer:
    def __init__(self, status, headers, body, seconds, note=""):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds
        self.note = note

    def text(self):
        return self.body.decode("utf-8", "replace")

    def page_words(self):
        """The visible words of an HTML page: its title, else the start of its text."""
        match = re.search(r"<title>([^<]*)</title>", self.text(), re.I)
        if match:
            return html.unescape(match.group(1)).strip()
        return re.sub(r"\s+", " ", self.text())[:60] or "(empty)"

    def describe(self):
        if self.status == 0:
            return "no answer after %.1f s (%s)" % (self.seconds, self.note)
        return "%d, %s bytes (\"%s\") in %.1f s%s" % (self.status, format(len(self.body), ","), self.page_words(),
                                                       self.seconds, (" " + self.note) if self.note else "")


def read_answer(sock, started, timeout):
    """Reads one HTTP response until the server closes or the body is complete."""
    sock.settimeout(timeout)
    data = b""
    note = ""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
            head_end = data.find(b"\r\n\r\n")
            if head_end >= 0:
                head = data[:head_end].decode("latin-1").lower()
                length = re.search(r"\ncontent-length:\s*(\d+)", head)
                if length and len(data) - head_end - 4 >= int(length.group(1)):
                    break
                if "transfer-encoding: chunked" in head and data.endswith(b"0\r\n\r\n"):
                    break
    except socket.timeout:
        note = "timed out reading"
    except (ConnectionError, OSError) as error:
        note = type(error).__name__
    seconds = time.monotonic() - started
    head_end = data.find(b"\r\n\r\n")
    if not data.startswith(b"HTTP/") or head_end < 0:
        return Answer(0, {}, b"", seconds, note or "no HTTP answer")
    lines = data[:head_end].decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    body = data[head_end + 4:]
    if headers.get("transfer-encoding", "").lower() == "chunked":
        decoded, rest = b"", body
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            try:
                size = int(size_line.split(b";")[0], 16)
            except ValueError:
                break
            if size == 0:
                break
            decoded += rest[:size]
            rest = rest[size + 2:]
        body = decoded
    return Answer(status, headers, body, seconds, note)


def exchange(port, head, body_chunks=(), timeout=15):
    """Sends a request (the body in chunks, stopping if the server answers or hangs up early) and
    reads the answer."""
    started = time.monotonic()
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    note = ""
    try:
        sock.sendall(head)
        sock.setblocking(True)
        for chunk in body_chunks:
            sock.settimeout(0)
            try:
                peek = sock.recv(1, socket.MSG_PEEK)
                if peek or peek == b"":
                    note = "(the server answered before the body was sent)"
                    break
            except BlockingIOError:
                pass
            sock.settimeout(timeout)
            sock.sendall(chunk)
    except (ConnectionError, OSError) as error:
        note = "(the server stopped reading the body: %s)" % type(error).__name__
    answer = read_answer(sock, started, timeout)
    if note and answer.status:
        answer.note = note
    sock.close()
    return answer


def get(port, target, headers=None):
    head = "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAccept: text/html\r\nConnection: close\r\n" % (target, port)
    for name, value in (headers or {}).items():
        head += "%s: %s\r\n" % (name, value)
    return exchange(port, (head + "\r\n").encode("latin-1"))


def fetch_form(port, address):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/area/%s/contact" % SLUG, headers={"X-Forwarded-For": address})
    response = connection.getresponse()
    page = response.read().decode("utf-8")
    cookies = "; ".join(value.split(";", 1)[0] for name, value in response.getheaders()
                        if name.lower() == "set-cookie")
    connection.close()

    def hidden(name):
        for tag in re.findall(r"<input\b[^>]*>", page):
            if 'name="%s"' % name in tag:
                return html.unescape(re.search(r'value="([^"]*)"', tag).group(1))
        raise RuntimeError("no %s in the contact form (status %d)" % (name, response.status))

    return {"cookie": cookies, "_csrf": hidden("_csrf"), "idempotencyKey": hidden("idempotencyKey"),
            "startedAt": hidden("startedAt")}


def contact_fields(form, marker, message, name="Fault Tester", location=""):
    return [("_csrf", form["_csrf"]), ("startedAt", form["startedAt"]), ("idempotencyKey", form["idempotencyKey"]),
            ("name", name), ("email", marker + "@example.org"), ("phone", ""), ("preferredContact", "EMAIL"),
            ("senderType", "RESIDENT"), ("topic", "GENERAL_ENQUIRY"), ("message", message),
            ("location", location), ("website", "")]


def post_head(port, form, address, length=None, chunked=False):
    head = ("POST /area/%s/contact HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAccept: text/html\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nX-Forwarded-For: %s\r\nCookie: %s\r\n"
            "Connection: close\r\n" % (SLUG, port, address, form["cookie"]))
    head += "Transfer-Encoding: chunked\r\n" if chunked else "Content-Length: %d\r\n" % length
    return (head + "\r\n").encode("latin-1")


def post_contact(port, form, address, fields):
    body = urllib.parse.urlencode(fields).encode("ascii")
    return exchange(port, post_head(port, form, address, len(body)) + body)


class Checks:
    def __init__(self, args):
        self.args = args
        self.psql = shlex.split(args.psql)
        self.next_address = args.address_offset
        self.rows = []

    def address(self):
        n = self.next_address
        self.next_address += 1
        return "198.%d.%d.%d" % (18 + (n // 65536) % 2, (n // 256) % 256, n % 256)

    def sql(self, query):
        return subprocess.run(self.psql + ["-c", query], check=True, capture_output=True,
                              text=True).stdout.strip()

    def stored(self, marker):
        return int(self.sql("select count(*) from contact_message where sender_email = '%s@example.org'" % marker))

    def row(self, name, must, measured, ok):
        self.rows.append("%s|%s|%s|%s" % (name, must, measured.replace("|", "/"), "PASS" if ok else "FAIL"))

    def clear_4xx(self, answer):
        return 400 <= answer.status < 500 and len(answer.body.strip()) > 0

    def must_4xx(self, name, answer, extra_ok=True, extra=""):
        # Noted, not judged: whether the page is the site's own (its layout, a way back) or the
        # web server's bare one.
        own = "" if answer.status == 0 or "Your Area" in answer.page_words() else ", the web server's bare page"
        self.row(name, "a clear 4xx page (non-empty body)" + (", nothing stored" if extra else ""),
                 answer.describe() + own + extra, self.clear_4xx(answer) and extra_ok)

    def big_body(self, chunked):
        marker = "bad-big-%s" % ("chunked" if chunked else "length")
        form = fetch_form(self.args.port, self.address())
        time.sleep(3.3)
        fields = contact_fields(form, marker, "")
        prefix = urllib.parse.urlencode(fields[:-3]).encode("ascii") + b"&message=Fault+test+" + marker.encode()
        size = 10 * 1024 * 1024
        body_chunks = [prefix]
        remaining = size - len(prefix) - len(b"&location=&website=")
        while remaining > 0:
            piece = min(remaining, 65536)
            body_chunks.append(b"a" * piece)
            remaining -= piece
        body_chunks.append(b"&location=&website=")
        if chunked:
            body_chunks = [b"%x\r\n%s\r\n" % (len(c), c) for c in body_chunks] + [b"0\r\n\r\n"]
        answer = exchange(self.args.port, post_head(self.args.port, form, self.address(), size, chunked),
                          body_chunks, timeout=20)
        stored = self.stored(marker)
        self.must_4xx("bad-input: 10 MB body to the contact form" + (" (chunked)" if chunked else ""), answer,
                      stored == 0, "; stored %d" % stored)

    def run(self):
        port = self.args.port
        self.big_body(chunked=False)
        self.big_body(chunked=True)
        self.must_4xx("bad-input: 100 KB URL", get(port, "/area/wigston?q=" + "a" * (100 * 1024)))
        self.must_4xx("bad-input: 10,000-character postcode", get(port, "/find-your-area?postcode=" + "A" * 10000))
        self.must_4xx("bad-input: null byte in the URL path", get(port, "/area/wig%00ston"))
        for field in ("message", "name"):
            marker = "bad-nul-" + field
            form = fetch_form(port, self.address())
            time.sleep(3.3)
            message = "Fault test %s: before\x00after" % marker if field == "message" else "Fault test " + marker
            name = "Fault\x00Tester" if field == "name" else "Fault Tester"
            answer = post_contact(port, form, self.address(), contact_fields(form, marker, message, name=name))
            stored = self.stored(marker)
            self.must_4xx("bad-input: null byte in the contact form's %s" % field, answer, stored == 0,
                          "; stored %d" % stored)
        self.valid_text()
        print("\n".join(self.rows))

    def valid_text(self):
        port = self.args.port
        marker = "bad-rtl"
        form = fetch_form(port, self.address())
        time.sleep(3.3)
        answer = post_contact(port, form, self.address(),
                              contact_fields(form, marker, VALID_TEXT, name=VALID_NAME, location=VALID_LOCATION))
        problems = []
        if answer.status != 303:
            problems.append("answered " + answer.describe())
        rows = self.sql("select encode(convert_to(body, 'UTF8'), 'base64'), encode(convert_to(sender_name, 'UTF8'), "
                        "'base64'), encode(convert_to(location, 'UTF8'), 'base64') from contact_message "
                        "where sender_email = '%s@example.org'" % marker)
        if not rows:
            problems.append("not stored")
        else:
            body, name, location = (base64.b64decode(part.replace("\n", "")).decode("utf-8")
                                    for part in rows.replace("\n", "").split("|"))
            for what, typed, kept in (("message", VALID_TEXT, body), ("name", VALID_NAME, name),
                                      ("location", VALID_LOCATION, location)):
                if typed != kept:
                    problems.append("%s stored as %r" % (what, kept))
        link = self.private_link(marker + "@example.org")
        if link is None:
            problems.append("no acknowledgement email with a private link within 60 s")
        else:
            page = get(port, link)
            words = VisibleText.of(page.text())
            for what, typed in (("message", VALID_TEXT),):
                if typed not in words:
                    problems.append("the %s is not shown as typed on the resident's page (%d)" % (what, page.status))
        measured = ("303; stored and shown as typed on the resident's page" if not problems
                    else "; ".join(problems))
        self.row("bad-input: right-to-left, emoji and markup characters in a message",
                 "stored and shown exactly as typed", measured, not problems)

    def private_link(self, recipient):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if os.path.exists(self.args.smtp_log):
                with open(self.args.smtp_log, encoding="utf-8") as log:
                    for line in log:
                        entry = json.loads(line)
                        if recipient in entry["rcpt"] and entry.get("file"):
                            with open(os.path.join(self.args.smtp_keep, entry["file"]), "rb") as raw:
                                message = email.message_from_binary_file(raw, policy=email.policy.default)
                            text = message.get_body(("plain",)).get_content()
                            found = re.search(r"https?://[^/\s]+(/messages/[A-Za-z0-9_-]+)", text)
                            if found:
                                return found.group(1)
            time.sleep(1)
        return None


class VisibleText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    @classmethod
    def of(cls, page):
        parser = cls()
        parser.feed(page)
        return "".join(parser.parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--psql", required=True)
    parser.add_argument("--smtp-log", required=True)
    parser.add_argument("--smtp-keep", required=True)
    parser.add_argument("--address-offset", type=int, default=70000)
    Checks(parser.parse_args()).run()


if __name__ == "__main__":
    main()
