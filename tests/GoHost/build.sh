#!/usr/bin/env bash
# Builds the Go test host: a real go-plugin host (HashiCorp's go-plugin and grpc-go from Debian's
# packages, GOPATH mode, no network) that drives a plugin the way Vault does.
# Usage: build.sh <output binary>. Needs scripts/install-test-deps.sh to have run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
protos="$here/../../src/Runtime/Plugin/Protos"
out="$1"

for tool in go protoc protoc-gen-go; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/install-test-deps.sh" >&2; exit 2; }
done

# GOHOST_WORK: a private GOPATH, so two test assemblies can build the host at the same time.
work="${GOHOST_WORK:-$here/bin/gopath}"
pkg="$work/src/vaultpathgen/gohost"
rm -rf "$pkg"
mkdir -p "$pkg/proto"
cp "$here"/*.go "$pkg/"

# Each Go package in its own protoc run; M options place our protos without touching them.
imports="Mgoogle/protobuf/timestamp.proto=github.com/golang/protobuf/ptypes/timestamp,Mlogical/identity.proto=vaultpathgen/gohost/proto/logical,Mlogical/plugin.proto=vaultpathgen/gohost/proto/logical,Mlogical/version.proto=vaultpathgen/gohost/proto/logical,Mpb/backend.proto=vaultpathgen/gohost/proto/pb,Mpluginutil/multiplexing.proto=vaultpathgen/gohost/proto/pluginutil"
gen() { protoc -I "$protos" --go_out="plugins=grpc,paths=source_relative,$imports:$pkg/proto" "$@"; }
gen logical/identity.proto logical/plugin.proto logical/version.proto
gen pb/backend.proto
gen pluginutil/multiplexing.proto

cd "$pkg"
GO111MODULE=off GOPROXY=off GOFLAGS= GOENV=off GOPATH="$work:/usr/share/gocode" GOCACHE="$here/bin/gocache" go build -o "$out" .
