#!/usr/bin/env bash
# Install what the browser tests (tests/test_viz_browser.py) and benchmarks/viz_bench.py need:
# Debian's chromium at /usr/bin/chromium and, when a virtualenv is there, the playwright Python
# package that drives it (otherwise `pip install -e '.[test]'` brings it).  Playwright's own
# browser download (`playwright install`) is never used.
# Usage: scripts/install-browser.sh [PYTHON]   (default: .venv/bin/python when it exists)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium
fi
/usr/bin/chromium --version 2>/dev/null || true

python="${1:-}"
if [ -z "$python" ] && [ -x .venv/bin/python ]; then python=.venv/bin/python; fi
if [ -n "$python" ] && ! "$python" -c "import playwright.sync_api" 2>/dev/null; then
  "$python" -m pip install -q "playwright>=1.45,<2" || echo "could not install playwright for $python"
fi
echo "chromium ready at /usr/bin/chromium"
