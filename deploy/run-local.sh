#!/usr/bin/env bash
# Starts, on this machine, what a host runs: two Réseau processes sharing PostgreSQL behind
# HAProxy (deploy/haproxy.cfg, sticky sessions, websocket upgrade). Participants open
# http://127.0.0.1:8080 (RESEAU_LISTEN). Ctrl-C (or SIGTERM) stops everything it started.
#
#   DATABASE_URL=postgresql://user:pass@host/db deploy/run-local.sh
#   sudo deploy/run-local.sh     # without DATABASE_URL, as root: a throw-away PostgreSQL
#                                # (.ci/postgres.sh, Debian's postgresql package)
#
# Needs Debian's haproxy (`sudo apt-get install haproxy`) and the app's virtualenv (`make run`
# once creates it). Ports: RESEAU_LISTEN (127.0.0.1:8080), RESEAU_PORT1 (8501), RESEAU_PORT2
# (8502).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v haproxy >/dev/null 2>&1 || PATH="$PATH:/usr/sbin"
if ! command -v haproxy >/dev/null 2>&1; then
  echo "HAProxy is missing: sudo apt-get install haproxy" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  echo "No virtualenv yet: run 'make run' once (or make test)" >&2
  exit 2
fi

if [ -z "${DATABASE_URL:-}" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Set DATABASE_URL to a PostgreSQL database, or run as root for a throw-away one" >&2
    exit 2
  fi
  # shellcheck source=.ci/postgres.sh
  source .ci/postgres.sh
  start_postgres  # its EXIT trap stops the database when this script ends
  export DATABASE_URL="$RESEAU_TEST_DATABASE_URL"
  echo "throw-away PostgreSQL: $DATABASE_URL"
fi

# A subshell with its own EXIT trap: start_postgres's trap (stopping the database) stays.
(
  export RESEAU_LISTEN="${RESEAU_LISTEN:-127.0.0.1:8080}"
  port1="${RESEAU_PORT1:-8501}"
  port2="${RESEAU_PORT2:-8502}"
  export RESEAU_APP1="127.0.0.1:$port1" RESEAU_APP2="127.0.0.1:$port2"

  pids=()
  stop_all() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
  }
  trap 'stop_all' EXIT
  # Background jobs of a script ignore Ctrl-C: stop them ourselves when it comes.
  trap 'exit 130' INT TERM

  mkdir -p var
  for port in "$port1" "$port2"; do
    # PYTHONMALLOC: as deploy/reseau@.service, so closed sessions' memory goes back to the system.
    PYTHONMALLOC=malloc .venv/bin/python -m streamlit run app.py --server.headless true \
      --server.address 127.0.0.1 --server.port "$port" \
      --browser.gatherUsageStats false --server.fileWatcherType none \
      >"var/streamlit-$port.log" 2>&1 &
    pids+=("$!")
  done
  for port in "$port1" "$port2"; do
    for _ in $(seq 1 120); do
      curl -fsS "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1 && break
      sleep 0.5
    done
  done

  echo "Réseau on http://$RESEAU_LISTEN (processes on $port1 and $port2, logs in var/)"
  haproxy -db -f deploy/haproxy.cfg &
  pids+=("$!")
  wait "${pids[-1]}"
)
