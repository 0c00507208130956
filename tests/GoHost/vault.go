package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"

	logicalpb "vaultpathgen/gohost/proto/logical"
	"vaultpathgen/gohost/proto/pb"
	mpb "vaultpathgen/gohost/proto/pluginutil"
)

// Vault's handshake for backend plugins.
var handshake = plugin.HandshakeConfig{
	MagicCookieKey:   "VAULT_BACKEND_PLUGIN",
	MagicCookieValue: "6669da05-b1c8-4f49-97d9-c8e5bed98e20",
}

// backendPlugin hands out the raw connection and broker, like Vault's GRPCBackendPlugin.
type backendPlugin struct {
	plugin.NetRPCUnsupportedPlugin
}

type pluginConn struct {
	broker *plugin.GRPCBroker
	conn   *grpc.ClientConn
}

func (backendPlugin) GRPCServer(*plugin.GRPCBroker, *grpc.Server) error { return nil }

func (backendPlugin) GRPCClient(_ context.Context, b *plugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	return &pluginConn{broker: b, conn: c}, nil
}

// lineBuffer collects the plugin's raw stderr, line by line.
type lineBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lineBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lineBuffer) lines() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(l.buf.Bytes()))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			out = append(out, sc.Text())
		}
	}
	return out
}

func newClient(pluginPath string, stderr io.Writer, extraEnv ...string) *plugin.Client {
	return newClientFor(exec.Command(pluginPath), stderr, extraEnv...)
}

func newClientFor(cmd *exec.Cmd, stderr io.Writer, extraEnv ...string) *plugin.Client {
	cmd.Env = append(append(os.Environ(), extraEnv...),
		"VAULT_VERSION=1.15.0",
		"VAULT_PLUGIN_AUTOMTLS_ENABLED=true",
		"VAULT_PLUGIN_METADATA_MODE=false",
		"VAULT_PLUGIN_MLOCK_ENABLED=false",
	)
	return plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  handshake,
		VersionedPlugins: map[int]plugin.PluginSet{5: {"backend": backendPlugin{}}},
		Cmd:              cmd,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         true,
		Stderr:           stderr,
		Logger:           hclog.New(&hclog.LoggerOptions{Output: io.Discard, Level: hclog.Error}),
	})
}

// mount is one Vault mount multiplexed over the plugin process.
type mount struct {
	id      string
	backend pb.BackendClient
	storage *memStorage
}

func (m *mount) ctx() (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	return metadata.AppendToOutgoingContext(ctx, "multiplex_id", m.id), cancel
}

func (m *mount) request(op, path string, data interface{}) (*pb.HandleRequestReply, error) {
	raw := "null"
	if data != nil {
		b, _ := json.Marshal(data)
		raw = string(b)
	}
	ctx, cancel := m.ctx()
	defer cancel()
	return m.backend.HandleRequest(ctx, &pb.HandleRequestArgs{Request: &pb.Request{
		Id: "req-" + path, Operation: op, Path: path, Data: raw, MountPoint: "kv-" + m.id + "/", MountType: "kv-test",
		Headers: map[string]*pb.Header{"X-Test": {Header: []string{"a"}}},
	}})
}

// write is what Vault does for a POST: the existence check picks create or update.
func (m *mount) write(path string, data interface{}) (string, *pb.HandleRequestReply, error) {
	ex, err := m.exists(path)
	if err != nil {
		return "", nil, err
	}
	op := "update"
	if ex.CheckFound && !ex.Exists {
		op = "create"
	}
	reply, err := m.request(op, path, data)
	return op, reply, err
}

func (m *mount) call(req *pb.Request) (*pb.HandleRequestReply, error) {
	ctx, cancel := m.ctx()
	defer cancel()
	if req.Data == "" {
		req.Data = "null"
	}
	return m.backend.HandleRequest(ctx, &pb.HandleRequestArgs{Request: req})
}

func (m *mount) exists(path string) (*pb.HandleExistenceCheckReply, error) {
	ctx, cancel := m.ctx()
	defer cancel()
	return m.backend.HandleExistenceCheck(ctx, &pb.HandleExistenceCheckArgs{Request: &pb.Request{Operation: "create", Path: path, Data: "null"}})
}

