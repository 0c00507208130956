package main

// The kv2 scenario: Vault driving the KV v2 sample (samples/KvEngine) the way it drives a kv-v2
// mount, through two plugin processes as Vault would start them: one for `vault plugin register`,
// one for the mount.

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc/metadata"

	logicalpb "vaultpathgen/gohost/proto/logical"
	"vaultpathgen/gohost/proto/pb"
	mpb "vaultpathgen/gohost/proto/pluginutil"
)

// Declared here so main.go only grows the -scenario flag.
var kv2Version = flag.String("plugin-version", "", "with -scenario=kv2, template or template-auth: the version the plugin must report (its `vault plugin register -version`)")

// runNamedScenario runs a scenario other than the default one, reports the total and exits.
func runNamedScenario(name, pluginPath string) {
	start := time.Now()
	switch name {
	case "kv2":
		runKV2Registration(pluginPath)
		runKV2Mounts(pluginPath)
	case "startup":
		runStartup(pluginPath)
	case "userpass":
		runUserpass(pluginPath)
	case "creds":
		runCreds(pluginPath)
	case "load":
		runLoad(pluginPath)
	case "template":
		runTemplate(pluginPath)
	case "template-auth":
		runTemplateAuth(pluginPath)
	case "sigterm":
		runSigterm(pluginPath)
	default:
		fmt.Fprintf(os.Stderr, "unknown scenario %q\n", name)
		os.Exit(2)
	}
	report("total", !failed, "%s", time.Since(start))
	if failed {
		os.Exit(1)
	}
	os.Exit(0)
}

// startKV2 starts one plugin process and dispenses the backend connection.
func startKV2(pluginPath, prefix string, stderr *lineBuffer) (*plugin.Client, *pluginConn) {
	client := newClient(pluginPath, stderr)
	startAt := time.Now()
	rpc, err := client.Client()
	if err != nil {
		report(prefix+"handshake", false, "%v", err)
		client.Kill()
		return nil, nil
	}
	report(prefix+"handshake", client.NegotiatedVersion() == 5 && client.Protocol() == plugin.ProtocolGRPC,
		"version %d protocol %s in %s", client.NegotiatedVersion(), client.Protocol(), time.Since(startAt))
	raw, err := rpc.Dispense("backend")
	if err != nil {
		report(prefix+"dispense", false, "%v", err)
		client.Kill()
		return nil, nil
	}
	pc := raw.(*pluginConn)
	mux, err := mpb.NewPluginMultiplexingClient(pc.conn).MultiplexingSupport(context.Background(), &mpb.MultiplexingSupportRequest{})
	report(prefix+"multiplexing_support", err == nil && mux.Supported, "%v %v", mux, err)
	return client, pc
}

// stopKV2 is Vault's Kill: GRPCController.Shutdown, then SIGKILL if the process is still there 2 s later.
func stopKV2(client *plugin.Client, prefix string) {
	pid := client.ReattachConfig().Pid
	addr := client.ReattachConfig().Addr
	killStart := time.Now()
	client.Kill()
	elapsed := time.Since(killStart)
	_, socketErr := os.Stat(addr.String())
	report(prefix+"shutdown_exit_within_2s", elapsed < 2*time.Second && !processAlive(pid), "exited in %s", elapsed)
	report(prefix+"shutdown_socket_removed", os.IsNotExist(socketErr), "%v", socketErr)
}

// runKV2Registration is `vault plugin register`: Setup with nothing behind the broker, Version, Kill.
func runKV2Registration(pluginPath string) {
	stderr := &lineBuffer{}
	client, pc := startKV2(pluginPath, "register_", stderr)
	if client == nil {
		return
	}
	probeStart := time.Now()
	probe, err := setupMount(pc, "", false)
	report("register_setup_without_storage", err == nil && probe != nil && time.Since(probeStart) < 2*time.Second, "%v in %s", err, time.Since(probeStart))
	version, err := logicalpb.NewPluginVersionClient(pc.conn).Version(metadata.AppendToOutgoingContext(context.Background(), "multiplex_id", ""), &logicalpb.Empty{})
	report("register_version", err == nil && version.PluginVersion == *kv2Version, "got %q want %q %v", version.GetPluginVersion(), *kv2Version, err)
	stopKV2(client, "register_")
	checkHclogLines("register_", stderr.lines())
}

