#!/usr/bin/env python3
"""SMS gateway stand-in for the reliability scripts: records every POSTed {phone, text} as one JSON line.

Writing "down" into the control file closes the listening socket (callers get "connection refused", like a gateway
that is gone); writing "up" opens it again. Listens on 127.0.0.1 only.
"""
import argparse
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--out", required=True)
parser.add_argument("--control", required=True)
parser.add_argument("--max-seconds", type=int, default=3600, help="stop by itself after this long")
args = parser.parse_args()

lock = threading.Lock()
out = open(args.out, "a", encoding="utf-8")


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.read_body()
        try:
            payload = json.loads(body.decode("utf-8"))
        except ValueError:
            self.send_response(400)
            self.end_headers()
            return
        with lock:
            out.write(json.dumps({"at": time.time(), "phone": payload.get("phone"), "text": payload.get("text")},
                                 ensure_ascii=False) + "\n")
            out.flush()
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            body = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return body
                body += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def log_message(self, *a):
        pass


def wanted():
    try:
        with open(args.control, encoding="utf-8") as f:
            return f.read().strip() != "down"
    except FileNotFoundError:
        return True


server = None
thread = None
started = time.time()
while time.time() - started < args.max_seconds:
    up = wanted()
    if up and server is None:
        server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        print(time.strftime("%H:%M:%S"), "sms sink up on", args.port, flush=True)
    elif not up and server is not None:
        server.shutdown()
        server.server_close()
        server = None
        print(time.strftime("%H:%M:%S"), "sms sink down", flush=True)
    time.sleep(0.3)
if server is not None:
    server.shutdown()
    server.server_close()
