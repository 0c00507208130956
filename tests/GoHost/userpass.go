package main

// The userpass scenario: Vault driving the Userpass sample (samples/Userpass) as an auth method:
// Type credential, login/* unauthenticated in SpecialPaths, users managed with a token, alias
// lookahead and login as Vault's core sends them, and token renewals carrying the Auth.

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/golang/protobuf/ptypes"

	"vaultpathgen/gohost/proto/pb"
)

// loginRequest is what Vault's core sends for an unauthenticated login (no token) or its lookahead.
func (m *mount) loginRequest(op, path string, data interface{}) (*pb.HandleRequestReply, error) {
	return m.call(&pb.Request{
		Id: "login-" + op, Operation: op, Path: path, Data: marshal(data), MountPoint: "auth/userpass/", MountType: "userpass-dotnet",
		Unauthenticated: true, Connection: &pb.Connection{RemoteAddr: "127.0.0.1", RemotePort: 40000},
	})
}

// renewAuth is Vault's token renewal: the stored Auth with its issue time and the client's increment.
func (m *mount) renewAuth(auth *pb.Auth, issued time.Time, increment time.Duration) (*pb.HandleRequestReply, error) {
	issueTime, _ := ptypes.TimestampProto(issued)
	renewal := *auth
	lease := *auth.LeaseOptions
	lease.IssueTime = issueTime
	lease.Increment = int64(increment)
	renewal.LeaseOptions = &lease
	return m.call(&pb.Request{Id: "renew", Operation: "renew", Path: "login/alice", Data: "null", Auth: &renewal, ClientToken: "hvs.client"})
}

func marshal(data interface{}) string {
	if data == nil {
		return "null"
	}
	b, _ := json.Marshal(data)
	return string(b)
}

