#!/usr/bin/env bash
# Builds the Go peer plugin for the side-by-side benchmark, in GOPATH mode from Debian's packages like
# tests/GoHost, against the protocol stubs tests/GoHost/build.sh generates (it runs that first).
# Usage: build.sh <output binary> [<gohost output binary>]. Needs scripts/install-test-deps.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$1"
gohost="${2:-$(mktemp -u)}"
bash "$here/../../tests/GoHost/build.sh" "$gohost"

work="$here/../../tests/GoHost/bin/gopath"
pkg="$work/src/vaultpathgen/gopeer"
rm -rf "$pkg"
mkdir -p "$pkg"
cp "$here"/*.go "$pkg/"
cd "$pkg"
GO111MODULE=off GOPROXY=off GOFLAGS= GOENV=off GOPATH="$work:/usr/share/gocode" GOCACHE="$here/../../tests/GoHost/bin/gocache" go build -o "$out" .
