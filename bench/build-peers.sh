#!/usr/bin/env bash
# Builds what the side-by-side benchmarks run into <dir>: gohost (tests/GoHost), gopeer (bench/GoPeer),
# and the C# twin (bench/KvTwin) as aot/KvTwin (NativeAOT on net10.0, the default publish) and, for
# comparison, single/KvTwin (single-file ReadyToRun, the `-p:PublishAot=false` opt-out).
# SKIP_AOT=1 builds the single file only. Usage: bench/build-peers.sh <dir>.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "$1" && cd "$1" && pwd)"
bash bench/GoPeer/build.sh "$out/gopeer" "$out/gohost"
publish() {
  dotnet publish bench/KvTwin -c Release -r linux-x64 --artifacts-path "$out/artifacts-$1" -nodeReuse:false "${@:2}" >"$out/$1.log" 2>&1 || { cat "$out/$1.log"; exit 1; }
  mkdir -p "$out/$1" && cp "$out/artifacts-$1/publish/KvTwin/release_linux-x64/KvTwin" "$out/$1/KvTwin"
}
publish single -p:PublishAot=false
[ "${SKIP_AOT:-}" = 1 ] || publish aot -p:PublishAot=true