// kv2SealWrapStorage is the SpecialPaths seal-wrap list kv2Setup expects: the KV sample's, unless a
// scenario that shares the mount sequence with another sample says otherwise.
var kv2SealWrapStorage = "[versions/]"

func kv2Setup(pc *pluginConn, id string) *mount {
	m, err := setupMount(pc, id, true)
	report(id+"_setup", err == nil, "%v", err)
	if err != nil {
		return nil
	}
	c, cancel := m.ctx()
	defer cancel()
	typ, err := m.backend.Type(c, &pb.Empty{})
	report(id+"_type", err == nil && typ.Type == 1, "%v %v", typ, err)
	paths, err := m.backend.SpecialPaths(c, &pb.Empty{})
	report(id+"_special_paths", err == nil && paths.Paths != nil && fmt.Sprint(paths.Paths.SealWrapStorage) == kv2SealWrapStorage && len(paths.Paths.Unauthenticated) == 0, "%v %v", paths, err)
	init, err := m.backend.Initialize(c, &pb.InitializeArgs{})
	report(id+"_initialize", err == nil && init.Err == nil, "%v %v", init, err)
	return m
}

// nested walks decoded JSON: nested(d, "data", "password").
func nested(v interface{}, keys ...string) interface{} {
	for _, k := range keys {
		obj, ok := v.(map[string]interface{})
		if !ok {
			return nil
		}
		v = obj[k]
	}
	return v
}

func storedString(m *mount, key string) string {
	if e := m.storage.get(key); e != nil {
		return string(e.Value)
	}
	return ""
}

