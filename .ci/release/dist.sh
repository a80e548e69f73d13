#!/bin/sh
# Builds the download into dist/ (`make dist`): a journal that runs where glibc and the GCC
# runtime are, without Swift, libgit2 or cmark-gfm installed.
#
#   journal-VERSION-linux-ARCH.tar.gz   the stripped binary, man page, completions, LICENSE, README
#   journal_VERSION_DEBARCH.deb         the same, installed under /usr
#   install.sh                          installs the tarball beside it (checks SHA256SUMS first)
#   SHA256SUMS                          of the three files above
#
# The Swift runtime and Foundation are linked in (--static-swift-stdlib). libgit2, cmark-gfm
# and what libgit2 needs (mbedTLS, libssh2, OpenSSL's libcrypto, zlib, pcre2, http-parser) are
# linked from Debian's static archives, through pkg-config files written here that name only
# those archives. GSS-API has no static archive: gssapi-loader.c stands in for it and loads the
# computer's own Kerberos library when a server asks for it (docs/install.md says why).
set -eu
cd "$(dirname "$0")/../.."
SWIFT=${SWIFT:-swift}
work=.build/dist
scratch=.build/dist-build
out=${DIST_DIR:-dist}

multiarch=$(gcc -print-multiarch)
libdir=/usr/lib/$multiarch
arch=$(uname -m)
debarch=$(dpkg --print-architecture)

rm -rf "$work"
mkdir -p "$work/lib" "$work/pkgconfig" "$out"
for name in git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 crypto pcre2-8 z cmark-gfm cmark-gfm-extensions; do
  if [ ! -f "$libdir/lib$name.a" ]; then
    echo "dist: $libdir/lib$name.a is missing (make dist installs the -dev packages that have it)" >&2
    exit 1
  fi
  ln -s "$libdir/lib$name.a" "$work/lib/lib$name.a"
done
cc -O2 -Wall -Wextra -Werror -fPIC -c .ci/release/gssapi-loader.c -o "$work/gssapi-loader.o"
ar rcs "$work/lib/libjournal_gssapi.a" "$work/gssapi-loader.o"

lib=$(pwd)/$work/lib
cat > "$work/pkgconfig/libgit2.pc" <<PC
Name: libgit2
Description: libgit2 from its static archive, with what it needs
Version: $(pkg-config --modversion libgit2)
Libs: -L$lib -lgit2 -lmbedtls -lmbedx509 -lmbedcrypto -lhttp_parser -lssh2 -lcrypto -lpcre2-8 -lz -ljournal_gssapi -ldl -lpthread -lrt
Cflags: -I/usr/include
PC
cat > "$work/pkgconfig/libcmark-gfm.pc" <<PC
Name: libcmark-gfm
Description: cmark-gfm from its static archives
Version: $(pkg-config --modversion libcmark-gfm)
Libs: -L$lib -lcmark-gfm-extensions -lcmark-gfm
Cflags: -I/usr/include
PC

# Linked by lld, the toolchain's own linker: gold prints glibc's link-time note about mktemp
# (Foundation's static archive refers to it; journal never calls it), which lld leaves out.
# DIST_CONFIGURATION=debug builds the same download from a debug build, in a minute rather
# than several: what the tests use to check the packaging.
configuration=${DIST_CONFIGURATION:-release}
for product in journal generate-manual; do
  PKG_CONFIG_PATH=$(pwd)/$work/pkgconfig $SWIFT build -c "$configuration" --static-swift-stdlib \
    --scratch-path "$scratch" -Xswiftc -use-ld=lld --product "$product"
done
binary=$scratch/$configuration/journal
version=$("$binary" --version)

# Only glibc's and the GCC runtime's libraries may be needed.
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for library in $needed; do
  case "$library" in
    libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|ld-linux*|libstdc++.so.*|libgcc_s.so.*) ;;
    *) echo "dist: the binary needs $library, which a computer may not have" >&2; exit 1 ;;
  esac
done

name=journal-$version-linux-$arch
stage=$work/$name
mkdir -p "$stage/completions"
strip --strip-all -o "$stage/journal" "$binary"
# The man page, from the command definitions (swift-argument-parser's generate-manual, as
# `make man` runs it through its plugin), dated by the last commit.
epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)
"$scratch/$configuration/generate-manual" "$stage/journal" --output-directory - \
  --date "$(date -u -d "@$epoch" +%Y-%m-%d)" > "$stage/journal.1"
"$stage/journal" --generate-completion-script bash > "$stage/completions/journal.bash"
"$stage/journal" --generate-completion-script zsh > "$stage/completions/_journal"
"$stage/journal" --generate-completion-script fish > "$stage/completions/journal.fish"
cp README.md "$stage/README.md"
sh .ci/release/licence.sh "$scratch" > "$stage/LICENSE"

rm -f "$out"/journal-*.tar.gz "$out"/journal_*.deb "$out/SHA256SUMS" "$out/install.sh"
# The same bytes for the same sources: fixed owner, order and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
  -C "$work" -cf - "$name" | gzip -9n > "$out/$name.tar.gz"

# The Debian package: /usr/bin, the man page and completions where Debian's shells look.
root=$work/deb
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/doc/journal" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d"
install -m 755 "$stage/journal" "$root/usr/bin/journal"
gzip -9n < "$stage/journal.1" > "$root/usr/share/man/man1/journal.1.gz"
install -m 644 "$stage/completions/journal.bash" "$root/usr/share/bash-completion/completions/journal"
install -m 644 "$stage/completions/_journal" "$root/usr/share/zsh/vendor-completions/_journal"
install -m 644 "$stage/completions/journal.fish" "$root/usr/share/fish/vendor_completions.d/journal.fish"
install -m 644 "$stage/LICENSE" "$root/usr/share/doc/journal/copyright"
install -m 644 README.md "$root/usr/share/doc/journal/README.md"
# The lowest versions of glibc and libstdc++ the binary asks for, from its symbol versions.
glibc=$(objdump -T "$stage/journal" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
glibcxx=$(objdump -T "$stage/journal" | grep -o 'GLIBCXX_[0-9.]*' | sed 's/GLIBCXX_//' | sort -uV | tail -1)
depends="libc6 (>= $glibc), libgcc-s1"
# GLIBCXX_3.4.N came with GCC releases (3.4.30 with GCC 12); libstdc++6 is versioned by GCC's.
if [ -n "$glibcxx" ]; then
  gcc_release=$(echo "$glibcxx" | awk -F. '{n=$3; if (n>=31) print 13; else if (n>=30) print 12; else if (n>=29) print 11; else if (n>=28) print 10; else if (n>=26) print 9; else print 8}')
  depends="$depends, libstdc++6 (>= $gcc_release)"
fi
size=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: journal
Version: $version
Architecture: $debarch
Maintainer: The journal developers <journal@localhost>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: plain-text mentoring journal shared through git
 journal keeps a mentorship in Markdown files (an agreement, goals, session notes,
 reflections, evaluations), checks them, writes the report a mentor reads before a
 check-in, and keeps mentor and mentee in step through a shared git repository.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$root" "$out/journal_${version}_$debarch.deb" >/dev/null

sed "s/@GLIBC@/$glibc/" .ci/release/install.sh > "$out/install.sh"
chmod 755 "$out/install.sh"
(cd "$out" && sha256sum "$name.tar.gz" "journal_${version}_$debarch.deb" install.sh > SHA256SUMS)
echo "dist: $(ls "$out" | tr '\n' ' ')"
echo "dist: glibc $glibc or later, libstdc++ from GCC ${gcc_release:-(none)}; $(du -h "$stage/journal" | cut -f1) binary"