func runUserpass(pluginPath string) {
	stderr := &lineBuffer{}
	client, pc := startKV2(pluginPath, "", stderr)
	if client == nil {
		return
	}
	defer client.Kill()

	m, err := setupMount(pc, "u1", true)
	report("setup", err == nil, "%v", err)
	if err != nil {
		return
	}
	c, cancel := m.ctx()
	typ, err := m.backend.Type(c, &pb.Empty{})
	report("type_credential", err == nil && typ.Type == 2, "%v %v", typ, err)
	paths, err := m.backend.SpecialPaths(c, &pb.Empty{})
	report("special_paths_unauthenticated", err == nil && paths.Paths != nil && len(paths.Paths.Unauthenticated) == 1 &&
		paths.Paths.Unauthenticated[0] == "login/*" && len(paths.Paths.Root) == 0, "%v %v", paths, err)
	init, err := m.backend.Initialize(c, &pb.InitializeArgs{})
	cancel()
	report("initialize", err == nil && init.Err == nil, "%v %v", init, err)

	op, reply, err := m.write("users/alice", map[string]interface{}{"password": "s3cr3t-value", "token_policies": "dev", "token_ttl": "30m", "token_max_ttl": "1h"})
	stored := storedString(m, "user/alice")
	report("user_create", okReply(reply, err) && op == "create" && reply.Response == nil &&
		len(stored) > 0 && !strings.Contains(stored, "s3cr3t-value") && strings.Contains(stored, `"PasswordHash":"pbkdf2-sha256$`), "%s %v %v stored=%s", op, reply, err, stored)
	reply, err = m.request("read", "users/alice", nil)
	d := jsonData(reply)
	report("user_read", okReply(reply, err) && fmt.Sprint(d["token_policies"]) == "[dev]" && d["token_ttl"] == float64(1800) && d["password"] == nil, "%v %v", d, err)
	reply, err = m.request("list", "users/", nil)
	report("user_list", okReply(reply, err) && fmt.Sprint(jsonData(reply)["keys"]) == "[alice]", "%v %v", jsonData(reply), err)

	reply, err = m.loginRequest("alias-lookahead", "login/alice", map[string]interface{}{"password": "s3cr3t-value"})
	report("alias_lookahead", okReply(reply, err) && reply.Response != nil && reply.Response.Auth != nil &&
		reply.Response.Auth.Alias != nil && reply.Response.Auth.Alias.Name == "alice", "%v %v", reply, err)

	reply, err = m.loginRequest("update", "login/alice", map[string]interface{}{"password": "s3cr3t-value"})
	var auth *pb.Auth
	if okReply(reply, err) && reply.Response != nil {
		auth = reply.Response.Auth
	}
	report("login_auth", auth != nil && auth.DisplayName == "alice" && fmt.Sprint(auth.Policies) == "[dev]" && fmt.Sprint(auth.TokenPolicies) == "[dev]" &&
		auth.Metadata["username"] == "alice" && auth.Alias != nil && auth.Alias.Name == "alice" && auth.LeaseOptions != nil &&
		auth.LeaseOptions.TTL == int64(30*time.Minute) && auth.LeaseOptions.MaxTTL == int64(time.Hour) && auth.LeaseOptions.Renewable, "%v %v", reply, err)

	reply, err = m.loginRequest("update", "login/alice", map[string]interface{}{"password": "wrong"})
	report("login_wrong_password_error_response", okReply(reply, err) && reply.Response != nil && reply.Response.Auth == nil &&
		jsonData(reply)["error"] == "invalid username or password", "%v %v", reply, err)

	if auth != nil {
		reply, err = m.renewAuth(auth, time.Now().Add(-10*time.Minute), 0)
		report("auth_renew", okReply(reply, err) && reply.Response != nil && reply.Response.Auth != nil &&
			reply.Response.Auth.LeaseOptions.TTL == int64(30*time.Minute) && reply.Response.Auth.Metadata["username"] == "alice", "%v %v", reply, err)
		reply, err = m.renewAuth(auth, time.Now().Add(-50*time.Minute), time.Hour)
		ttl := int64(0)
		if okReply(reply, err) && reply.Response != nil && reply.Response.Auth != nil {
			ttl = reply.Response.Auth.LeaseOptions.TTL
		}
		report("auth_renew_within_max_ttl", ttl > int64(9*time.Minute) && ttl <= int64(10*time.Minute) &&
			len(reply.Response.Warnings) == 1 && strings.Contains(reply.Response.Warnings[0], "TTL value is capped accordingly"), "ttl %s %v %v", time.Duration(ttl), reply, err)

		op, reply, err := m.write("users/alice/policies", map[string]interface{}{"token_policies": "admin,dev"})
		report("user_policies_update", okReply(reply, err) && op == "update" && reply.Response == nil &&
			strings.Contains(storedString(m, "user/alice"), `"TokenPolicies":["admin","dev"]`), "%s %v %v %s", op, reply, err, storedString(m, "user/alice"))
		reply, err = m.renewAuth(auth, time.Now(), 0)
		report("auth_renew_refused_policies_changed", err == nil && reply.Err != nil && reply.Err.ErrMsg == "policies have changed, not renewing", "%v %v", reply, err)
	}

	reply, err = m.request("renew", "login/alice", nil)
	report("renew_without_auth_or_secret", err == nil && reply.Err != nil, "%v %v", reply, err)

	_, reply, err = m.write("users/alice/password", map[string]interface{}{"password": "new-pass"})
	login, lerr := m.loginRequest("update", "login/alice", map[string]interface{}{"password": "new-pass"})
	report("password_update", okReply(reply, err) && okReply(login, lerr) && login.Response != nil && login.Response.Auth != nil, "%v %v then %v %v", reply, err, login, lerr)

	reply, err = m.request("delete", "users/alice", nil)
	login, lerr = m.loginRequest("update", "login/alice", map[string]interface{}{"password": "new-pass"})
	report("user_delete", okReply(reply, err) && m.storage.get("user/alice") == nil && okReply(login, lerr) &&
		jsonData(login)["error"] == "invalid username or password", "%v %v then %v", reply, err, login)

	c, cancel = m.ctx()
	_, err = m.backend.Cleanup(c, &pb.Empty{})
	cancel()
	report("cleanup", err == nil, "%v", err)
	stopKV2(client, "")
	checkHclogLines("", stderr.lines())
}