// setupMount runs Vault's mount sequence: broker listener with Storage and SystemView, Setup, Type,
// SpecialPaths, Initialize.
func setupMount(pc *pluginConn, id string, withStorage bool) (*mount, error) {
	return setupMountAnnouncing(pc, id, withStorage, 0)
}

// setupMountAnnouncing announces the broker listener before Setup (delay 0: and waits a moment so
// it surely arrives first) or that long after Setup was sent.
func setupMountAnnouncing(pc *pluginConn, id string, withStorage bool, delay time.Duration) (*mount, error) {
	m := &mount{id: id, backend: pb.NewBackendClient(pc.conn), storage: newMemStorage()}
	brokerID := pc.broker.NextId()
	if withStorage {
		go func() {
			time.Sleep(delay)
			pc.broker.AcceptAndServe(brokerID, func(opts []grpc.ServerOption) *grpc.Server {
				// Vault lifts gRPC's 4 MiB default on its brokered server, as here.
				opts = append(opts, grpc.MaxRecvMsgSize(math.MaxInt32), grpc.MaxSendMsgSize(math.MaxInt32))
				s := grpc.NewServer(opts...)
				pb.RegisterStorageServer(s, m.storage)
				pb.RegisterSystemViewServer(s, &sysView{})
				return s
			})
		}()
		if delay == 0 {
			time.Sleep(100 * time.Millisecond)
		}
	}
	config := map[string]string{}
	uuid := ""
	if withStorage {
		config = map[string]string{"plugin_name": "kv-test", "plugin_type": "secret", "plugin_version": "v0.1.0", "mount_option": id}
		uuid = "uuid-" + id
	}
	ctx, cancel := m.ctx()
	defer cancel()
	reply, err := m.backend.Setup(ctx, &pb.SetupArgs{BrokerId: brokerID, Config: config, BackendUUID: uuid})
	if err != nil {
		return nil, err
	}
	if reply.Err != "" {
		return nil, fmt.Errorf("setup: %s", reply.Err)
	}
	return m, nil
}

func jsonData(reply *pb.HandleRequestReply) map[string]interface{} {
	if reply == nil || reply.Response == nil {
		return nil
	}
	var out map[string]interface{}
	if err := json.Unmarshal([]byte(reply.Response.Data), &out); err != nil {
		return map[string]interface{}{"__invalid_json__": reply.Response.Data}
	}
	return out
}

