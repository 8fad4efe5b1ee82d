#!/usr/bin/env python3
"""SMS gateway (and, with --smtp-port, SMTP server) stand-in for the reliability scripts: records every POSTed
{phone, text} and every mail as one JSON line.

Writing "down" into the control file closes the listening socket (callers get "connection refused", like a gateway
that is gone); writing "up" opens it again. Listens on 127.0.0.1 only.
"""
import argparse
import json
import os
import socketserver
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--out", required=True)
parser.add_argument("--control", required=True)
parser.add_argument("--smtp-port", type=int)
parser.add_argument("--smtp-out")
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
            out.write(json.dumps({"at": time.time(), "phone": payload.get("phone"), "text": payload.get("text"),
                                 "messageId": payload.get("messageId")},
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


class Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for JavaMail: greet, accept any sender and recipient, record the message."""

    def handle(self):
        self.reply("220 localhost reliability SMTP")
        sender, recipients, data = None, [], None
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb == "MAIL":
                sender, recipients = command[10:], []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command[8:])
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                data = b""
                while True:
                    chunk = self.rfile.readline()
                    if not chunk or chunk in (b".\r\n", b".\n"):
                        break
                    data += chunk
                with lock:
                    smtp_out.write(json.dumps({"at": time.time(), "from": sender, "to": recipients,
                                               "size": len(data)}) + "\n")
                    smtp_out.flush()
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")

    def reply(self, text):
        self.wfile.write((text + "\r\n").encode("ascii"))
        self.wfile.flush()


class SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


smtp_out = open(args.smtp_out, "a", encoding="utf-8") if args.smtp_out else None


def wanted():
    try:
        with open(args.control, encoding="utf-8") as f:
            return f.read().strip() != "down"
    except FileNotFoundError:
        return True


server = None
smtp = None
started = time.time()
while time.time() - started < args.max_seconds:
    up = wanted()
    if up and server is None:
        ThreadingHTTPServer.allow_reuse_address = True
        server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        if args.smtp_port:
            smtp = SmtpServer(("127.0.0.1", args.smtp_port), Smtp)
            threading.Thread(target=smtp.serve_forever, daemon=True).start()
        print(time.strftime("%H:%M:%S"), "gateways up: sms", args.port, "smtp", args.smtp_port, flush=True)
    elif not up and server is not None:
        for s in (server, smtp):
            if s is not None:
                s.shutdown()
                s.server_close()
        server = smtp = None
        print(time.strftime("%H:%M:%S"), "gateways down", flush=True)
    time.sleep(0.3)
if server is not None:
    server.shutdown()
    server.server_close()
