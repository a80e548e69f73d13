#!/bin/sh
# The LICENSE of a download: journal's own licence, then the licence of everything linked into
# the binary, as the packages that provide it state them. Usage: licence.sh SCRATCH-PATH
set -eu
scratch=$1
cat .ci/release/journal-licence.txt
section() {
  printf '\n\n==============================================================================\n%s\n' "$1"
  printf '==============================================================================\n\n'
  cat "$2"
}
echo
echo "The journal binary contains the following software, each under its own licence."
section "The Swift runtime, standard library and Foundation (swift.org)" /opt/swift/usr/share/swift/LICENSE.txt
for package in Yams swift-argument-parser swift-mustache; do
  for file in "$scratch/checkouts/$package/LICENSE" "$scratch/checkouts/$package/LICENSE.txt"; do
    [ -f "$file" ] && section "$package (Swift package)" "$file"
  done
done
for package in libgit2-1.5 libmbedtls14 libmbedx509-1 libmbedcrypto7 libssh2-1 libssl3 zlib1g \
    libpcre2-8-0 libhttp-parser2.9 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6; do
  section "$package (as packaged by Debian)" "/usr/share/doc/$package/copyright"
done
