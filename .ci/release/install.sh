#!/bin/sh
# Installs journal from the download in the folder of this script.
#
#   sh install.sh                 installs into ~/.local (as root, or with sudo: /usr/local)
#   sh install.sh --prefix DIR    installs into DIR/bin, DIR/share/man, DIR/share/...
#   sh install.sh --uninstall     removes what an earlier run installed there
#
# The download is checked against SHA256SUMS before anything is installed. Running it again
# installs the download over the earlier one; nothing else is touched.
set -eu

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
action=install
prefix=
while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) action=uninstall ;;
    --prefix) [ $# -ge 2 ] || fail "--prefix wants a folder"; prefix=$2; shift ;;
    --prefix=*) prefix=${1#--prefix=} ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1 (try --help)" ;;
  esac
  shift
done
if [ -z "$prefix" ]; then
  if [ "$(id -u)" = 0 ]; then
    prefix=/usr/local
  else
    [ -n "${HOME:-}" ] || fail "HOME is not set, so there is no ~/.local to install into; use --prefix DIR"
    prefix=$HOME/.local
  fi
fi
case "$prefix" in /*) ;; *) prefix=$(pwd)/$prefix ;; esac

bin=$prefix/bin
record=$prefix/share/journal/installed-files

if [ "$action" = uninstall ]; then
  [ -f "$record" ] || fail "journal is not installed in $prefix (no $record)"
  while IFS= read -r file; do
    case "$file" in "$prefix"/*) rm -f "$file" ;; esac
  done < "$record"
  rm -f "$record"
  rmdir "$prefix/share/journal" 2>/dev/null || true
  say "Removed journal from $prefix. Your journals are untouched."
  exit 0
fi

machine=$(uname -m)
case "$machine" in
  x86_64|amd64) machine=x86_64 ;;
  aarch64|arm64) machine=aarch64 ;;
esac
[ -f "$here/SHA256SUMS" ] || fail "SHA256SUMS is missing beside install.sh: download it too, so that the download can be checked"
archive=$(sed -n "s/^[0-9a-f]\{64\}  \(journal-[^ ]*-linux-$machine\.tar\.gz\)\$/\1/p" "$here/SHA256SUMS" | tail -n 1)
[ -n "$archive" ] || fail "SHA256SUMS lists no download for this computer ($machine)"
[ -f "$here/$archive" ] || fail "$archive is missing beside install.sh: download it into $here"

expected=$(grep "  $archive\$" "$here/SHA256SUMS" | cut -c1-64)
if command -v sha256sum >/dev/null 2>&1; then
  actual=$(sha256sum "$here/$archive" | cut -c1-64)
elif command -v shasum >/dev/null 2>&1; then
  actual=$(shasum -a 256 "$here/$archive" | cut -c1-64)
elif command -v openssl >/dev/null 2>&1; then
  actual=$(openssl dgst -sha256 -r "$here/$archive" | cut -c1-64)
else
  fail "no sha256sum, shasum or openssl here to check the download with"
fi
[ "$expected" = "$actual" ] || fail "$archive is damaged or not the published one (its checksum does not match SHA256SUMS); download it again. Nothing was installed."

work=$(mktemp -d "${TMPDIR:-/tmp}/journal-install.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
gzip -dc "$here/$archive" | (cd "$work" && tar -xf -) || fail "$archive could not be unpacked; download it again. Nothing was installed."
source=$work/${archive%.tar.gz}
[ -x "$source/journal" ] || fail "$archive holds no journal program; download it again. Nothing was installed."
"$source/journal" --version >/dev/null 2>&1 || fail "the journal program in $archive does not run on this computer (it needs Linux on $machine with glibc @GLIBC@ or later)"
version=$("$source/journal" --version)

mkdir -p "$bin" "$prefix/share/journal" || fail "cannot write to $prefix (run it with sudo, or use --prefix DIR)"
installed=
place() { # place SOURCE DESTINATION MODE: replaces DESTINATION whole, never half-written
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2.new.$$" && chmod "$3" "$2.new.$$" && mv -f "$2.new.$$" "$2"
  installed="$installed$2
"
}
previous=
[ -x "$bin/journal" ] && previous=$("$bin/journal" --version 2>/dev/null || true)
place "$source/journal" "$bin/journal" 755
place "$source/journal.1" "$prefix/share/man/man1/journal.1" 644
place "$source/completions/journal.bash" "$prefix/share/bash-completion/completions/journal" 644
place "$source/completions/_journal" "$prefix/share/zsh/site-functions/_journal" 644
place "$source/completions/journal.fish" "$prefix/share/fish/vendor_completions.d/journal.fish" 644
place "$source/LICENSE" "$prefix/share/doc/journal/LICENSE" 644
place "$source/README.md" "$prefix/share/doc/journal/README.md" 644
printf '%s' "$installed" > "$record"

if [ -n "$previous" ] && [ "$previous" != "$version" ]; then
  say "Installed journal $version in $bin (it replaces $previous)."
else
  say "Installed journal $version in $bin."
fi

case ":${PATH:-}:" in
  *":$bin:"*) say "Start with: journal --help (or read docs/getting-started.md)." ;;
  *)
    shell=$(basename "${SHELL:-sh}")
    case "$shell" in
      bash) say "To use it, run once: echo 'export PATH=\"$bin:\$PATH\"' >> ~/.bashrc, then open a new terminal." ;;
      zsh) say "To use it, run once: echo 'export PATH=\"$bin:\$PATH\"' >> ~/.zshrc, then open a new terminal." ;;
      fish) say "To use it, run once: fish_add_path $bin" ;;
      *) say "To use it, run once: echo 'export PATH=\"$bin:\$PATH\"' >> ~/.profile, then log in again." ;;
    esac
    ;;
esac
