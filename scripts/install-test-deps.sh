#!/usr/bin/env bash
# Installs the Debian packages the plugin interop tests need: a Go toolchain, HashiCorp's
# go-plugin and grpc-go, and protoc with the Go generator, used to build tests/GoHost; and
# python3-hvac, a real Vault client for the sample's dev mode; clang, the linker NativeAOT
# publishes of the sample need.
# Idempotent and quiet when everything is already installed.
set -euo pipefail

packages=(
  golang-go
  golang-github-hashicorp-go-plugin-dev
  golang-google-grpc-dev
  golang-goprotobuf-dev
  protobuf-compiler
  python3-hvac
  clang
)

# The OpenAPI validator the generator tests run: npm packages pinned in tests/OpenApi, installed
# into its gitignored node_modules.
if [ ! -d "$(dirname "$0")/../tests/OpenApi/node_modules/@apidevtools/swagger-parser" ]; then
  echo "installing the OpenAPI validator (npm, tests/OpenApi)" >&2
  npm ci --prefix "$(dirname "$0")/../tests/OpenApi" --no-audit --no-fund >/dev/null
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

[ "${#missing[@]}" -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

echo "installing test dependencies: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
