package main

// The sigterm scenario: a data/<key> engine (the KV sample) under load from several callers over
// one go-plugin connection receives SIGTERM, as a plugin does when Vault or the OS stops it. Every
// request sent before the signal must finish without error within Vault's 2 s grace period, the
// process must exit 0, and its log must hold no ERROR line. Bounded: 8 callers, 0.5 s of load.

import (
	"encoding/json"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func runSigterm(pluginPath string) {
	stderr := &lineBuffer{}
	cmd := exec.Command(pluginPath)
	client := newClientFor(cmd, stderr)
	defer client.Kill()
	rpc, err := client.Client()
	if err != nil {
		report("sigterm_handshake", false, "%v", err)
		return
	}
	raw, err := rpc.Dispense("backend")
	if err != nil {
		report("sigterm_handshake", false, "dispense: %v", err)
		return
	}
	m, err := setupMount(raw.(*pluginConn), "sigterm", true)
	if err != nil {
		report("sigterm_handshake", false, "setup: %v", err)
		return
	}
	body := map[string]interface{}{"data": map[string]interface{}{"user": "app", "password": "s3cr3t-value-sigterm"}}
	if reply, err := m.request("update", "data/load", body); err != nil || reply.Err != nil {
		report("sigterm_handshake", false, "first write: %v %v", err, reply.GetErr())
		return
	}
	report("sigterm_handshake", true, "")

	const callers = 8
	var (
		signalled int32
		sent      int64
		failed    int64
		late      int64
		firstErr  atomic.Value
		wg        sync.WaitGroup
	)
	for c := 0; c < callers; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; atomic.LoadInt32(&signalled) == 0; i++ {
				atomic.AddInt64(&sent, 1)
				var err error
				if i%2 == 0 {
					reply, e := m.request("update", "data/load", body)
					if e == nil && reply.Err != nil {
						e = errString(reply.Err.ErrMsg)
					}
					err = e
				} else {
					reply, e := m.request("read", "data/load", nil)
					if e == nil && (reply.Err != nil || reply.Response == nil) {
						e = errString("read: no response")
					}
					err = e
				}
				if atomic.LoadInt32(&signalled) == 1 {
					atomic.AddInt64(&late, 1) // in flight when the signal went out
				}
				if err != nil {
					atomic.AddInt64(&failed, 1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}

	time.Sleep(500 * time.Millisecond)
	// Callers send nothing new from here on: every request they still wait for was sent before the signal.
	atomic.StoreInt32(&signalled, 1)
	signalledAt := time.Now()
	pid := client.ReattachConfig().Pid
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		report("sigterm_in_flight_finished", false, "kill: %v", err)
		return
	}
	wg.Wait()
	drained := time.Since(signalledAt)
	first, _ := firstErr.Load().(string)
	report("sigterm_in_flight_finished", atomic.LoadInt64(&failed) == 0 && atomic.LoadInt64(&late) > 0,
		"requests=%d in_flight_at_signal=%d failed=%d drained_in=%s %s", atomic.LoadInt64(&sent), atomic.LoadInt64(&late), atomic.LoadInt64(&failed), drained, first)

	deadline := signalledAt.Add(2 * time.Second)
	for !client.Exited() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	exited := client.Exited()
	report("sigterm_exit_within_2s", exited, "after %s", time.Since(signalledAt))
	code := -1
	if exited && cmd.ProcessState != nil {
		code = cmd.ProcessState.ExitCode()
	}
	report("sigterm_exit_code_0", code == 0, "exit code %d", code)

	lines := stderr.lines()
	var errorLines []string
	for _, line := range lines {
		var entry map[string]interface{}
		if json.Unmarshal([]byte(line), &entry) == nil && strings.EqualFold(entry["@level"].(string), "error") {
			errorLines = append(errorLines, line)
		}
	}
	report("sigterm_no_error_lines", len(errorLines) == 0 && len(lines) > 0, "%d lines: %s", len(lines), strings.Join(errorLines, " | "))
	checkHclogLines("sigterm_", lines)
}

type errString string

func (e errString) Error() string { return string(e) }
