#!/usr/bin/env bash
# Usage: fetch-debian-source.sh NAME CHECKFILE DEST
# Fetches Debian's source package NAME (with Debian's patches applied, as
# `apt-get source` unpacks it) into DEST, unless DEST/CHECKFILE is already
# there. A private apt configuration adds a deb-src entry for the mirror this
# machine already uses; /etc/apt and the system's package lists are left alone.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 NAME CHECKFILE DEST" >&2
  exit 2
fi
name=$1
checkfile=$2
dest=$3
if [ -f "$dest/$checkfile" ]; then exit 0; fi

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
  echo "fetch-debian-source: no Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list" >&2
  exit 1
fi

# One work directory per package beside DEST, so two fetches never share apt state.
mkdir -p "$(dirname "$dest")"
work=$(cd "$(dirname "$dest")" && pwd)/.apt-$name
rm -rf "$work"
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/src"
trap 'rm -rf "$work"' EXIT
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
echo "fetch-debian-source: apt-get source $name from $mirror $suite"
apt-get "${apt_opts[@]}" update -qq
(cd "$work/src" && apt-get "${apt_opts[@]}" source -qq "$name" >/dev/null)
unpacked=$(find "$work/src" -maxdepth 1 -mindepth 1 -type d -name "$name-*" | head -n1)
if [ -z "$unpacked" ] || [ ! -f "$unpacked/$checkfile" ]; then
  echo "fetch-debian-source: apt-get source $name did not produce $checkfile" >&2
  exit 1
fi
rm -rf "$dest"
mv "$unpacked" "$dest"
