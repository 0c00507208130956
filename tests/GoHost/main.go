// Command gohost drives a Vault backend plugin the way Vault does, through HashiCorp's own
// go-plugin host: AutoMTLS, the broker, Storage served back to the plugin, Vault's call order.
// It prints one JSON line per check ({"check","ok","detail"}) and exits 1 when any check fails.
//
// Usage: gohost -plugin <path>            run every scenario
//
//	gohost -plugin <path> -scenario kv2 [-plugin-version v1.0.0]    the KV v2 sample as a kv-v2 mount
//	gohost -plugin <path> -scenario template [-plugin-version v0.1.0]    a plugin made by `dotnet new vault-secrets`
//	gohost -plugin <path> -scenario startup [-idle-wait 2s]    start-up time and RSS, for bench/plugin-startup.sh
//	gohost -plugin <path> -scenario userpass    the Userpass sample as an auth method
//	gohost -plugin <path> -scenario creds     the DynamicCreds sample: leases, rollback tick
//	gohost -plugin <path> -scenario sigterm   the KV sample under load gets SIGTERM: in-flight requests finish, exit 0
//
//	gohost -plugin <path> -orphan    start the plugin, print its pid and socket, then sleep
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"
)

type result struct {
	Check  string `json:"check"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

var failed bool

func report(check string, ok bool, format string, args ...interface{}) {
	if !ok {
		failed = true
	}
	line, _ := json.Marshal(result{Check: check, OK: ok, Detail: fmt.Sprintf(format, args...)})
	fmt.Println(string(line))
}

func main() {
	pluginPath := flag.String("plugin", "", "plugin executable")
	orphan := flag.Bool("orphan", false, "start the plugin, print its pid, and wait to be killed")
	wrapped := flag.Bool("wrapped", false, "with -orphan: start the plugin under a shell that outlives this host")
	scenario := flag.String("scenario", "", "kv2: drive the KV v2 sample (samples/KvEngine) instead; startup: time one start (bench.go)")
	flag.Parse()
	if *pluginPath == "" {
		fmt.Fprintln(os.Stderr, "usage: gohost -plugin <path> [-orphan]")
		os.Exit(2)
	}

	if *orphan {
		runOrphanChild(*pluginPath, *wrapped)
		return
	}

	if *scenario != "" {
		runNamedScenario(*scenario, *pluginPath)
	}

	start := time.Now()
	runVaultSequence(*pluginPath)
	runHostKilled(*pluginPath, false)
	runHostKilled(*pluginPath, true)
	runTCPFallback(*pluginPath)
	runStrictBroker(*pluginPath)
	report("total", !failed, "%s", time.Since(start))
	if failed {
		os.Exit(1)
	}
}
