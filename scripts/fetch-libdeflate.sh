#!/usr/bin/env bash
# Fetches Debian's source package of libdeflate into third_party/libdeflate
# (not committed): the PNG writer's compressor.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/fetch-debian-source.sh libdeflate lib/deflate_compress.c third_party/libdeflate
