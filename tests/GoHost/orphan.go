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
)

type orphanInfo struct {
	Pid    int    `json:"pid"`
	Socket string `json:"socket"`
}

// runOrphanChild starts the plugin, tells the parent where it is, and waits to be killed.
func runOrphanChild(pluginPath string) {
	client := newClient(pluginPath, io.Discard)
	rpc, err := client.Client()
	if err == nil {
		err = rpc.Ping()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rc := client.ReattachConfig()
	line, _ := json.Marshal(orphanInfo{Pid: rc.Pid, Socket: rc.Addr.String()})
	fmt.Println(string(line))
	time.Sleep(time.Minute)
}

// runHostKilled: a host killed with SIGKILL leaves the plugin alone; it must exit within 2 s.
func runHostKilled(pluginPath string) {
	self, _ := os.Executable()
	child := exec.Command(self, "-plugin", pluginPath, "-orphan")
	child.Stderr = os.Stderr
	out, _ := child.StdoutPipe()
	if err := child.Start(); err != nil {
		report("host_killed_exit_within_2s", false, "%v", err)
		return
	}
	var info orphanInfo
	sc := bufio.NewScanner(out)
	if !sc.Scan() || json.Unmarshal(sc.Bytes(), &info) != nil || info.Pid == 0 {
		child.Process.Kill()
		child.Wait()
		report("host_killed_exit_within_2s", false, "no plugin info from child host")
		return
	}
	if !processAlive(info.Pid) {
		report("host_killed_exit_within_2s", false, "plugin not running before the kill")
	}
	killedAt := time.Now()
	child.Process.Signal(syscall.SIGKILL)
	child.Wait()
	for processAlive(info.Pid) && time.Since(killedAt) < 5*time.Second {
		time.Sleep(20 * time.Millisecond)
	}
	elapsed := time.Since(killedAt)
	report("host_killed_exit_within_2s", !processAlive(info.Pid) && elapsed < 2*time.Second, "plugin exited %s after its host was killed", elapsed)
	// The exiting plugin removes its socket; give it a moment past its own exit.
	time.Sleep(50 * time.Millisecond)
	_, err := os.Stat(info.Socket)
	report("host_killed_socket_removed", os.IsNotExist(err), "%v", err)
	if processAlive(info.Pid) {
		syscall.Kill(info.Pid, syscall.SIGKILL)
	}
}
