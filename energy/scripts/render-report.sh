#!/usr/bin/env bash
# Renders an HTML energy report to a PNG with headless Chromium, to look at the charts as a reader
# would. Usage: render-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
# Skips (exit 0, with a message) when no chromium is installed; the report needs no network.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]" >&2
  exit 2
fi
report=$1
out=${2:-${report%.*}.png}
size=${3:-1200x4200}

if [[ ! -f "$report" ]]; then
  echo "$0: no such report: $report" >&2
  exit 2
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser=$candidate
    break
  fi
done
if [[ -z "$browser" ]]; then
  echo "$0: no chromium found; skipping the rendering of $report"
  exit 0
fi

absolute=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --window-size="${size/x/,}" \
  --screenshot="$out" "file://$absolute" >/dev/null 2>&1
if [[ ! -s "$out" ]]; then
  echo "$0: $browser wrote no screenshot for $report" >&2
  exit 1
fi
echo "$out"
