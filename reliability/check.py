#!/usr/bin/env python3
"""Checks after a reliability run, by SQL against the run's PostgreSQL (psql on PATH or PG_BIN; PG* env for access).

Reads the load client's outcomes, loads them into a table and answers: is every accepted matter present, does any
matter, escalation or notification exist twice, and did every deadline that has passed escalate. Prints the figures
and writes them as key=value lines to --figures; exit status 1 when a check fails.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
from collections import Counter

parser = argparse.ArgumentParser()
parser.add_argument("--results", required=True, help="load client JSON lines")
parser.add_argument("--figures", required=True)
parser.add_argument("--down-from", type=float, help="epoch seconds: app killed")
parser.add_argument("--down-until", type=float, help="epoch seconds: app ready again")
parser.add_argument("--sms", help="SMS sink deliveries (JSON lines)")
args = parser.parse_args()

os.environ["PGOPTIONS"] = "-c client_min_messages=warning"
PSQL = [os.path.join(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"), "psql"), "-X", "-q", "-At", "-F", "|",
        "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", os.environ["PGPORT"], "-U", "daiban", "-d", "daiban"]


def q(sql):
    out = subprocess.run(PSQL + ["-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("|") for line in out.splitlines() if line]


def one(sql):
    return int(q(sql)[0][0])


outcomes = [json.loads(line) for line in open(args.results, encoding="utf-8") if line.strip()]
csv_path = args.results + ".csv"
with open(csv_path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    for o in outcomes:
        w.writerow([o["token"], o["outcome"], o.get("matterNo") or ""])
subprocess.run(PSQL + ["-c", "DROP TABLE IF EXISTS rel_outcome; CREATE TABLE rel_outcome (token varchar(40) PRIMARY KEY,"
                             " outcome varchar(16), matter_no varchar(32))",
                       "-c", "\\copy rel_outcome FROM '%s' WITH (FORMAT csv)" % csv_path], check=True)

by_outcome = Counter(o["outcome"] for o in outcomes)
figures = {}
figures["requests"] = len(outcomes)
figures["accepted"] = by_outcome["accepted"]
figures["refused"] = by_outcome["refused"]
figures["no_answer"] = by_outcome["no-answer"] + by_outcome["gave-up"]

# accepted = present: the 201's matter number has a ledger row with the request's token and a process instance that
# is running (an execution exists) or completed.
figures["present"] = one("""
SELECT count(*) FROM rel_outcome o
WHERE o.outcome = 'accepted'
  AND EXISTS (SELECT 1 FROM matter m WHERE m.matter_no = o.matter_no AND m.description = '可靠性测试 ' || o.token)
  AND EXISTS (SELECT 1 FROM act_hi_procinst h WHERE h.business_key_ = o.matter_no AND h.proc_def_key_ = 'proxy-matter'
              AND ((h.state_ = 'ACTIVE' AND EXISTS (SELECT 1 FROM act_ru_execution e WHERE e.id_ = h.id_))
                   OR h.state_ = 'COMPLETED'))""")

# Requests without an answer: each may exist (committed just before the kill) or not, never twice.
rows = q("""
SELECT o.token, (SELECT count(*) FROM matter m WHERE m.description = '可靠性测试 ' || o.token)
FROM rel_outcome o WHERE o.outcome IN ('no-answer', 'gave-up')""")
figures["no_answer_created"] = sum(1 for r in rows if int(r[1]) == 1)
figures["no_answer_absent"] = sum(1 for r in rows if int(r[1]) == 0)

dup = {}
dup["matter_per_request"] = one("""
SELECT count(*) FROM (SELECT description FROM matter WHERE description LIKE '可靠性测试 REL-%'
                      GROUP BY description HAVING count(*) > 1) d""")
dup["instance_per_matter"] = one("""
SELECT count(*) FROM (SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'proxy-matter'
                      GROUP BY business_key_ HAVING count(*) > 1) d""")
dup["negative_list"] = one("""
SELECT count(*) FROM (SELECT matter_no, reason FROM negative_list_entry GROUP BY matter_no, reason
                      HAVING count(*) > 1) d""")
dup["notification"] = one("""
SELECT count(*) FROM (SELECT matter_no, kind, channel, recipient FROM notification_log
                      GROUP BY matter_no, kind, channel, recipient HAVING count(*) > 1) d""")
dup["supervision_task"] = one("""
SELECT count(*) FROM (SELECT proc_inst_id_ FROM act_hi_taskinst WHERE task_def_key_ = 'Task_SuperviseMatter'
                      GROUP BY proc_inst_id_ HAVING count(*) > 1) d""")
figures["duplicates"] = sum(dup.values())
for k, v in dup.items():
    figures["duplicates_" + k] = v

# Every deadline that has passed escalated: negative-list entry, supervision task, overdue notification.
figures["deadlines_passed"] = one("SELECT count(*) FROM matter WHERE due_at < now()")
missed = q("""
SELECT m.matter_no FROM matter m
JOIN act_hi_procinst h ON h.business_key_ = m.matter_no
WHERE m.due_at < now() AND (
      NOT EXISTS (SELECT 1 FROM negative_list_entry n WHERE n.matter_no = m.matter_no AND n.reason = 'OVERDUE')
   OR NOT EXISTS (SELECT 1 FROM act_hi_taskinst t WHERE t.proc_inst_id_ = h.id_ AND t.task_def_key_ = 'Task_SuperviseMatter')
   OR NOT EXISTS (SELECT 1 FROM notification_log l WHERE l.matter_no = m.matter_no AND l.kind = 'OVERDUE'))""")
figures["missed_escalations"] = len(missed)
figures["incidents"] = one("SELECT count(*) FROM act_ru_incident")
figures["failed_jobs"] = one("SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL")
if args.down_from and args.down_until:
    window = "to_timestamp(%f) AND to_timestamp(%f)" % (args.down_from, args.down_until)
    figures["due_while_down"] = one("SELECT count(*) FROM matter WHERE due_at BETWEEN " + window)
    figures["due_while_down_escalated_after_restart"] = one("""