func runVaultSequence(pluginPath string) {
	stderr := &lineBuffer{}
	client := newClient(pluginPath, stderr)
	defer client.Kill()

	startAt := time.Now()
	rpc, err := client.Client()
	if err != nil {
		report("handshake", false, "%v", err)
		return
	}
	report("handshake", client.NegotiatedVersion() == 5 && client.Protocol() == plugin.ProtocolGRPC,
		"version %d protocol %s in %s", client.NegotiatedVersion(), client.Protocol(), time.Since(startAt))
	addr := client.ReattachConfig().Addr
	report("unix_socket", addr.Network() == "unix", "%s %s", addr.Network(), addr.String())

	report("health", rpc.Ping() == nil, "ping")
	raw, err := rpc.Dispense("backend")
	if err != nil {
		report("dispense", false, "%v", err)
		return
	}
	pc := raw.(*pluginConn)

	// Registration probe: multiplexing, Setup with no storage behind the broker, Version.
	mux, err := mpb.NewPluginMultiplexingClient(pc.conn).MultiplexingSupport(context.Background(), &mpb.MultiplexingSupportRequest{})
	report("multiplexing_support", err == nil && mux.Supported, "%v %v", mux, err)
	probeStart := time.Now()
	probe, err := setupMount(pc, "probe", false)
	report("setup_without_storage", err == nil && time.Since(probeStart) < 2*time.Second, "%v in %s", err, time.Since(probeStart))
	ctx := metadata.AppendToOutgoingContext(context.Background(), "multiplex_id", "probe")
	version, err := logicalpb.NewPluginVersionClient(pc.conn).Version(ctx, &logicalpb.Empty{})
	report("version", err == nil && version.PluginVersion == "v0.1.0", "%v %v", version, err)
	if probe != nil {
		c, cancel := probe.ctx()
		_, err = probe.backend.Cleanup(c, &pb.Empty{})
		cancel()
		report("cleanup_probe", err == nil, "%v", err)
	}

	m1, err := setupMount(pc, "m1", true)
	report("setup", err == nil, "%v", err)
	if err != nil {
		return
	}
	c, cancel := m1.ctx()
	typ, err := m1.backend.Type(c, &pb.Empty{})
	report("type", err == nil && typ.Type == 1, "%v %v", typ, err)
	paths, err := m1.backend.SpecialPaths(c, &pb.Empty{})
	report("special_paths", err == nil && paths.Paths != nil && fmt.Sprint(paths.Paths.Root) == "[root/*]" &&
		fmt.Sprint(paths.Paths.Unauthenticated) == "[public/*]" && fmt.Sprint(paths.Paths.SealWrapStorage) == "[kv/sealed]", "%v %v", paths, err)
	init, err := m1.backend.Initialize(c, &pb.InitializeArgs{})
	report("initialize", err == nil && init.Err == nil, "%v %v", init, err)
	cancel()

	reply, err := m1.request("read", "info", nil)
	info := jsonData(reply)
	report("setup_config", err == nil && info["backend_uuid"] == "uuid-m1" && fmt.Sprint(info["config"]) == "map[mount_option:m1 plugin_name:kv-test plugin_type:secret plugin_version:v0.1.0]" &&
		info["mount_point"] == "kv-m1/" && info["setup_read"] == true, "%v %v", info, err)
	report("system_view", err == nil && info["default_lease_ttl_seconds"] == float64(768*3600) && info["max_lease_ttl_seconds"] == float64(24*3600) &&
		info["vault_version"] == "1.15.0", "%v", info)

	ex, err := m1.exists("kv/foo")
	report("existence_check_missing", err == nil && ex.CheckFound && !ex.Exists && ex.Err == nil, "%v %v", ex, err)

	op, reply, err := m1.write("kv/foo", map[string]interface{}{"value": "bar", "password": "s3cr3t-value"})
	stored := m1.storage.get("kv/foo")
	report("create", err == nil && op == "create" && reply.Err == nil && jsonData(reply)["created"] == true && stored != nil &&
		string(stored.Value) == `{"password":"s3cr3t-value","value":"bar"}`, "%v %v stored=%v", reply, err, stored)

	ex, err = m1.exists("kv/foo")
	report("existence_check_found", err == nil && ex.CheckFound && ex.Exists, "%v %v", ex, err)

	reply, err = m1.request("read", "kv/foo", nil)
	report("read", err == nil && reply.Err == nil && jsonData(reply)["value"] == "bar" && fmt.Sprint(reply.Response.Warnings) == "[read from test plugin]",
		"%v %v", reply, err)

	op, reply, err = m1.write("kv/foo", map[string]interface{}{"value": "baz"})
	stored = m1.storage.get("kv/foo")
	report("update_no_response", err == nil && op == "update" && reply.Err == nil && reply.Response == nil && stored != nil && string(stored.Value) == `{"value":"baz"}`,
		"%v %v", reply, err)

	reply, err = m1.request("create", "kv/sealed", map[string]interface{}{"value": 1})
	stored = m1.storage.get("kv/sealed")
	report("seal_wrap", err == nil && reply.Err == nil && stored != nil && stored.SealWrap, "%v %v %v", reply, err, stored)

	reply, err = m1.request("list", "kv/", nil)
	report("list", err == nil && reply.Err == nil && fmt.Sprint(jsonData(reply)["keys"]) == "[foo sealed]", "%v %v", reply, err)

	reply, err = m1.request("delete", "kv/foo", nil)
	report("delete", err == nil && reply.Err == nil && m1.storage.get("kv/foo") == nil, "%v %v", reply, err)

	reply, err = m1.request("read", "kv/foo", nil)
	report("read_missing", err == nil && reply.Err == nil && reply.Response == nil, "%v %v", reply, err)

	reply, err = m1.request("create", "kv/empty", nil)
	report("null_data_error_response", err == nil && reply.Err == nil && jsonData(reply)["error"] == "no data provided", "%v %v", reply, err)

	reply, err = m1.request("read", "fail/error-response", nil)
	report("error_response", err == nil && reply.Err == nil && reply.Response != nil && reply.Response.Data == `{"error":"this is an error response"}`, "%v %v", reply, err)

	reply, err = m1.request("read", "nope", nil)
	report("unsupported_path", err == nil && reply.Err != nil && reply.Err.ErrType == 6, "%v %v", reply, err)

	reply, err = m1.request("frobnicate", "kv/foo", nil)
	report("unsupported_operation", err == nil && reply.Err != nil && reply.Err.ErrType == 5, "%v %v", reply, err)

	reply, err = m1.request("read", "fail/logical", nil)
	report("coded_error", err == nil && reply.Err != nil && reply.Err.ErrType == 3 && reply.Err.ErrCode == 418 && reply.Err.ErrMsg == "i'm a teapot", "%v %v", reply, err)

	reply, err = m1.request("read", "fail/crash", nil)
	report("handler_exception", err == nil && reply.Err != nil && reply.Err.ErrType == 2, "%v %v", reply, err)
	reply, err = m1.request("read", "info", nil)
	report("alive_after_exception", err == nil && reply.Err == nil, "%v", err)

	checkLeasesAndAuth(m1)
	checkResponseWrapping(m1)

	big := strings.Repeat("x", 4<<20)
	reply, err = m1.request("create", "kv/big", map[string]interface{}{"value": big})
	stored = m1.storage.get("kv/big")
	report("large_request_4mib", err == nil && reply.Err == nil && stored != nil && len(stored.Value) > 4<<20, "%v %v", err, reply.GetErr())
	reply, err = m1.request("read", "kv/big", nil)
	report("large_response_4mib", err == nil && reply.Err == nil && jsonData(reply)["value"] == big, "%v %v", err, reply.GetErr())

	var wg sync.WaitGroup
	errs := make(chan error, 64)
	concurrentStart := time.Now()
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			key := fmt.Sprintf("kv/c%02d", i)
			r, err := m1.request("create", key, map[string]interface{}{"i": i})
			if err == nil && r.Err != nil {
				err = fmt.Errorf("%v", r.Err)
			}
			if err == nil {
				r, err = m1.request("read", key, nil)
				if err == nil && fmt.Sprint(jsonData(r)["i"]) != fmt.Sprint(i) {
					err = fmt.Errorf("read %s: %v", key, r)
				}
			}
			if err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	var firstErr error
	for e := range errs {
		if firstErr == nil {
			firstErr = e
		}
	}
	report("concurrent_requests", firstErr == nil, "%v in %s", firstErr, time.Since(concurrentStart))

	c, cancel = m1.ctx()
	_, err = m1.backend.InvalidateKey(c, &pb.InvalidateKeyArgs{Key: "kv/foo"})
	cancel()
	reply, _ = m1.request("read", "info", nil)
	report("invalidate_key", err == nil && fmt.Sprint(jsonData(reply)["invalidated"]) == "[kv/foo]", "%v %v", err, jsonData(reply))

	// A second mount multiplexed in the same process, with its own storage.
	m2, err := setupMount(pc, "m2", true)
	report("multiplex_setup_second_mount", err == nil, "%v", err)
	if m2 != nil {
		reply, err = m2.request("create", "kv/only-m2", map[string]interface{}{"v": 2})
		r1, _ := m1.request("read", "kv/only-m2", nil)
		info2 := jsonData(mustReply(m2.request("read", "info", nil)))
		report("multiplex_separate_storage", err == nil && reply.Err == nil && m2.storage.get("kv/only-m2") != nil && m1.storage.get("kv/only-m2") == nil &&
			r1 != nil && r1.Response == nil && info2["backend_uuid"] == "uuid-m2", "%v %v %v", reply, err, info2)
	}

	late, err := setupMountAnnouncing(pc, "late", true, 400*time.Millisecond)
	if err == nil {
		var r *pb.HandleRequestReply
		r, err = late.request("read", "info", nil)
		if err == nil && jsonData(r)["setup_read"] != true {
			err = fmt.Errorf("setup did not read storage: %v", jsonData(r))
		}
		c, cancel := late.ctx()
		late.backend.Cleanup(c, &pb.Empty{})
		cancel()
	}
	report("broker_announced_after_setup", err == nil, "%v", err)

	report("wrong_client_certificate_refused", refusesWrongCert(addr), "%s", addr)
	report("no_client_certificate_refused", refusesNoCert(addr), "%s", addr)
	reply, err = m1.request("read", "info", nil)
	report("alive_after_refusals", err == nil && reply.Err == nil, "%v", err)

	for _, m := range []*mount{m1, m2} {
		if m == nil {
			continue
		}
		c, cancel := m.ctx()
		_, err = m.backend.Cleanup(c, &pb.Empty{})
		_, typeErr := m.backend.Type(c, &pb.Empty{})
		cancel()
		report("cleanup_"+m.id, err == nil && typeErr != nil, "%v; after cleanup: %v", err, typeErr)
	}

	pid := client.ReattachConfig().Pid
	killStart := time.Now()
	client.Kill()
	elapsed := time.Since(killStart)
	_, socketErr := os.Stat(addr.String())
	report("shutdown_exit_within_2s", elapsed < 2*time.Second && !processAlive(pid), "exited in %s", elapsed)
	report("shutdown_socket_removed", os.IsNotExist(socketErr), "%v", socketErr)

	checkStderr(stderr.lines())
}

