package main

// The template-auth scenario: Vault driving a plugin made by `dotnet new vault-auth` (templates/),
// built from the VaultPathGen package, as a credential backend: registration with its version,
// then one mount (auth/…) through config, users/<username> (existence check), users/ (list), the
// unauthenticated login with its alias lookahead, and token renewals carrying the login's Auth.

import (
	"fmt"
	"strings"
	"time"

	"vaultpathgen/gohost/proto/pb"
)

func runTemplateAuth(pluginPath string) {
	runKV2Registration(pluginPath)

	stderr := &lineBuffer{}
	client, pc := startKV2(pluginPath, "", stderr)
	if client == nil {
		return
	}
	m, err := setupMount(pc, "a1", true)
	report("a1_setup", err == nil, "%v", err)
	if err != nil {
		client.Kill()
		return
	}
	c, cancel := m.ctx()
	typ, err := m.backend.Type(c, &pb.Empty{})
	report("a1_type_credential", err == nil && typ.Type == 2, "%v %v", typ, err)
	paths, err := m.backend.SpecialPaths(c, &pb.Empty{})
	report("a1_special_paths_unauthenticated", err == nil && paths.Paths != nil && fmt.Sprint(paths.Paths.Unauthenticated) == "[login]" && len(paths.Paths.Root) == 0, "%v %v", paths, err)
	init, err := m.backend.Initialize(c, &pb.InitializeArgs{})
	cancel()
	report("a1_initialize", err == nil && init.Err == nil, "%v %v", init, err)

	op, reply, err := m.write("config", map[string]interface{}{"token_ttl": "30m", "token_max_ttl": "2h"})
	report("config_update", okReply(reply, err) && op == "update" && reply.Response == nil, "%s %v %v", op, reply, err)
	reply, err = m.request("read", "config", nil)
	d := jsonData(reply)
	report("config_read", okReply(reply, err) && d["token_ttl"] == float64(1800) && d["token_max_ttl"] == float64(7200), "%v %v", d, err)

	op, reply, err = m.write("users/alice", map[string]interface{}{"password": "s3cr3t-value", "policies": "dev,ops"})
	stored := storedString(m, "users/alice")
	report("user_create", okReply(reply, err) && op == "create" && len(stored) > 0 && !strings.Contains(stored, "s3cr3t-value"), "%s %v %v stored=%s", op, reply, err, stored)
	op, reply, err = m.write("users/alice", map[string]interface{}{"policies": "dev"})
	report("user_update", okReply(reply, err) && op == "update", "%s %v %v", op, reply, err)
	reply, err = m.request("read", "users/alice", nil)
	d = jsonData(reply)
	report("user_read", okReply(reply, err) && fmt.Sprint(d["policies"]) == "[dev]" && d["password"] == nil, "%v %v", d, err)
	m.write("users/bob", map[string]interface{}{"password": "other"})
	reply, err = m.request("list", "users/", nil)
	report("user_list", okReply(reply, err) && fmt.Sprint(jsonData(reply)["keys"]) == "[alice bob]", "%v %v", jsonData(reply), err)

	credentials := map[string]interface{}{"username": "alice", "password": "s3cr3t-value"}
	reply, err = m.loginRequest("alias-lookahead", "login", credentials)
	report("alias_lookahead", okReply(reply, err) && reply.Response != nil && reply.Response.Auth != nil &&
		reply.Response.Auth.Alias != nil && reply.Response.Auth.Alias.Name == "alice", "%v %v", reply, err)
	reply, err = m.loginRequest("update", "login", credentials)
	var auth *pb.Auth
	if okReply(reply, err) && reply.Response != nil {
		auth = reply.Response.Auth
	}
	report("login_auth", auth != nil && fmt.Sprint(auth.Policies) == "[dev]" && auth.Metadata["username"] == "alice" && auth.Alias != nil &&
		auth.Alias.Name == "alice" && auth.LeaseOptions != nil && auth.LeaseOptions.TTL == int64(30*time.Minute) &&
		auth.LeaseOptions.MaxTTL == int64(2*time.Hour) && auth.LeaseOptions.Renewable, "%v %v", reply, err)
	reply, err = m.loginRequest("update", "login", map[string]interface{}{"username": "alice", "password": "wrong"})
	report("login_wrong_password_error_response", okReply(reply, err) && reply.Response != nil && reply.Response.Auth == nil &&
		jsonData(reply)["error"] == "invalid username or password", "%v %v", reply, err)

	if auth != nil {
		reply, err = m.renewAuth(auth, time.Now().Add(-10*time.Minute), 0)
		report("auth_renew", okReply(reply, err) && reply.Response != nil && reply.Response.Auth != nil &&
			reply.Response.Auth.LeaseOptions.TTL == int64(30*time.Minute) && reply.Response.Auth.Metadata["username"] == "alice", "%v %v", reply, err)
		m.request("delete", "users/alice", nil)
		reply, err = m.renewAuth(auth, time.Now(), 0)
		report("auth_renew_refused_user_deleted", okReply(reply, err) && reply.Response != nil && reply.Response.Auth == nil &&
			jsonData(reply)["error"] == "the user no longer exists" && m.storage.get("users/alice") == nil, "%v %v", reply, err)
	}

	reply, err = m.request("help", "login", nil)
	help, _ := jsonData(reply)["help"].(string)
	report("help", okReply(reply, err) && strings.Contains(help, "Log in with a username and password."), "%q %v", help, err)

	stopKV2(client, "")
	checkHclogLines("", stderr.lines())
}
