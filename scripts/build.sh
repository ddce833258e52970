#!/usr/bin/env bash
# Builds one or more parts, each in its own build directory:
#   native      the native core + GoogleTest suite (build/native)
#   wasm        the Wasm modules the package loads (web/core/wasm/, built in build/wasm)
#   test-hooks  the Wasm module with test hooks (build/wasm/test-hooks/; core-trap,
#               leak and containment tests)
#   bench       the Wasm modules with benchKernel (build/wasm/bench/; bench/)
#   sanitize    the corpus runner with ASan+UBSan (build/sanitize)
#   all         native and wasm (the default)
# e.g. `build.sh native wasm test-hooks`. The fuzz build is scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# emcc's JS optimizer needs Debian's node modules (acorn, ...).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc 2>/dev/null || echo 2)

native() {
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
}
# Configures build/wasm and builds the given targets (none: the default ones).
wasm() {
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j"$jobs" ${1:+--target "$@"}
}
sanitize() {
  cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMAGEFIELD_SANITIZE=ON >/dev/null
  cmake --build build/sanitize -j"$jobs" --target corpus_runner
}

[ $# -gt 0 ] || set -- all
for what in "$@"; do
  case "$what" in
    all) native; wasm ;;
    native) native ;;
    wasm) wasm ;;
    test-hooks) wasm imagefield-core-test-hooks ;;
    bench) wasm imagefield-core-bench imagefield-core-bench-nosimd ;;
    sanitize) sanitize ;;
    *) echo "usage: $0 [all|native|wasm|test-hooks|bench|sanitize]..." >&2; exit 2 ;;
  esac
done