func mustReply(r *pb.HandleRequestReply, _ error) *pb.HandleRequestReply { return r }

var timestampPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$`)

// checkStderr: every line hclog JSON that go-plugin parses; no request data in any of them.
func checkStderr(lines []string) {
	joined := checkHclogLines("", lines)
	report("stderr_logs_handler_exception", strings.Contains(joined, "fail/crash"), "")
}

// checkHclogLines reports the checks every plugin's stderr must pass and returns it joined.
func checkHclogLines(prefix string, lines []string) string {
	bad := ""
	for _, line := range lines {
		var entry map[string]interface{}
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			bad = "not JSON: " + line
			break
		}
		level, okLevel := entry["@level"].(string)
		_, okMessage := entry["@message"].(string)
		ts, okTs := entry["@timestamp"].(string)
		if !okLevel || !okMessage || !okTs || !timestampPattern.MatchString(ts) || hclog.LevelFromString(level) == hclog.NoLevel {
			bad = "bad hclog line: " + line
			break
		}
		if _, err := time.Parse("2006-01-02T15:04:05.000000Z07:00", ts); err != nil {
			bad = "bad timestamp: " + line
			break
		}
	}
	report(prefix+"stderr_hclog_json", bad == "" && len(lines) > 0, "%d lines %s", len(lines), bad)
	joined := strings.Join(lines, "\n")
	report(prefix+"stderr_no_secrets", !strings.Contains(joined, "s3cr3t-value"), "")
	return joined
}

func selfSignedCert() tls.Certificate {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(42), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		NotBefore: time.Now().Add(-time.Minute), NotAfter: time.Now().Add(time.Hour),
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth, x509.ExtKeyUsageServerAuth},
		KeyUsage:    x509.KeyUsageDigitalSignature, BasicConstraintsValid: true, IsCA: true,
	}
	der, _ := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func healthOver(addr net.Addr, config *tls.Config) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	conn, err := grpc.DialContext(ctx, "unused", grpc.WithBlock(),
		grpc.WithTransportCredentials(credentials.NewTLS(config)),
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, addr.Network(), addr.String())
		}))
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{Service: "plugin"})
	return err
}

func refusesWrongCert(addr net.Addr) bool {
	return healthOver(addr, &tls.Config{Certificates: []tls.Certificate{selfSignedCert()}, InsecureSkipVerify: true, ServerName: "localhost"}) != nil
}

func refusesNoCert(addr net.Addr) bool {
	return healthOver(addr, &tls.Config{InsecureSkipVerify: true, ServerName: "localhost"}) != nil
}

func processAlive(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(stat)
	i := strings.LastIndex(s, ")")
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// runTCPFallback: where no unix socket can be made, the plugin listens on 127.0.0.1 in the port range.
func runTCPFallback(pluginPath string) {
	client := newClient(pluginPath, io.Discard, "PLUGIN_UNIX_SOCKET_DIR=/nonexistent/vaultpathgen")
	defer client.Kill()
	rpc, err := client.Client()
	if err != nil {
		report("tcp_fallback", false, "%v", err)
		return
	}
	addr := client.ReattachConfig().Addr
	tcp, isTCP := addr.(*net.TCPAddr)
	ok := isTCP && tcp.IP.IsLoopback() && tcp.Port >= 10000 && tcp.Port <= 25000
	raw, err := rpc.Dispense("backend")
	if err == nil {
		var m *mount
		m, err = setupMount(raw.(*pluginConn), "tcp", true)
		if err == nil {
			var reply *pb.HandleRequestReply
			reply, err = m.request("create", "kv/over-tcp", map[string]interface{}{"v": 1})
			ok = ok && err == nil && reply.Err == nil && m.storage.get("kv/over-tcp") != nil
		}
	}
	report("tcp_fallback", ok && err == nil, "%s %s %v", addr.Network(), addr, err)
}

// checkLeasesAndAuth: secrets and auth cross the wire with durations in ns, timestamps set and
// internal data kept; renew and revoke carry the secret back; rollback is answered.
func checkLeasesAndAuth(m *mount) {
	reply, err := m.request("read", "creds/alice", nil)
	var secret *pb.Secret
	if err == nil && reply.Response != nil {
		secret = reply.Response.Secret
	}
	internal := map[string]interface{}{}
	if secret != nil {
		json.Unmarshal([]byte(secret.InternalData), &internal)
	}
	report("secret_lease", err == nil && reply.Err == nil && secret != nil && secret.LeaseOptions != nil &&
		secret.LeaseOptions.TTL == int64(time.Hour) && secret.LeaseOptions.MaxTTL == int64(2*time.Hour) && secret.LeaseOptions.Renewable &&
		secret.LeaseOptions.IssueTime != nil && secret.LeaseOptions.IssueTime.Seconds > 0 && internal["secret_type"] == "creds" &&
		jsonData(reply)["username"] == "alice", "%v %v", reply, err)
	if secret == nil {
		return
	}

	secret.LeaseId = "creds/alice/lease-1"
	secret.LeaseOptions.Increment = int64(20 * time.Minute)
	reply, err = m.call(&pb.Request{Operation: "renew", Path: "creds/alice", Secret: secret})
	renewed := map[string]interface{}{}
	if err == nil && reply.Response != nil && reply.Response.Secret != nil {
		json.Unmarshal([]byte(reply.Response.Secret.InternalData), &renewed)
	}
	report("renew_carries_secret", err == nil && reply.Err == nil && reply.Response != nil && reply.Response.Secret != nil &&
		reply.Response.Secret.LeaseOptions.TTL == int64(20*time.Minute) && renewed["username"] == "alice", "%v %v", reply, err)

	reply, err = m.call(&pb.Request{Operation: "revoke", Path: "creds/alice", Secret: secret})
	report("revoke", err == nil && reply.Err == nil && reply.Response == nil, "%v %v", reply, err)

	reply, err = m.call(&pb.Request{Operation: "rollback", Path: ""})
	report("rollback", err == nil && reply.Err == nil, "%v %v", reply, err)

	reply, err = m.request("update", "login", map[string]interface{}{"user": "bob"})
	var auth *pb.Auth
	if err == nil && reply.Response != nil {
		auth = reply.Response.Auth
	}
	report("auth_response", err == nil && reply.Err == nil && auth != nil && auth.DisplayName == "bob" &&
		fmt.Sprint(auth.Policies) == "[default kv-reader]" && auth.Metadata["user"] == "bob" &&
		auth.LeaseOptions.TTL == int64(10*time.Minute) && auth.LeaseOptions.IssueTime != nil && auth.Period == int64(5*time.Minute) &&
		auth.NumUses == 3 && fmt.Sprint(auth.BoundCidrs) == "[127.0.0.1/32]" && auth.InternalData == `{"user":"bob"}`, "%v %v", reply, err)
}
