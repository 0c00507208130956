package main

// The load scenario, for bench/run-load.sh: N callers send back-to-back requests to one key of a
// data/<key> engine (the KV sample, bench/GoPeer, bench/KvTwin) over one go-plugin connection, as
// Vault's core does, and one line reports req/s, latency percentiles, the plugin's CPU time and
// context switches per request.

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var (
	loadOp       = flag.String("op", "read", "load: read or update")
	loadCallers  = flag.Int("callers", 1, "load: concurrent callers")
	loadDuration = flag.Duration("duration", 3*time.Second, "load: measured time")
	loadWarmup   = flag.Duration("warmup", time.Second, "load: unmeasured time first")
)

// procStatus reads the named numeric fields of /proc/<pid>/status.
func procStatus(pid int, names ...string) int64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	var total int64
	for _, line := range strings.Split(string(status), "\n") {
		for _, name := range names {
			if strings.HasPrefix(line, name+":") {
				n, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
				total += n
			}
		}
	}
	return total
}

// cpuTicks is the plugin's user+system CPU time in clock ticks (/proc/<pid>/stat fields 14 and 15).
func cpuTicks(pid int) int64 {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	fields := strings.Fields(string(stat)[strings.LastIndex(string(stat), ")")+2:])
	user, _ := strconv.ParseInt(fields[11], 10, 64)
	system, _ := strconv.ParseInt(fields[12], 10, 64)
	return user + system
}

// threadSwitches sums both kinds of context switch over every thread of the process.
func threadSwitches(pid int) int64 {
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return -1
	}
	var total int64
	for _, t := range tasks {
		tid, _ := strconv.Atoi(t.Name())
		total += procStatus(tid, "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")
	}
	return total
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(float64(len(sorted)-1)*p)]
}

func runLoad(pluginPath string) {
	client := newClient(pluginPath, &lineBuffer{})
	defer client.Kill()
	rpc, err := client.Client()
	if err != nil {
		report("load", false, "handshake: %v", err)
		return
	}
	raw, err := rpc.Dispense("backend")
	if err != nil {
		report("load", false, "dispense: %v", err)
		return
	}
	pc := raw.(*pluginConn)
	m, err := setupMount(pc, "bench", true)
	if err != nil {
		report("load", false, "setup: %v", err)
		return
	}
	body := map[string]interface{}{"data": map[string]interface{}{"user": "app", "password": "s3cr3t-value-0123456789"}}
	if reply, err := m.request("update", "data/bench", body); err != nil || reply.Err != nil {
		report("load", false, "first write: %v %v", err, reply.GetErr())
		return
	}
	pid := client.ReattachConfig().Pid

	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      int
		measuring int32
	)
	stop := time.Now().Add(*loadWarmup + *loadDuration)
	var switches0, ticks0 int64
	var measureStart time.Time
	go func() {
		time.Sleep(*loadWarmup)
		mu.Lock()
		switches0, ticks0, measureStart = threadSwitches(pid), cpuTicks(pid), time.Now()
		mu.Unlock()
		atomic.StoreInt32(&measuring, 1)
	}()

	var wg sync.WaitGroup
	for c := 0; c < *loadCallers; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := make([]time.Duration, 0, 1<<16)
			localErrs := 0
			for time.Now().Before(stop) {
				t := time.Now()
				var failedCall bool
				if *loadOp == "update" {
					r, err := m.request("update", "data/bench", body)
					failedCall = err != nil || r.Err != nil
				} else {
					r, err := m.request("read", "data/bench", nil)
					failedCall = err != nil || r.Err != nil || r.Response == nil
				}
				elapsed := time.Since(t)
				if atomic.LoadInt32(&measuring) == 1 {
					local = append(local, elapsed)
					if failedCall {
						localErrs++
					}
				}
			}
			mu.Lock()
			latencies = append(latencies, local...)
			errs += localErrs
			mu.Unlock()
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	elapsed := time.Since(measureStart)
	switches, ticks := threadSwitches(pid)-switches0, cpuTicks(pid)-ticks0
	rss := rssKiB(pid)

	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	n := len(latencies)
	if n == 0 {
		report("load", false, "no requests completed")
		return
	}
	report("load", errs == 0,
		"op=%s callers=%d requests=%d errors=%d rps=%.0f p50_us=%d p99_us=%d plugin_cpu_ms_per_kreq=%.1f ctxsw_per_req=%.1f rss_kib=%d",
		*loadOp, *loadCallers, n, errs, float64(n)/elapsed.Seconds(),
		percentile(latencies, 0.50).Microseconds(), percentile(latencies, 0.99).Microseconds(),
		float64(ticks)*10/float64(n)*1000, float64(switches)/float64(n), rss)
}
