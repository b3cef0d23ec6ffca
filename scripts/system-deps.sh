#!/usr/bin/env bash
# Installs the system packages the test suite needs (PostgreSQL server, Chromium) from Debian when missing.
set -euo pipefail

need=()
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)

if [ ${#need[@]} -gt 0 ]; then
  echo "Installing system packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi
# Debian's postgresql package starts a cluster on 5432; the tests use their own throwaway cluster.
echo "System packages present: PostgreSQL $(ls /usr/lib/postgresql/ | tail -n 1), $(chromium --version 2>/dev/null | head -n 1)"
