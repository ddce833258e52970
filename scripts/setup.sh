#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for building, testing and serving
# imagefield; returns in well under a second when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang-14 + libclang-rt-14-dev: libFuzzer and sanitizer runtimes for fuzz/.
# gdk-pixbuf-tests: its test-images folder is the malformed-image corpus.
# dpkg-dev: apt-get source (libdeflate's sources, below).
# firefox-esr, webkit2gtk-driver (WebKitWebDriver + MiniBrowser), xvfb, xclip: the
# browser suite in Firefox and WebKit (a display and the X clipboard for both).
# patch: applies patches/stb/ to stb_image.h at configure time.
packages=(cmake g++ make patch emscripten libstb-dev nlohmann-json3-dev libgtest-dev zlib1g-dev chromium
  clang-14 libclang-rt-14-dev gdk-pixbuf-tests dpkg-dev firefox-esr webkit2gtk-driver xvfb xclip)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt_get=(apt-get)
  elif command -v sudo >/dev/null 2>&1; then
    apt_get=(sudo apt-get)
  else
    echo "setup: these Debian packages are missing and this user cannot install them: ${missing[*]}" >&2
    echo "setup: run as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt_get[@]}" update -qq
  "${apt_get[@]}" install -y -qq "${missing[@]}" >/dev/null
fi

# libdeflate's compressor and libjpeg-turbo's decoder are built from Debian's source
# packages (not committed).
bash scripts/fetch-libdeflate.sh
bash scripts/fetch-libjpeg-turbo.sh

# npm ci when node_modules is absent or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
