#!/usr/bin/env bash
# Builds both targets: the native core + GoogleTest suite (build/native) and
# the Wasm module the package loads (web/core/wasm/). `sanitize` builds the corpus
# runner with ASan+UBSan (build/sanitize); the fuzz build is scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# emcc's JS optimizer needs Debian's node modules (acorn, ...).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc 2>/dev/null || echo 2)

what=${1:-all}
if [ "$what" = all ] || [ "$what" = native ]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
fi
if [ "$what" = all ] || [ "$what" = wasm ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j"$jobs"
fi
if [ "$what" = sanitize ]; then
  cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMAGEFIELD_SANITIZE=ON >/dev/null
  cmake --build build/sanitize -j"$jobs" --target corpus_runner
fi
