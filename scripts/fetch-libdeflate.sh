#!/usr/bin/env bash
# Fetches Debian's source package of libdeflate into third_party/libdeflate
# (not committed). A private apt configuration adds a deb-src entry for the
# mirror this machine already uses; /etc/apt and the system's package lists
# are left alone. Returns at once when the sources are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=third_party/libdeflate
if [ -f "$dest/lib/deflate_compress.c" ]; then exit 0; fi

# The first deb mirror and suite configured on this machine (deb822 or one-line format).
mirror=""
suite=""
signed_by=""
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  mirror=$(awk '/^URIs:/ {print $2; exit}' "$f")
  suite=$(awk '/^Suites:/ {print $2; exit}' "$f")
  signed_by=$(awk '/^Signed-By:/ {print $2; exit}' "$f")
  [ -n "$mirror" ] && break
done
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
  read -r mirror suite < <(awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } print $i, $(i+1); exit }' /etc/apt/sources.list)
fi
if [ -z "$mirror" ] || [ -z "$suite" ]; then
  echo "fetch-libdeflate: no Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list" >&2
  exit 1
fi

work=$(pwd)/third_party/apt
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/src"
options=""
if [ -n "$signed_by" ] && [ -f "$signed_by" ]; then options="[signed-by=$signed_by] "; fi
echo "deb-src ${options}$mirror $suite main" > "$work/sources.list"
apt_opts=(
  -o Dir::Etc::SourceList="$work/sources.list"
  -o Dir::Etc::SourceParts=/dev/null
  -o Dir::State::Lists="$work/lists"
  -o Dir::Cache="$work/cache"
  -o APT::Sandbox::User=root
)
echo "fetch-libdeflate: apt-get source libdeflate from $mirror $suite"
apt-get "${apt_opts[@]}" update -qq
(cd "$work/src" && apt-get "${apt_opts[@]}" source -qq libdeflate >/dev/null)
unpacked=$(find "$work/src" -maxdepth 1 -mindepth 1 -type d -name 'libdeflate-*' | head -n1)
if [ -z "$unpacked" ] || [ ! -f "$unpacked/lib/deflate_compress.c" ]; then
  echo "fetch-libdeflate: apt-get source did not produce libdeflate's lib/deflate_compress.c" >&2
  exit 1
fi
rm -rf "$dest"
mv "$unpacked" "$dest"
rm -rf "$work"
