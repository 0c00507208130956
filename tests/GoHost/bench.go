package main

// The startup scenario, for bench/plugin-startup.sh: how long one plugin process takes from
// exec to its handshake line and to its first answer (a mount's setup), and its resident memory
// after the handshake, after the mount and a few requests, and -idle-wait (2 s) after those.

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

var idleWait = flag.Duration("idle-wait", 2*time.Second, "with -scenario startup: how long after the requests rss_idle_kib is read (0: not read, -1)")

// rssKiB reads VmRSS from /proc: what the kernel counts as resident for the process.
func rssKiB(pid int) int {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			n, _ := strconv.Atoi(strings.Fields(line)[1])
			return n
		}
	}
	return -1
}

func runStartup(pluginPath string) {
	// A .dll runs under the shared runtime (JIT), as `dotnet KvEngine.dll`.
	cmd := exec.Command(pluginPath)
	if strings.HasSuffix(pluginPath, ".dll") {
		cmd = exec.Command("dotnet", pluginPath)
	}
	client := newClientFor(cmd, &lineBuffer{})
	defer client.Kill()

	start := time.Now()
	rpc, err := client.Client() // returns once go-plugin has read and parsed the handshake line
	handshake := time.Since(start)
	if err != nil {
		report("startup", false, "%v", err)
		return
	}
	pid := client.ReattachConfig().Pid
	rssHandshake := rssKiB(pid)

	raw, err := rpc.Dispense("backend")
	if err != nil {
		report("startup", false, "%v", err)
		return
	}
	m, err := setupMount(raw.(*pluginConn), "bench", true)
	if err != nil {
		report("startup", false, "%v", err)
		return
	}
	// Ready: the mount's setup answered, the first call over the plugin's connection (its dial
	// and TLS handshake included), as Vault's mount is ready.
	ready := time.Since(start)
	firstRequest := time.Now()
	for i := 0; i < 20; i++ {
		path := fmt.Sprintf("data/bench/%d", i%5)
		if _, reply, err := m.write(path, map[string]interface{}{"data": map[string]interface{}{"i": i}}); err != nil || reply.Err != nil {
			report("startup", false, "write %s: %v %v", path, err, reply.GetErr())
			return
		}
		if reply, err := m.request("read", path, nil); err != nil || reply.Err != nil {
			report("startup", false, "read %s: %v %v", path, err, reply.GetErr())
			return
		}
	}
	requests := time.Since(firstRequest)
	rssAfter := rssKiB(pid)
	// Idle: what the plugin still holds a while after its last request, once a runtime that gives
	// memory back when quiet (the C# runtime's idle trim, after 1 s by default) has done so.
	rssIdle := -1
	if *idleWait > 0 {
		time.Sleep(*idleWait)
		rssIdle = rssKiB(pid)
	}
	report("startup", true, "handshake_ms=%.1f rss_handshake_kib=%d rss_after_requests_kib=%d requests_ms=%.1f ready_ms=%.1f rss_idle_kib=%d",
		float64(handshake.Microseconds())/1000, rssHandshake, rssAfter, float64(requests.Microseconds())/1000,
		float64(ready.Microseconds())/1000, rssIdle)
}
