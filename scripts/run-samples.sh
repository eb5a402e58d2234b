#!/usr/bin/env bash
# The README's first command: installs what is needed, builds in Release, and runs tfaudit's
# main job over the bundled samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/tfaudit extract --text samples/
