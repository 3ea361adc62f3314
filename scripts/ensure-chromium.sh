#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (never a downloaded browser): install it when it is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "The end-to-end tests need Debian's Chromium: run 'sudo apt-get install chromium', then 'npm test' again." >&2
  exit 1
fi
echo "Installing Debian's chromium for the end-to-end tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
