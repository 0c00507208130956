#!/usr/bin/env bash
# How many times per request a plugin writes to and reads from each of its two connections (the host's
# call, and its own storage calls on the host's broker), and how many futex calls (thread wake-ups and
# waits) it makes: strace on the plugin under go-plugin's host at one caller. Every write on a TLS
# connection is at least one TLS record, encrypted by one side and woken up for and decrypted by the
# other. Both connections are printed by file descriptor with the size written most often, which tells
# them apart: the host's connection carries the plugin's answers, the broker's its storage calls. strace slows the plugin: read the counts, not the rate. The counts include the start-up and
# the mount (futex calls above all), so give it two seconds or more.
# Needs strace (Debian: strace) and python3.
# Usage: bench/socket-calls.sh <gohost> <read|update> <seconds> name=plugin [name=plugin...]
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: $0 <gohost> <read|update> <seconds> name=plugin..." >&2; exit 2; }
gohost="$1" op="$2" seconds="$3"
shift 3
for tool in strace python3; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is required (Debian: strace, python3)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "load: $(uptime)" >&2
for spec in "$@"; do
  name="${spec%%=*}" bin="${spec#*=}"
  [ -x "$bin" ] || { echo "$0: $bin is not an executable" >&2; exit 1; }
  # go-plugin starts the plugin itself: a wrapper puts strace between them.
  cat >"$work/wrap.sh" <<EOF
#!/bin/sh
exec strace -f -qq -e trace=write,writev,sendmsg,sendto,read,readv,recvmsg,recvfrom,futex -e signal=none -o "$work/$name.trace" "$bin" "\$@"
EOF
  chmod +x "$work/wrap.sh"
  "$gohost" -plugin "$work/wrap.sh" -scenario load -op "$op" -callers 1 -duration "${seconds}s" -warmup 0s >"$work/$name.out" 2>&1 \
    || { cat "$work/$name.out" >&2; exit 1; }
  grep -q '"check":"load","ok":true' "$work/$name.out" || { cat "$work/$name.out" >&2; exit 1; }
  grep -o 'requests=[0-9]*' "$work/$name.out" | cut -d= -f2 >"$work/$name.requests"
done

python3 - "$work" "$@" <<'EOF'
import collections, re, sys
work, specs = sys.argv[1], sys.argv[2:]
# With -f, a call another thread interrupts is split: "pid call(fd, ... <unfinished ...>", later
# "pid <... call resumed>...) = result".
call = re.compile(r'^(\d+)\s+(\w+)\((\d+|0x[0-9a-f]+),.*\)\s+=\s+(-?\d+)')
unfinished = re.compile(r'^(\d+)\s+(\w+)\((\d+|0x[0-9a-f]+),.*<unfinished \.\.\.>')
resumed = re.compile(r'^(\d+)\s+<\.\.\. (\w+) resumed>.*\)\s+=\s+(-?\d+)')
print('| plugin | requests | connection (fd) | writes / request | reads / request | most frequent write (bytes) |')
print('|---|---|---|---|---|---|')
futexes = {}
for spec in specs:
    name = spec.split('=', 1)[0]
    requests = int(open(f'{work}/{name}.requests').read().strip())
    writes, reads, sizes = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
    futex = 0
    pending = {}
    for line in open(f'{work}/{name}.trace'):
        m = call.search(line)
        if m:
            syscall, fd, result = m.group(2), m.group(3), int(m.group(4))
        elif (m := unfinished.search(line)):
            pending[m.group(1)] = (m.group(2), m.group(3))
            continue
        elif (m := resumed.search(line)) and m.group(1) in pending:
            syscall, fd = pending.pop(m.group(1))
            result = int(m.group(3))
        else:
            continue
        if syscall == 'futex':
            futex += 1
        elif result <= 0:
            continue
        elif syscall in ('write', 'writev', 'sendmsg', 'sendto'):
            writes[fd] += 1
            sizes[fd][result] += 1
        else:
            reads[fd] += 1
    futexes[name] = futex / requests
    # The two connections: the descriptors written to at least once per two requests.
    for fd in sorted((fd for fd in writes if writes[fd] >= requests / 2), key=lambda fd: -writes[fd]):
        common = sizes[fd].most_common(1)[0][0]
        print(f'| {name} | {requests:,} | {fd} | {writes[fd] / requests:.2f} | {reads[fd] / requests:.2f} | {common} |')
print()
print('| plugin | futex calls / request |')
print('|---|---|')
for name, n in futexes.items():
    print(f'| {name} | {n:.1f} |')
EOF
