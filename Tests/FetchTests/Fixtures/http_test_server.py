#!/usr/bin/env python3
"""HTTP server for the Fetch tests: serves generated files and misbehaves on purpose.

Started by the tests on 127.0.0.1 with port 0; prints the chosen port on the first line of
stdout, then appends one JSON line per request to the log file given as the first argument.
Never touches the network beyond the loopback interface.

Routes (every counter is per path, so each test uses its own paths):
  /file/<size>[...]           a deterministic body; ETag, Last-Modified, Accept-Ranges; 304 and 206
  /cut/<size>/<at>[...]       first answer sends <at> bytes of <size> then closes; later ones behave like /file
  /cut-noranges/<size>/<at>   same, but never honours Range and sends no validators
  /flaky/<n>/<size>[...]      <n> answers 500, then like /file
  /limited/<size>[...]        first answer 429 with Retry-After: 1, then like /file
  /always/<status>            always that status (500, 404, 503…)
  /slow/<size>                sends 10 bytes per second
  /loop/a, /loop/b            302 to each other forever
  /redirect/<size>            302 to /file/<size>
  /nolength/<size>            a body without Content-Length, ended by closing the connection
  /empty                      204
  /changed/<size>             ETag changes on every request (resume must restart)
  /gc/file/<fmt>/<y>/<m>      a Guatecompras-like monthly file (1000 + m bytes); 204 for months 11 and 12
  /static/<name>              the bytes of <name> in the folder named by TRANSPARENCIA_TEST_STATIC (ETag "s-<size>")
"""
import json
import os
import signal
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG_PATH = sys.argv[1]
LOCK = threading.Lock()
COUNTS = {}
LAST_MODIFIED = formatdate(1700000000, usegmt=True)


def body_of(size):
    return bytes((i * 7 + 3) % 251 for i in range(size))


def count(path):
    with LOCK:
        COUNTS[path] = COUNTS.get(path, 0) + 1
        return COUNTS[path]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def log_request_line(self, seen):
        entry = {
            "path": self.path,
            "seen": seen,
            "range": self.headers.get("Range"),
            "if_range": self.headers.get("If-Range"),
            "if_none_match": self.headers.get("If-None-Match"),
            "if_modified_since": self.headers.get("If-Modified-Since"),
            "user_agent": self.headers.get("User-Agent"),
        }
        with LOCK:
            with open(LOG_PATH, "a") as log:
                log.write(json.dumps(entry) + "\n")

    def do_GET(self):
        path = self.path
        seen = count(path)
        self.log_request_line(seen)
        parts = path.split("?")[0].strip("/").split("/")
        route = parts[0]
        try:
            if route == "file":
                self.serve_file(int(parts[1]), etag='"v1-%s"' % parts[1])
            elif route == "cut":
                size, at = int(parts[1]), int(parts[2])
                if seen == 1:
                    self.cut(size, at, validators=True)
                else:
                    self.serve_file(size, etag='"v1-%s"' % size)
            elif route == "cut-noranges":
                size, at = int(parts[1]), int(parts[2])
                if seen == 1:
                    self.cut(size, at, validators=False)
                else:
                    self.serve_plain(size)
            elif route == "flaky":
                if seen <= int(parts[1]):
                    self.status_only(500)
                else:
                    self.serve_file(int(parts[2]), etag='"v1"')
            elif route == "limited":
                if seen == 1:
                    self.status_only(429, {"Retry-After": "1"})
                else:
                    self.serve_file(int(parts[1]), etag='"v1"')
            elif route == "always":
                self.status_only(int(parts[1]))
            elif route == "slow":
                self.slow(int(parts[1]))
            elif route == "loop":
                target = "/loop/b" if parts[1] == "a" else "/loop/a"
                self.status_only(302, {"Location": target})
            elif route == "redirect":
                self.status_only(302, {"Location": "/file/%s" % parts[1]})
            elif route == "nolength":
                self.no_length(int(parts[1]))
            elif route == "empty":
                self.send_response(204)
                self.end_headers()
            elif route == "gc" and len(parts) == 5 and parts[1] == "file":
                month = int(parts[4])
                if month >= 11:
                    self.send_response(204)
                    self.end_headers()
                else:
                    self.serve_file(1000 + month, etag='"gc-%s-%s-%d"' % (parts[2], parts[3], month))
            elif route == "static" and len(parts) == 2 and os.environ.get("TRANSPARENCIA_TEST_STATIC"):
                with open(os.path.join(os.environ["TRANSPARENCIA_TEST_STATIC"], os.path.basename(parts[1])), "rb") as f:
                    body = f.read()
                self.serve_body(body, '"s-%d"' % len(body))
            elif route == "changed":
                self.serve_file(int(parts[1]), etag='"v%d"' % seen)
            else:
                self.status_only(404)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def status_only(self, status, headers=None):
        payload = ("status %d\n" % status).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def serve_file(self, size, etag):
        self.serve_body(body_of(size), etag)

    def serve_body(self, body, etag):
        size = len(body)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        start = 0
        wanted = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        if wanted and wanted.startswith("bytes=") and (if_range is None or if_range in (etag, LAST_MODIFIED)):
            start = int(wanted[len("bytes="):].split("-")[0])
        if start >= size and start > 0:
            self.send_response(416)
            self.send_header("Content-Range", "bytes */%d" % size)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(206 if start else 200)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", LAST_MODIFIED)
        self.send_header("Accept-Ranges", "bytes")
        if start:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, size - 1, size))
        self.send_header("Content-Length", str(size - start))
        self.end_headers()
        self.wfile.write(body[start:])

    def serve_plain(self, size):
        body = body_of(size)
        self.send_response(200)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        self.wfile.write(body)

    def cut(self, size, at, validators):
        body = body_of(size)
        self.send_response(200)
        if validators:
            self.send_header("ETag", '"v1-%d"' % size)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        self.wfile.write(body[:at])
        self.wfile.flush()
        self.close_connection = True

    def slow(self, size):
        self.send_response(200)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        body = body_of(size)
        for offset in range(0, size, 10):
            self.wfile.write(body[offset:offset + 10])
            self.wfile.flush()
            time.sleep(1)

    def no_length(self, size):
        self.send_response(200)
        self.send_header("Connection", "close")
        self.end_headers()
        body = body_of(size)
        for offset in range(0, size, 4096):
            self.wfile.write(body[offset:offset + 4096])
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # Clients hanging up mid-request are part of the tests (TLS probe, size limits): stay quiet.
        pass


def exit_when_parent_goes():
    """The test holds our stdin open; when it ends (even killed), stdin reaches EOF and we leave."""
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


def main():
    # A parent thread may have blocked signals, and a spawned child inherits the mask: undo that.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