func storedKeys(m *mount, prefix string) []string {
	m.storage.mu.Lock()
	defer m.storage.mu.Unlock()
	var keys []string
	for k := range m.storage.entries {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

func okReply(reply *pb.HandleRequestReply, err error) bool {
	return err == nil && reply != nil && reply.Err == nil
}

func runKV2Mounts(pluginPath string) {
	stderr := &lineBuffer{}
	client, pc := startKV2(pluginPath, "", stderr)
	if client == nil {
		return
	}
	defer client.Kill()

	m1 := kv2Setup(pc, "m1")
	if m1 == nil {
		return
	}

	// config: no existence check on this path, so Vault sends update.
	op, reply, err := m1.write("config", map[string]interface{}{"max_versions": 5, "cas_required": false})
	report("config_update", okReply(reply, err) && op == "update" && reply.Response == nil &&
		storedString(m1, "config") == `{"max_versions":5,"cas_required":false}`, "%s %v %v stored=%s", op, reply, err, storedString(m1, "config"))
	reply, err = m1.request("read", "config", nil)
	d := jsonData(reply)
	report("config_read", okReply(reply, err) && d["max_versions"] == float64(5) && d["cas_required"] == false && d["delete_version_after"] == "0s", "%v %v", d, err)

	// Stored bytes are the data as received: Go sends map keys sorted.
	op, reply, err = m1.write("data/app/db", map[string]interface{}{"data": map[string]interface{}{"user": "app", "password": "s3cr3t-value"}})
	d = jsonData(reply)
	report("data_create", okReply(reply, err) && op == "create" && d["version"] == float64(1) && d["destroyed"] == false &&
		strings.HasPrefix(storedString(m1, "versions/app/db/1"), `{"data":{"password":"s3cr3t-value","user":"app"},"created_time":"`) &&
		strings.Contains(storedString(m1, "metadata/app/db"), `"current_version":1`), "%s %v %v stored=%s", op, d, err, storedString(m1, "versions/app/db/1"))

	op, reply, err = m1.write("data/app/db", map[string]interface{}{"options": map[string]interface{}{"cas": 1}, "data": map[string]interface{}{"user": "app", "password": "second"}})
	report("data_update_cas", okReply(reply, err) && op == "update" && jsonData(reply)["version"] == float64(2) &&
		strings.HasPrefix(storedString(m1, "versions/app/db/2"), `{"data":{"password":"second","user":"app"}`), "%s %v %v stored=%s", op, jsonData(reply), err, storedString(m1, "versions/app/db/2"))

	_, reply, err = m1.write("data/app/db", map[string]interface{}{"options": map[string]interface{}{"cas": 1}, "data": map[string]interface{}{"lost": true}})
	report("data_cas_mismatch_error_response", okReply(reply, err) && reply.Response != nil &&
		jsonData(reply)["error"] == "check-and-set parameter did not match the current version" && m1.storage.get("versions/app/db/3") == nil, "%v %v", reply, err)

	reply, err = m1.request("read", "data/app/db", nil)
	d = jsonData(reply)
	report("data_read_latest", okReply(reply, err) && nested(d, "data", "password") == "second" && nested(d, "metadata", "version") == float64(2), "%v %v", d, err)
	reply, err = m1.request("read", "data/app/db", map[string]interface{}{"version": "1"})
	d = jsonData(reply)
	report("data_read_version", okReply(reply, err) && nested(d, "data", "password") == "s3cr3t-value" && nested(d, "metadata", "version") == float64(1), "%v %v", d, err)

	reply, err = m1.request("patch", "data/app/db", map[string]interface{}{"data": map[string]interface{}{"note": "patched", "user": nil}})
	report("data_patch", okReply(reply, err) && jsonData(reply)["version"] == float64(3) &&
		strings.HasPrefix(storedString(m1, "versions/app/db/3"), `{"data":{"password":"second","note":"patched"}`), "%v %v stored=%s", jsonData(reply), err, storedString(m1, "versions/app/db/3"))
	reply, err = m1.request("read", "data/app/db", nil)
	d = jsonData(reply)
	report("data_read_after_patch", okReply(reply, err) && nested(d, "data", "note") == "patched" && nested(d, "data", "user") == nil && nested(d, "metadata", "version") == float64(3), "%v %v", d, err)

	reply, err = m1.request("create", "data/empty", map[string]interface{}{})
	report("data_no_data_error_response", okReply(reply, err) && jsonData(reply)["error"] == "no data provided", "%v %v", reply, err)

	m1.write("data/app/api", map[string]interface{}{"data": map[string]interface{}{"token": "t"}})
	m1.write("data/top", map[string]interface{}{"data": map[string]interface{}{"v": 1}})
	reply, err = m1.request("list", "metadata/", nil)
	report("metadata_list_folders", okReply(reply, err) && fmt.Sprint(jsonData(reply)["keys"]) == "[app/ top]", "%v %v", jsonData(reply), err)
	reply, err = m1.request("list", "metadata/app/", nil)
	report("metadata_list_folder", okReply(reply, err) && fmt.Sprint(jsonData(reply)["keys"]) == "[api db]", "%v %v", jsonData(reply), err)

	reply, err = m1.request("read", "metadata/app/db", nil)
	d = jsonData(reply)
	versions, _ := d["versions"].(map[string]interface{})
	report("metadata_read", okReply(reply, err) && d["current_version"] == float64(3) && d["oldest_version"] == float64(0) && len(versions) == 3, "%v %v", d, err)
	op, reply, err = m1.write("metadata/app/db", map[string]interface{}{"max_versions": 4, "custom_metadata": map[string]interface{}{"owner": "team-a"}})
	report("metadata_update", okReply(reply, err) && op == "update" && strings.Contains(storedString(m1, "metadata/app/db"), `"max_versions":4`) &&
		strings.Contains(storedString(m1, "metadata/app/db"), `"custom_metadata":{"owner":"team-a"}`), "%s %v %v stored=%s", op, reply, err, storedString(m1, "metadata/app/db"))
	reply, err = m1.request("read", "metadata/app/db", nil)
	d = jsonData(reply)
	report("metadata_read_after_update", okReply(reply, err) && d["max_versions"] == float64(4) && nested(d, "custom_metadata", "owner") == "team-a", "%v %v", d, err)

	// Deleted versions read as 404 with their metadata: a raw response carrying the status.
	reply, err = m1.request("delete", "data/app/db", nil)
	deleted, _ := m1.request("read", "data/app/db", nil)
	report("data_delete_latest", okReply(reply, err) && reply.Response == nil && jsonData(deleted)["http_status_code"] == float64(404), "%v %v then %v", reply, err, jsonData(deleted))
	_, reply, err = m1.write("delete/app/db", map[string]interface{}{"versions": []int{2}})
	deleted, _ = m1.request("read", "data/app/db", map[string]interface{}{"version": "2"})
	report("delete_versions", okReply(reply, err) && jsonData(deleted)["http_status_code"] == float64(404) && m1.storage.get("versions/app/db/2") != nil, "%v %v then %v", reply, err, jsonData(deleted))
	_, reply, err = m1.write("undelete/app/db", map[string]interface{}{"versions": []int{2, 3}})
	undeleted, _ := m1.request("read", "data/app/db", map[string]interface{}{"version": "2"})
	report("undelete_versions", okReply(reply, err) && nested(jsonData(undeleted), "data", "password") == "second", "%v %v then %v", reply, err, jsonData(undeleted))
	_, reply, err = m1.write("destroy/app/db", map[string]interface{}{"versions": []int{1}})
	meta, _ := m1.request("read", "metadata/app/db", nil)
	report("destroy_versions", okReply(reply, err) && m1.storage.get("versions/app/db/1") == nil && m1.storage.get("versions/app/db/2") != nil &&
		nested(jsonData(meta), "versions", "1", "destroyed") == true, "%v %v then %v", reply, err, jsonData(meta))

	reply, err = m1.request("help", "data/app/db", nil)
	help, _ := jsonData(reply)["help"].(string)
	report("help", okReply(reply, err) && help != "", "%d chars %v", len(help), err)

	reply, err = m1.request("read", "nope/x", nil)
	report("unsupported_path", err == nil && reply.Err != nil && reply.Err.ErrType == 6, "%v %v", reply, err)
	reply, err = m1.request("delete", "config", nil)
	report("unsupported_operation", err == nil && reply.Err != nil && reply.Err.ErrType == 5, "%v %v", reply, err)

	big := strings.Repeat("x", 4<<20)
	_, reply, err = m1.write("data/big", map[string]interface{}{"data": map[string]interface{}{"blob": big}})
	report("large_request_4mib", okReply(reply, err) && len(storedString(m1, "versions/big/1")) > 4<<20, "%v %v", err, reply.GetErr())
	reply, err = m1.request("read", "data/big", nil)
	report("large_response_4mib", okReply(reply, err) && nested(jsonData(reply), "data", "blob") == big, "%v %v", err, reply.GetErr())

	// A second mount in the same process: its own backend instance and its own storage.
	m2 := kv2Setup(pc, "m2")
	if m2 != nil {
		op, reply, err = m2.write("data/app/db", map[string]interface{}{"data": map[string]interface{}{"password": "m2-only"}})
		r1, _ := m1.request("read", "data/app/db", nil)
		report("multiplex_separate_storage", okReply(reply, err) && op == "create" && jsonData(reply)["version"] == float64(1) &&
			strings.Contains(storedString(m2, "versions/app/db/1"), "m2-only") && !strings.Contains(storedString(m1, "versions/app/db/4"), "m2-only") &&
			nested(jsonData(r1), "data", "password") == "second", "%s %v %v; m1 reads %v", op, reply, err, jsonData(r1))
	}

	reply, err = m1.request("delete", "metadata/app/db", nil)
	report("metadata_delete", okReply(reply, err) && len(storedKeys(m1, "metadata/app/db")) == 0 && len(storedKeys(m1, "versions/app/db/")) == 0 &&
		len(storedKeys(m1, "versions/app/api/")) == 1, "%v %v left=%v", reply, err, storedKeys(m1, "versions/app/"))
	if m2 != nil {
		report("multiplex_delete_isolated", m2.storage.get("metadata/app/db") != nil, "")
	}

	c, cancel := m1.ctx()
	_, err = m1.backend.InvalidateKey(c, &pb.InvalidateKeyArgs{Key: "metadata/app/api"})
	cancel()
	reply, rerr := m1.request("read", "data/app/api", nil)
	report("invalidate_key", err == nil && okReply(reply, rerr) && nested(jsonData(reply), "data", "token") == "t", "%v %v", err, rerr)

	for _, m := range []*mount{m1, m2} {
		if m == nil {
			continue
		}
		c, cancel := m.ctx()
		_, err = m.backend.Cleanup(c, &pb.Empty{})
		_, typeErr := m.backend.Type(c, &pb.Empty{})
		cancel()
		report(m.id+"_cleanup", err == nil && typeErr != nil, "%v; after cleanup: %v", err, typeErr)
	}

	stopKV2(client, "")
	checkHclogLines("", stderr.lines())
}
