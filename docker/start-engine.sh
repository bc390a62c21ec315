#!/usr/bin/env bash
# Makes a Docker engine answer on this machine, for the Docker tests and image builds.
# Idempotent: it installs docker.io only when dockerd is missing, starts dockerd only when no
# engine answers, and returns at once when one does. Needs root (developer machines and CI are).
#
# dockerd runs with --bridge=none --iptables=false: containers get no network unless a test
# builds its own namespace, and the host's firewall is left alone.
set -euo pipefail

DEADLINE_S="${GAUNTLET_DOCKER_START_DEADLINE_S:-90}"
LOG="${GAUNTLET_DOCKERD_LOG:-/var/log/gauntlet-dockerd.log}"

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

# 1. An engine already answers: nothing to do.
if command -v docker >/dev/null && engine_answers; then
  echo "== docker engine: running (server $(docker version --format '{{.Server.Version}}'))"
  exit 0
fi

# 2. Install the engine (and a client) from Debian's packages when they are missing.
if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
  echo "== docker engine: installing docker.io"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -q
  timeout 600 apt-get install -y -q --no-install-recommends docker.io
fi

# 3. Start dockerd unless one is already on its way up (a second one would fight over the pid file).
if ! pgrep -x dockerd >/dev/null; then
  echo "== docker engine: starting dockerd (log: $LOG)"
  mkdir -p "$(dirname "$LOG")"
  setsid nohup dockerd --bridge=none --iptables=false >>"$LOG" 2>&1 </dev/null &
fi

# 4. Wait until it answers, with a deadline; on failure show why.
started=$SECONDS
until engine_answers; do
  if (( SECONDS - started >= DEADLINE_S )); then
    echo "docker engine did not answer within ${DEADLINE_S}s; last lines of $LOG:" >&2
    tail -n 30 "$LOG" >&2 || true
    exit 1
  fi
  sleep 0.5
done
echo "== docker engine: ready in $((SECONDS - started))s (server $(docker version --format '{{.Server.Version}}'))"
