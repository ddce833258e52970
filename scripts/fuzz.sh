#!/usr/bin/env bash
# libFuzzer targets under fuzz/, built with clang-14 in build/fuzz.
#   fuzz.sh build     builds the targets
#   fuzz.sh replay    runs every seed and every kept regression once (npm test)
#   fuzz.sh campaign  fuzzes each target for IMAGEFIELD_FUZZ_SECONDS (default 60);
#                     any crash, leak, sanitizer report or >2 s input fails it and
#                     leaves the input in build/fuzz/findings/<target>/
#   fuzz.sh test      replay, then a campaign when IMAGEFIELD_FUZZ_SECONDS > 0 (CI)
# Seeds: tests/data (structure/, pillow-cases/, jpeg/) and the gdk-pixbuf test images for the image targets,
# fuzz/seeds/<target>/ for the others; kept, minimized findings:
# fuzz/regressions/<target>/ (add a finding there with `-minimize_crash=1` output).
set -euo pipefail
cd "$(dirname "$0")/.."

# Every fuzz/<target>_fuzzer.cpp is a target (the same rule as in CMakeLists.txt).
targets=()
for source in fuzz/*_fuzzer.cpp; do
  name=$(basename "$source" .cpp)
  targets+=("${name%_fuzzer}")
done
build=build/fuzz
corpus_dir=${IMAGEFIELD_CORPUS_DIR:-/usr/libexec/installed-tests/gdk-pixbuf/test-images}
# -timeout: the per-input hang guard; -rss_limit_mb / -malloc_limit_mb: a
# decode that allocates past the limits is a finding too.
options=(-timeout=2 -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1)

build_targets() {
  # clang for the C sources too (libjpeg-turbo's): gcc has no libFuzzer. A
  # build directory configured with another C compiler is configured afresh.
  if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_C_COMPILER:[A-Z]*=.*clang' "$build/CMakeCache.txt"; then
    rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
  fi
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DIMAGEFIELD_FUZZ=ON >/dev/null
  cmake --build "$build" -j2 --target "${targets[@]/%/_fuzzer}"
}

# Seeds are copied into one flat directory per target (libFuzzer reads
# directories but not single files mixed with them).
seeds() {
  local dir="$build/seeds"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    find tests/data/structure -type f ! -name '*.txt' -exec cp {} "$dir/" \;
    # Pillow's edge cases: BMP RLE/OS2/bitfields, GIF canvases and code tables, odd JPEG streams.
    find tests/data/pillow-cases -maxdepth 1 -type f ! -name '*.json' ! -name '*.md' -exec cp {} "$dir/" \;
    # Every JPEG coding the decoder reads: subsampling, progressive, arithmetic, restarts, CMYK.
    find tests/data/jpeg -type f -name '*.jpg' -exec cp {} "$dir/" \;
    if [ -d "$corpus_dir" ]; then
      find "$corpus_dir" -type f -size -256k \( -iname '*.png' -o -iname '*.jp*g' -o -iname '*.gif' \
        -o -iname '*.bmp' -o -iname '*.tga' -o -iname '*.psd' \) | while read -r f; do
        cp "$f" "$dir/$(echo "${f#"$corpus_dir"/}" | tr / _)"
      done
    fi
  fi
  echo "$dir"
}

# The BMP reader starts from every BMP among the image seeds.
bmp_seeds() {
  local dir="$build/seeds-bmp"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    find "$1" -maxdepth 1 -type f -iname '*.bmp' -exec cp {} "$dir/" \;
  fi
  echo "$dir"
}

# decode_fuzzer reads its first byte as the target mode: the image seeds with a
# 0 byte (no mode) in front start it on whole files.
decode_seeds() {
  local dir="$build/seeds-decode"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    for f in "$1"/*; do
      { printf '\0'; cat "$f"; } > "$dir/$(basename "$f")"
    done
  fi
  echo "$1 $dir"
}

# Image targets start from the image seeds; the others from fuzz/seeds/<target>.
seeds_for() {
  if [ "$1" = bmp ]; then bmp_seeds "$2"; return; fi
  if [ "$1" = decode ]; then decode_seeds "$2"; return; fi
  if [ -d "fuzz/seeds/$1" ]; then echo "fuzz/seeds/$1"; else echo "$2"; fi
}

replay() {
  local seed_dir
  seed_dir=$(seeds)
  for t in "${targets[@]}"; do
    echo "fuzz replay: $t ($(find $(seeds_for "$t" "$seed_dir") -type f | wc -l) seeds, $(ls "fuzz/regressions/$t" | wc -l) regressions)"
    "$build/${t}_fuzzer" -runs=0 "${options[@]}" $(seeds_for "$t" "$seed_dir") "fuzz/regressions/$t" 2>&1 | tail -n 4
  done
}

campaign() {
  local seconds=${IMAGEFIELD_FUZZ_SECONDS:-60} seed_dir
  seed_dir=$(seeds)
  for t in "${targets[@]}"; do
    local work="$build/corpus/$t" findings="$build/findings/$t/"
    mkdir -p "$work" "$findings"
    echo "fuzz campaign: $t for ${seconds}s"
    "$build/${t}_fuzzer" -max_total_time="$seconds" "${options[@]}" -artifact_prefix="$findings" \
      "$work" $(seeds_for "$t" "$seed_dir") "fuzz/regressions/$t" 2>&1 | grep -E '^(stat::|#[0-9]+ +DONE|==|SUMMARY|.*ERROR|.*Test unit written)' || true
    if [ -n "$(ls -A "$findings")" ]; then
      echo "fuzz campaign: $t found inputs that fail: $(ls "$findings")" >&2
      exit 1
    fi
  done
}

case "${1:-test}" in
  build) build_targets ;;
  replay) build_targets && replay ;;
  campaign) build_targets && campaign ;;
  test)
    build_targets
    replay
    if [ "${IMAGEFIELD_FUZZ_SECONDS:-0}" -gt 0 ]; then campaign; fi
    ;;
  *) echo "usage: $0 build|replay|campaign|test" >&2; exit 2 ;;
esac