SELECT count(*) FROM matter m WHERE m.due_at BETWEEN %s
  AND EXISTS (SELECT 1 FROM negative_list_entry n WHERE n.matter_no = m.matter_no AND n.reason = 'OVERDUE'
              AND n.recorded_at >= to_timestamp(%f))""" % (window, args.down_until - 60))
if args.sms and os.path.exists(args.sms):
    deliveries, ids = Counter(), Counter()
    for line in open(args.sms, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            deliveries[(d["phone"], d["text"])] += 1
            ids[d.get("messageId")] += 1
    figures["sms_deliveries"] = sum(deliveries.values())
    # A repeat is the at-least-once window (gateway took it, the JVM died before the commit); carrying the same
    # messageId, a gateway that drops repeated ids delivers it once.
    figures["sms_repeated"] = sum(c - 1 for c in deliveries.values() if c > 1)
    figures["sms_repeated_same_message_id"] = sum(c - 1 for i, c in ids.items() if c > 1 and i)

with open(args.figures, "w", encoding="utf-8") as f:
    for k, v in figures.items():
        f.write("%s=%s\n" % (k, v))
for k, v in figures.items():
    print("  %-40s %s" % (k, v))
if missed:
    print("  missed (first 10):", ", ".join(r[0] for r in missed[:10]))

print("accepted = %d, present = %d" % (figures["accepted"], figures["present"]))
print("duplicates = %d" % figures["duplicates"])
print("missed escalations = %d" % figures["missed_escalations"])
ok = (figures["accepted"] == figures["present"] and figures["duplicates"] == 0 and figures["missed_escalations"] == 0
      and figures["accepted"] > 0)
if args.down_from and args.down_until:
    if figures["due_while_down"] == 0:
        print("no deadline passed while the app was down: the run proves nothing about it (keep DOWN_SECONDS above the"
              " short deadline)")
    ok = ok and figures["due_while_down"] > 0 \
        and figures["due_while_down"] == figures["due_while_down_escalated_after_restart"]
sys.exit(0 if ok else 1)
