# Shared by the reliability scripts: a real PostgreSQL 15 from the machine's binaries, the packaged app, an SMS sink.
# Everything lives under target/reliability/<run>, talks to 127.0.0.1 only, and is stopped by rel_cleanup (trap).
# shellcheck shell=bash

set -euo pipefail

REL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
REL_DB_PASSWORD="reliability-$$"
REL_ADMIN_PASSWORD="admin-$$"
REL_PIDS=()
# --daiban.demo.enabled=true loads the demo organisation (agents, clerks, admin), all with password "demo"
REL_ADMIN_AUTH="admin:demo"

# initdb refuses root: as root, PostgreSQL runs as the postgres user; otherwise as the calling user
rel_as_pg() {
	if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

rel_log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

rel_die() { rel_log "FAILED: $*"; exit 2; }

# rel_init <name>: fresh folder target/reliability/<name>
rel_init() {
	REL_DIR="$REL_ROOT/target/reliability/$1"
	if [[ -d "$REL_DIR/pg" ]]; then
		"$PG_BIN/pg_ctl" status -D "$REL_DIR/pg/data" >/dev/null 2>&1 && rel_as_pg "$PG_BIN/pg_ctl" stop -D "$REL_DIR/pg/data" -m fast >/dev/null 2>&1 || true
	fi
	rm -rf "$REL_DIR"
	mkdir -p "$REL_DIR"
	trap rel_cleanup EXIT
	trap 'exit 130' INT TERM
}

rel_cleanup() {
	local pid
	for pid in "${REL_PIDS[@]}"; do
		kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
	done
	sleep 1
	for pid in "${REL_PIDS[@]}"; do
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
	done
	if [[ -n "${REL_PG_DATA:-}" && -f "$REL_PG_DATA/postmaster.pid" ]]; then
		rel_as_pg "$PG_BIN/pg_ctl" stop -D "$REL_PG_DATA" -m fast >/dev/null 2>&1 || true
	fi
}

rel_build() {
	if [[ "${REL_SKIP_BUILD:-}" == "1" && -f "$REL_ROOT/target/daiban-0.1.0-SNAPSHOT.jar" ]]; then
		rel_log "using the existing jar (REL_SKIP_BUILD=1)"
	else
		rel_log "building the jar (mvn -B -q package -DskipTests)"
		(cd "$REL_ROOT" && mvn -B -q package -DskipTests >"$REL_DIR/build.log" 2>&1) || rel_die "build, see $REL_DIR/build.log"
	fi
	REL_JAR="$(ls "$REL_ROOT"/target/daiban-*.jar | grep -v original | head -1)"
}

# rel_pg_start <port>: initdb (fsync on, the default) and start; database and user "daiban"
rel_pg_start() {
	REL_PG_PORT="$1"
	local base="$REL_DIR/pg"
	REL_PG_DATA="$base/data"
	mkdir -p "$base"
	((EUID == 0)) && chown postgres:postgres "$base"
	local pwfile="$base/pw"
	printf '%s\n' "$REL_DB_PASSWORD" >"$pwfile"
	((EUID == 0)) && chown postgres "$pwfile"
	rel_as_pg "$PG_BIN/initdb" -D "$REL_PG_DATA" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 \
		--locale=C.UTF-8 >"$base/initdb.log" 2>&1 || rel_die "initdb, see $base/initdb.log"
	rel_as_pg "$PG_BIN/pg_ctl" start -D "$REL_PG_DATA" -l "$base/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -c port=$REL_PG_PORT -c unix_socket_directories=$base -c fsync=on -c synchronous_commit=on -c max_connections=200 -c shared_buffers=256MB" \
		>/dev/null || rel_die "pg_ctl start, see $base/server.log"
	PGPASSWORD="$REL_DB_PASSWORD" "$PG_BIN/psql" -q -h 127.0.0.1 -p "$REL_PG_PORT" -U postgres -d postgres \
		-c "CREATE USER daiban PASSWORD '$REL_DB_PASSWORD'" -c "CREATE DATABASE daiban OWNER daiban" >/dev/null
	rel_log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$REL_PG_PORT (fsync on), data in $REL_PG_DATA"
}

# rel_sql <sql>: one query, unaligned, no header
rel_sql() {
	PGPASSWORD="$REL_DB_PASSWORD" "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$REL_PG_PORT" -U daiban -d daiban -c "$1"
}

# rel_app_start <name> <port> [extra args...]: the packaged app on the postgres profile; sets REL_APP_PID_<name>
rel_app_start() {
	local name="$1" port="$2"
	shift 2
	DAIBAN_DB_URL="jdbc:postgresql://127.0.0.1:$REL_PG_PORT/daiban" DAIBAN_DB_USER=daiban DAIBAN_DB_PASSWORD="$REL_DB_PASSWORD" \
		DAIBAN_ADMIN_USER=admin DAIBAN_ADMIN_PASSWORD="$REL_ADMIN_PASSWORD" \
		java -Xmx768m -XX:+UseSerialGC -jar "$REL_JAR" --spring.profiles.active=postgres --server.port="$port" \
		--server.address=127.0.0.1 --daiban.demo.enabled=true --logging.level.daiban.notification=warn "$@" \
		>>"$REL_DIR/$name.log" 2>&1 &
	local pid=$!
	REL_PIDS+=("$pid")
	printf -v "REL_APP_PID_$name" '%s' "$pid"
	rel_log "app $name starting on 127.0.0.1:$port (pid $pid, log $REL_DIR/$name.log)"
}

# rel_wait_ready <name> <port> [timeout s]: health UP, bounded
rel_wait_ready() {
	local name="$1" port="$2" timeout="${3:-240}" start=$SECONDS pidvar="REL_APP_PID_$1"
	while ((SECONDS - start < timeout)); do
		kill -0 "${!pidvar}" 2>/dev/null || rel_die "app $name exited during start, see $REL_DIR/$name.log"
		if curl -fsS -m 5 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
			rel_log "app $name ready after $((SECONDS - start)) s"
			return 0
		fi
		sleep 1
	done
	rel_die "app $name not ready within $timeout s"
}

# rel_app_stop <name>: graceful stop
rel_app_stop() {
	local pidvar="REL_APP_PID_$1" i
	kill -TERM "${!pidvar}" 2>/dev/null || return 0
	for i in $(seq 1 60); do kill -0 "${!pidvar}" 2>/dev/null || return 0; sleep 1; done
	kill -KILL "${!pidvar}" 2>/dev/null || true
}

# rel_sms_sink <port> <control-file> [smtp-port]: SMS webhook (and SMTP server) recording every delivery; "down" in
# the control file closes them, "up" opens them again
rel_sms_sink() {
	local smtp=()
	[[ -n "${3:-}" ]] && smtp=(--smtp-port "$3" --smtp-out "$REL_DIR/smtp-deliveries.jsonl")
	python3 "$REL_ROOT/reliability/sms_sink.py" --port "$1" --out "$REL_DIR/sms-deliveries.jsonl" --control "$2" \
		"${smtp[@]}" >>"$REL_DIR/sms-sink.log" 2>&1 &
	REL_SINK_PID=$!
	REL_PIDS+=("$REL_SINK_PID")
}

# rel_deploy_short_deadline <port> <limit>: the routing DMN with the township rule's limit replaced, deployed as admin
rel_deploy_short_deadline() {
	local port="$1" limit="$2" dmn="$REL_DIR/matter-routing-short.dmn"
	python3 - "$REL_ROOT/processes/matter-routing.dmn" "$dmn" "$limit" <<'PY'
import re, sys
src, dst, limit = sys.argv[1:4]
text = open(src, encoding="utf-8").read()
def swap(entry, value, text):
    pattern = r'(<outputEntry id="%s">\s*<text>)[^<]*(</text>)' % entry
    new, n = re.subn(pattern, r'\g<1>"%s"\g<2>' % value, text)
    if n != 1:
        sys.exit("rule entry %s not found in the DMN" % entry)
    return new
text = swap("OutputEntry_Township_TimeLimit", limit, text)
open(dst, "w", encoding="utf-8").write(text)
PY
	curl -fsS -m 30 -u "$REL_ADMIN_AUTH" -F deployment-name=reliability-short-deadline \
		-F "data=@$dmn;filename=matter-routing.dmn" "http://127.0.0.1:$port/engine-rest/deployment/create" >"$REL_DIR/deploy.json" \
		|| rel_die "deploying the short-deadline routing"
	rel_log "deployed matter-routing with township limit $limit (working time; reminder at daiban.deadline.reminder-share)"
}

# rel_wait_jobs_drained [timeout s]: no executable job left (due now or async) and no notification waiting for the
# dispatcher (a batch handed over to the engine is a job), bounded
rel_wait_jobs_drained() {
	local timeout="${1:-600}" start=$SECONDS left
	while ((SECONDS - start < timeout)); do
		left="$(rel_sql "SELECT (SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= now()))
			+ (SELECT count(*) FROM notification_outbox WHERE handed_over_at IS NULL)")"
		if [[ "$left" == "0" ]]; then
			return 0
		fi
		sleep 2
	done
	rel_log "jobs still due after $timeout s: $left"
	return 1
}
