#!/usr/bin/env bash
# The state tests run Debian's redis-server on an ephemeral port of their own: install it when it is missing.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "The state tests need Debian's redis-server: run 'sudo apt-get install redis-server', then 'npm test' again." >&2
  exit 1
fi
echo "Installing Debian's redis-server for the state tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
# The tests start their own servers; the packaged service is not needed.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now redis-server >/dev/null 2>&1 || true; fi
