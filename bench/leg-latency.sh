#!/usr/bin/env bash
# Where one request's time goes, leg by leg, for plugins side by side. A storage-backed request crosses
# the plugin twice: Vault's call comes in, the plugin calls Storage back on the host's broker, the reply
# comes in, the plugin answers. With the kernel's syscall tracepoints (perf, no instrumentation in the
# plugin) this times every request's four legs from the plugin's own socket calls:
#   in->call    the host's request received -> the storage call sent (the plugin's inbound stack, the handler)
#   storage     the storage call sent -> its reply received (the host's broker, Storage)
#   reply->out  the storage reply received -> the plugin's answer sent (the plugin's client stack, the handler, the outbound stack)
#   host        the answer sent -> the next request received (go-plugin's host: its client, the caller)
# and prints the median and 90th percentile of each leg per plugin, with each plugin's ratio to the first.
# The server connection is the one whose local address is the plugin's listening socket (ss), the broker
# connection the other. Needs perf (Debian: linux-perf) and the rights to trace (root or
# kernel.perf_event_paranoid <= -1), python3 and ss (iproute2).
# Usage: bench/leg-latency.sh <gohost> <read|update> <callers> <seconds> name=plugin [name=plugin...]
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: $0 <gohost> <read|update> <callers> <seconds> name=plugin..." >&2; exit 2; }
gohost="$1" op="$2" callers="$3" seconds="$4"
shift 4
for tool in perf python3 ss; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is required (Debian: linux-perf, python3, iproute2)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
events='syscalls:sys_enter_sendto,syscalls:sys_enter_write,syscalls:sys_enter_recvmsg,syscalls:sys_exit_recvmsg,syscalls:sys_enter_read,syscalls:sys_exit_read'

echo "load: $(uptime)" >&2
for spec in "$@"; do
  name="${spec%%=*}" bin="${spec#*=}"
  [ -x "$bin" ] || { echo "$0: $bin is not an executable" >&2; exit 1; }
  perf record -q -e "$events" -o "$work/$name.data" -- \
    "$gohost" -plugin "$bin" -scenario load -op "$op" -callers "$callers" -duration "${seconds}s" -warmup 1s \
    >"$work/$name.out" 2>&1 &
  recorder=$!
  # The connections exist once the warm-up runs: note which descriptor is which.
  sleep 1.5
  host_pid="$(pgrep -n -f -- "-plugin $bin " || true)"
  pid="$( [ -n "$host_pid" ] && pgrep -n -P "$host_pid" || true)"
  [ -n "$pid" ] || { echo "$0: $name did not start" >&2; wait "$recorder" || true; cat "$work/$name.out" >&2; exit 1; }
  ss -xpn | grep "pid=$pid," >"$work/$name.ss" || true
  wait "$recorder" || { cat "$work/$name.out" >&2; exit 1; }
  grep -q '"check":"load","ok":true' "$work/$name.out" || { cat "$work/$name.out" >&2; exit 1; }
  perf script -i "$work/$name.data" -F pid,tid,time,event,trace 2>/dev/null >"$work/$name.txt"
  printf '%s\t%s\t%s\n' "$name" "$pid" "$(grep -o 'rps=[0-9]*' "$work/$name.out")" >>"$work/index"
done

python3 - "$work" <<'EOF'
import re, statistics, sys, os
work = sys.argv[1]
rows = []
for line in open(os.path.join(work, 'index')):
    name, pid, rps = line.rstrip('\n').split('\t')
    pid = int(pid)
    server = broker = None
    for s in open(os.path.join(work, name + '.ss')):
        fd = int(re.search(r'fd=(\d+)', s)[1])
        cols = s.split()
        if cols[0] != 'u_str' or cols[1] != 'ESTAB':
            continue
        if cols[4] != '*':
            server = fd          # accepted on the plugin's listening socket
        else:
            broker = fd          # dialed by the plugin: the host's broker
    if server is None or broker is None:
        sys.exit(f'{name}: could not tell the server connection from the broker connection')
    pending, ev = {}, []
    for l in open(os.path.join(work, name + '.txt')):
        m = re.match(r'\s*(\d+)/(\d+)\s+([\d.]+):\s+syscalls:sys_(enter|exit)_(\w+):\s*(.*)', l)
        if not m or int(m[1]) != pid:
            continue
        tid, t, kind, call, rest = int(m[2]), float(m[3]), m[4], m[5], m[6]
        if kind == 'enter':
            fd = int(re.search(r'fd: (0x[0-9a-f]+)', rest)[1], 16)
            if call in ('sendto', 'write'):
                ev.append((t, 'send', fd))
            else:
                pending[tid] = fd
        else:
            ret = int(rest.strip(), 16)
            fd = pending.pop(tid, None)
            if fd is not None and 0 < ret < 1 << 62:
                ev.append((t, 'recv', fd))
    ev.sort()
    # One request: a receive on the server connection, the first send on the broker connection after
    # it, the first receive on the broker connection after that, the first send on the server
    # connection after that. Pings and window updates in between belong to the leg they fall in.
    legs = ([], [], [], [])
    state, last_out, t0 = 0, None, None
    for t, what, fd in ev:
        if state == 0 and what == 'recv' and fd == server:
            if last_out is not None:
                legs[3].append(t - last_out)
            t0, state = [t], 1
        elif state == 1 and what == 'send' and fd == broker:
            t0.append(t); state = 2
        elif state == 2 and what == 'recv' and fd == broker:
            t0.append(t); state = 3
        elif state == 3 and what == 'send' and fd == server:
            legs[0].append(t0[1] - t0[0]); legs[1].append(t0[2] - t0[1]); legs[2].append(t - t0[2])
            last_out, state = t, 0
    n = len(legs[0])
    if n < 100:
        sys.exit(f'{name}: only {n} requests traced')
    # The first second is warm-up: keep the last 80 % of the requests.
    legs = [l[len(l) // 5:] for l in legs]
    med = [statistics.median(l) * 1e6 for l in legs]
    p90 = [statistics.quantiles(l, n=10)[8] * 1e6 for l in legs]
    rows.append((name, rps.split('=')[1], n, med, p90))

base = rows[0][3]
print('| plugin | req/s | requests traced | in->call µs | storage µs | reply->out µs | host µs | sum of medians | in-plugin (in->call + reply->out) vs first |')
print('|---|---|---|---|---|---|---|---|---|')
for name, rps, n, med, p90 in rows:
    cells = ' | '.join(f'{m:.0f} (p90 {p:.0f})' for m, p in zip(med, p90))
    inside = (med[0] + med[2]) / (base[0] + base[2])
    print(f'| {name} | {rps} | {n} | {cells} | {sum(med):.0f} | {inside:.2f}× |')
EOF
