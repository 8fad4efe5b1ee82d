#!/usr/bin/env python3
"""Load client for the reliability scripts: accepts matters through POST /api/matters with several threads.

Every request carries a unique token in its description (REL-<run>-<i>) so that afterwards the script can ask the
database whether a request that got no answer created a matter, and how many. Outcomes, one JSON line each:
  accepted   201 with a matter number
  refused    an HTTP answer other than 201 (4xx/5xx): not accepted
  no-answer  the connection broke after the request was sent (kill mid-request): may or may not exist
A request that cannot even connect (connection refused: the app is down) never reached the app; it is sent again
after a pause, bounded by --max-down-seconds.
"""
import argparse
import base64
import http.client
import itertools
import json
import random
import socket
import threading
import time
import urllib.error
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--urls", required=True, help="comma-separated base URLs, requests go round-robin")
parser.add_argument("--count", type=int, default=1000)
parser.add_argument("--threads", type=int, default=8)
parser.add_argument("--run", required=True)
parser.add_argument("--out", required=True)
parser.add_argument("--items", required=True, help="comma-separated service item codes to pick from")
parser.add_argument("--max-down-seconds", type=int, default=300)
parser.add_argument("--timeout", type=int, default=60)
args = parser.parse_args()

VILLAGES = ["V01", "V02", "V03", "V04", "V05", "V06"]
urls = args.urls.split(",")
items = args.items.split(",")
counter = itertools.count()
lock = threading.Lock()
out = open(args.out, "w", encoding="utf-8")


def record(entry):
    with lock:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
        out.flush()


def refused(error):
    reason = getattr(error, "reason", error)
    return isinstance(reason, ConnectionRefusedError)


def one(i):
    rnd = random.Random(i)
    village = rnd.choice(VILLAGES)
    user = "agent-%s-%s" % (village.lower(), rnd.choice("ab"))
    token = "REL-%s-%06d" % (args.run, i)
    body = json.dumps({
        "villageCode": village,
        "serviceItemCode": rnd.choice(items),
        "channel": rnd.choice(["OFFICE", "HOME", "PHONE"]),
        "resident": {"name": "测试村民%d" % i, "phone": "139%08d" % (i % 100000000)},
        "description": "可靠性测试 " + token,
    }).encode("utf-8")
    auth = "Basic " + base64.b64encode(("%s:demo" % user).encode()).decode()
    url = urls[i % len(urls)] + "/api/matters"
    down_since = None
    while True:
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json", "Authorization": auth})
        started = time.time()
        try:
            with urllib.request.urlopen(request, timeout=args.timeout) as response:
                answer = json.loads(response.read().decode("utf-8"))
                record({"i": i, "token": token, "outcome": "accepted", "status": response.status,
                        "matterNo": answer.get("matterNo"), "at": time.time(), "ms": int((time.time() - started) * 1000)})
                return
        except urllib.error.HTTPError as e:
            record({"i": i, "token": token, "outcome": "refused", "status": e.code,
                    "error": e.read()[:300].decode("utf-8", "replace"), "at": time.time()})
            return
        except (urllib.error.URLError, ConnectionError, socket.timeout, OSError) as e:
            if refused(e):
                down_since = down_since or time.time()
                if time.time() - down_since > args.max_down_seconds:
                    record({"i": i, "token": token, "outcome": "gave-up", "error": "connection refused", "at": time.time()})
                    return
                time.sleep(0.5)
                continue
            record({"i": i, "token": token, "outcome": "no-answer", "error": repr(e)[:200], "at": time.time()})
            return
        except (http.client.HTTPException, ValueError) as e:
            # the answer was cut off mid-body (the JVM killed while writing it): the matter may exist, as without one
            record({"i": i, "token": token, "outcome": "no-answer", "error": repr(e)[:200], "at": time.time()})
            return


def worker():
    while True:
        i = next(counter)
        if i >= args.count:
            return
        one(i)


started = time.time()
threads = [threading.Thread(target=worker) for _ in range(args.threads)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("load client: %d requests in %.1f s" % (args.count, time.time() - started))
