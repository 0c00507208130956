package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"time"

	plugin "github.com/hashicorp/go-plugin"
)

type orphanInfo struct {
	Pid    int    `json:"pid"`
	Socket string `json:"socket"`
}

// runOrphanChild starts the plugin, tells the parent where it is, and waits to be killed. With
// wrapped, a shell sits between host and plugin, so the plugin's parent outlives the host and
// only the closed connection tells it the host is gone.
func runOrphanChild(pluginPath string, wrapped bool) {
	client := newClient(pluginPath, io.Discard)
	if wrapped {
		client = newWrappedClient(pluginPath)
	}
	rpc, err := client.Client()
	if err == nil {
		err = rpc.Ping()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rc := client.ReattachConfig()
	pid := rc.Pid
	if wrapped {
		pid = childOf(rc.Pid)
	}
	line, _ := json.Marshal(orphanInfo{Pid: pid, Socket: rc.Addr.String()})
	fmt.Println(string(line))
	time.Sleep(time.Minute)
}

// runHostKilled: a host killed with SIGKILL leaves the plugin alone; it must exit within 2 s.
func runHostKilled(pluginPath string, wrapped bool) {
	name := "host_killed"
	args := []string{"-plugin", pluginPath, "-orphan"}
	if wrapped {
		name = "host_killed_not_parent"
		args = append(args, "-wrapped")
	}
	self, _ := os.Executable()
	child := exec.Command(self, args...)
	child.Stderr = os.Stderr
	out, _ := child.StdoutPipe()
	if err := child.Start(); err != nil {
		report(name+"_exit_within_2s", false, "%v", err)
		return
	}
	var info orphanInfo
	sc := bufio.NewScanner(out)
	if !sc.Scan() || json.Unmarshal(sc.Bytes(), &info) != nil || info.Pid == 0 {
		child.Process.Kill()
		child.Wait()
		report(name+"_exit_within_2s", false, "no plugin info from child host")
		return
	}
	if !processAlive(info.Pid) {
		report(name+"_exit_within_2s", false, "plugin not running before the kill")
	}
	killedAt := time.Now()
	child.Process.Signal(syscall.SIGKILL)
	child.Wait()
	for processAlive(info.Pid) && time.Since(killedAt) < 5*time.Second {
		time.Sleep(20 * time.Millisecond)
	}
	elapsed := time.Since(killedAt)
	report(name+"_exit_within_2s", !processAlive(info.Pid) && elapsed < 2*time.Second, "plugin exited %s after its host was killed", elapsed)
	// The exiting plugin removes its socket; give it a moment past its own exit.
	time.Sleep(50 * time.Millisecond)
	_, err := os.Stat(info.Socket)
	report(name+"_socket_removed", os.IsNotExist(err), "%v", err)
	if processAlive(info.Pid) {
		syscall.Kill(info.Pid, syscall.SIGKILL)
	}
}

// newWrappedClient starts the plugin under a shell that stays its parent.
func newWrappedClient(pluginPath string) *plugin.Client {
	// Not "exec": the shell stays the plugin's parent after the host is gone.
	return newClientFor(exec.Command("/bin/sh", "-c", `"$0"; exit $?`, pluginPath), io.Discard)
}

// childOf finds the single child of a process.
func childOf(pid int) int {
	for i := 0; i < 100; i++ {
		data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
		var child int
		if n, _ := fmt.Sscan(string(data), &child); n == 1 {
			return child
		}
		time.Sleep(20 * time.Millisecond)
	}
	return 0
}
