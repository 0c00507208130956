#!/usr/bin/env bash
# Brings src/Runtime/PublicAPI.Unshipped.txt in line with the code after a deliberate API change:
# builds the runtime, adds every symbol PublicApiAnalyzers reports as undeclared (RS0016) and drops
# every declared symbol that is gone (RS0017). Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."

api=src/Runtime/PublicAPI.Unshipped.txt
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build src/Runtime -c Release --no-incremental >"$log" 2>&1 || true

python3 - "$api" "$log" <<'PY'
import re, sys
api_path, log_path = sys.argv[1], sys.argv[2]
pattern = re.compile(r"error (RS0016|RS0017): Symbol '(.*)' is (?:not )?part of the declared (?:public )?API")
add, remove = set(), set()
for line in open(log_path, encoding="utf-8"):
    m = pattern.search(line)
    if m:
        (add if m.group(1) == "RS0016" else remove).add(m.group(2))
lines = open(api_path, encoding="utf-8").read().splitlines()
header, symbols = lines[0], set(l for l in lines[1:] if l)
symbols = (symbols - remove) | add
open(api_path, "w", encoding="utf-8").write(header + "\n" + "\n".join(sorted(symbols)) + "\n")
print(f"public API: {len(add)} added, {len(remove)} removed")
PY
