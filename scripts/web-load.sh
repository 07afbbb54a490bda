#!/usr/bin/env bash
# Load test of the web studio's live analysis (issue 6): 50 candidates typing, one POST /live each per second, for 60 s,
# from a second process on loopback. Builds Release, starts the studio on 127.0.0.1 with a throwaway database, runs
# bench/DesignDrill.WebLoad against it, stops the studio. Exits non-zero when p95 >= 100 ms or any request failed.
# Usage: scripts/web-load.sh [USERS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-50}
seconds=${2:-60}
port=${DESIGNDRILL_LOAD_PORT:-5199}
data=$(mktemp -d)
dotnet build src/DesignDrill.Web -c Release -v quiet -nologo > /dev/null
dotnet build bench/DesignDrill.WebLoad -c Release -v quiet -nologo > /dev/null
dotnet src/DesignDrill.Web/bin/Release/net10.0/DesignDrill.Web.dll --urls "http://127.0.0.1:$port" --data "$data/progress.db" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  if curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fs "http://127.0.0.1:$port/health" > /dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/DesignDrill.WebLoad/bin/Release/net10.0/DesignDrill.WebLoad.dll --url "http://127.0.0.1:$port" --design samples/url-shortener.md --users "$users" --seconds "$seconds"
