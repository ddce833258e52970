#!/usr/bin/env bash
# Fetches Debian's source package of libjpeg-turbo into
# third_party/libjpeg-turbo (not committed): the JPEG decoder, the same code
# (2.1.5 in bookworm) as the libjpeg62-turbo that Pillow links.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/fetch-debian-source.sh libjpeg-turbo jdapimin.c third_party/libjpeg-turbo
