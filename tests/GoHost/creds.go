package main

// The creds scenario: Vault driving the DynamicCreds sample (samples/DynamicCreds): leased
// credentials issued, renewed and revoked with renew/revoke routed by secret_type, Vault's lease
// rules read through the brokered SystemView, and the rollback tick running the periodic function
// and WAL rollback against storage served by this host.

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/golang/protobuf/ptypes/timestamp"

	"vaultpathgen/gohost/proto/pb"
)

func leaseTTL(reply *pb.HandleRequestReply) time.Duration {
	if reply == nil || reply.Response == nil || reply.Response.Secret == nil || reply.Response.Secret.LeaseOptions == nil {
		return -1
	}
	return time.Duration(reply.Response.Secret.LeaseOptions.TTL)
}

func internalData(secret *pb.Secret) map[string]interface{} {
	out := map[string]interface{}{}
	if secret != nil {
		json.Unmarshal([]byte(secret.InternalData), &out)
	}
	return out
}

// leaseFor is the secret as Vault's expiration manager sends it back: lease id, increment, issue time.
func leaseFor(secret *pb.Secret, increment time.Duration, issued time.Time) *pb.Secret {
	return &pb.Secret{
		LeaseId:      "dynamic-creds/creds/web/lease-1",
		InternalData: secret.InternalData,
		LeaseOptions: &pb.LeaseOptions{
			TTL: secret.LeaseOptions.TTL, MaxTTL: secret.LeaseOptions.MaxTTL, Renewable: secret.LeaseOptions.Renewable,
			Increment: int64(increment), IssueTime: &timestamp.Timestamp{Seconds: issued.Unix()},
		},
	}
}

func plantJSON(m *mount, key string, value interface{}) {
	b, _ := json.Marshal(value)
	m.storage.entries[key] = &pb.StorageEntry{Key: key, Value: b}
}

func runCreds(pluginPath string) {
	kv2SealWrapStorage = "[]"
	stderr := &lineBuffer{}
	client, pc := startKV2(pluginPath, "", stderr)
	if client == nil {
		return
	}
	defer client.Kill()
	m := kv2Setup(pc, "m1")
	if m == nil {
		return
	}

	op, reply, err := m.write("roles/web", map[string]interface{}{"ttl": "1h", "max_ttl": "3h", "username_prefix": "app-"})
	report("role_create", okReply(reply, err) && op == "create" && reply.Response == nil &&
		storedString(m, "roles/web") == `{"name":"web","ttl_seconds":3600,"max_ttl_seconds":10800,"username_prefix":"app-","password_policy":""}`, "%s %v %v %s", op, reply, err, storedString(m, "roles/web"))
	m.write("roles/open", map[string]interface{}{"ttl": "0", "max_ttl": "0"})
	reply, err = m.request("read", "roles/web", nil)
	d := jsonData(reply)
	report("role_read", okReply(reply, err) && d["ttl"] == float64(3600) && d["max_ttl"] == float64(10800) && d["username_prefix"] == "app-", "%v %v", d, err)
	reply, err = m.request("list", "roles/", nil)
	report("roles_list", okReply(reply, err) && fmt.Sprint(jsonData(reply)["keys"]) == "[open web]", "%v %v", jsonData(reply), err)

	reply, err = m.request("read", "creds/web", nil)
	d = jsonData(reply)
	var secret *pb.Secret
	if okReply(reply, err) && reply.Response != nil {
		secret = reply.Response.Secret
	}
	username, _ := d["username"].(string)
	password, _ := d["password"].(string)
	internal := internalData(secret)
	report("creds_issue", secret != nil && strings.HasPrefix(username, "app-web-") && len(password) == 24 &&
		leaseTTL(reply) == time.Hour && secret.LeaseOptions.MaxTTL == int64(3*time.Hour) && secret.LeaseOptions.Renewable &&
		internal["secret_type"] == "creds" && internal["username"] == username && internal["role"] == "web" && internal["password"] == nil &&
		m.storage.get("issued/"+username) != nil && len(storedKeys(m, "wal/")) == 0, "%v %v", reply, err)
	if secret == nil {
		return
	}

	reply, err = m.request("read", "creds/none", nil)
	report("creds_unknown_role_error_response", okReply(reply, err) && jsonData(reply)["error"] == "unknown role: none", "%v %v", reply, err)
	reply, err = m.request("list", "issued/", nil)
	report("issued_list", okReply(reply, err) && fmt.Sprint(jsonData(reply)["keys"]) == "["+username+"]" &&
		nested(jsonData(reply), "key_info", username, "role") == "web", "%v %v", jsonData(reply), err)

	now := time.Now()
	reply, err = m.call(&pb.Request{Operation: "renew", Path: "creds/web", Secret: leaseFor(secret, 30*time.Minute, now)})
	report("renew_increment", okReply(reply, err) && leaseTTL(reply) == 30*time.Minute && reply.Response.Secret.LeaseId == "dynamic-creds/creds/web/lease-1" &&
		internalData(reply.Response.Secret)["username"] == username, "%v %v", reply, err)

	// Vault sends renew with the issuing path, but routing is by secret_type: any path works.
	reply, err = m.call(&pb.Request{Operation: "renew", Path: "not/a/path", Secret: leaseFor(secret, time.Hour, now.Add(-170*time.Minute))})
	ttl := leaseTTL(reply)
	report("renew_capped_at_role_max_ttl", okReply(reply, err) && ttl > 9*time.Minute && ttl <= 10*time.Minute &&
		len(reply.Response.Warnings) == 1 && strings.Contains(reply.Response.Warnings[0], "TTL value is capped accordingly"), "ttl %s %v %v", ttl, reply, err)

	// The role sets no TTLs: the mount's default (768h here) capped at the mount's max (24h), both read over the broker.
	reply, err = m.request("read", "creds/open", nil)
	var open *pb.Secret
	if okReply(reply, err) && reply.Response != nil {
		open = reply.Response.Secret
	}
	if open != nil {
		reply, err = m.call(&pb.Request{Operation: "renew", Path: "creds/open", Secret: leaseFor(open, 0, now)})
		ttl = leaseTTL(reply)
	}
	report("renew_system_view_limits", open != nil && okReply(reply, err) && ttl > 23*time.Hour+59*time.Minute && ttl <= 24*time.Hour, "ttl %s %v %v", ttl, reply, err)

	// Password policy, entity and groups come from Vault's identity store over the broker.
	m.write("roles/policy", map[string]interface{}{"password_policy": "alnum-16"})
	reply, err = m.call(&pb.Request{Operation: "read", Path: "creds/policy", EntityId: "ent-1"})
	policyUser, _ := jsonData(reply)["username"].(string)
	record := storedString(m, "issued/"+policyUser)
	report("creds_system_view_identity_and_password_policy", okReply(reply, err) && jsonData(reply)["password"] == "Alnum16Password0" &&
		strings.Contains(record, `"requested_by":"alice","requester_groups":["ops","dev"]`), "%v %v record=%s", jsonData(reply), err, record)

	other := leaseFor(secret, 0, now)
	other.InternalData = `{"secret_type":"other","username":"x"}`
	reply, err = m.call(&pb.Request{Operation: "renew", Path: "creds/web", Secret: other})
	report("renew_unknown_secret_type", err == nil && reply.Err != nil && reply.Err.ErrMsg == "secret is unsupported by this backend", "%v %v", reply, err)

	reply, err = m.call(&pb.Request{Operation: "revoke", Path: "creds/web", Secret: leaseFor(secret, 0, now)})
	report("revoke", okReply(reply, err) && reply.Response == nil && m.storage.get("issued/"+username) == nil, "%v %v", reply, err)
	reply, err = m.request("list", "issued/", nil)
	report("issued_list_after_revoke", okReply(reply, err) && !strings.Contains(fmt.Sprint(jsonData(reply)["keys"]), username), "%v %v", jsonData(reply), err)

	// What a crash between creating a credential and deleting its WAL entry leaves behind.
	m.storage.mu.Lock()
	plantJSON(m, "issued/app-web-crashed", map[string]interface{}{"username": "app-web-crashed", "role": "web", "issued_at": now.Format(time.RFC3339), "expires_at": now.Add(time.Hour).Format(time.RFC3339)})
	plantJSON(m, "wal/old", map[string]interface{}{"type": "credential", "data": map[string]interface{}{"username": "app-web-crashed"}, "created_at": now.Add(-10 * time.Minute).Unix()})
	plantJSON(m, "issued/app-web-inflight", map[string]interface{}{"username": "app-web-inflight", "role": "web", "issued_at": now.Format(time.RFC3339), "expires_at": now.Add(time.Hour).Format(time.RFC3339)})
	plantJSON(m, "wal/young", map[string]interface{}{"type": "credential", "data": map[string]interface{}{"username": "app-web-inflight"}, "created_at": now.Unix()})
	plantJSON(m, "issued/app-web-expired", map[string]interface{}{"username": "app-web-expired", "role": "web", "issued_at": now.Add(-4 * time.Hour).Format(time.RFC3339), "expires_at": now.Add(-time.Hour).Format(time.RFC3339)})
	m.storage.mu.Unlock()

	reply, err = m.call(&pb.Request{Operation: "rollback", Path: ""})
	report("rollback_wal_after_min_age", okReply(reply, err) && m.storage.get("issued/app-web-crashed") == nil && m.storage.get("wal/old") == nil &&
		m.storage.get("wal/young") != nil && m.storage.get("issued/app-web-inflight") != nil, "%v %v wal=%v", reply, err, storedKeys(m, "wal/"))
	report("rollback_periodic_removes_expired", m.storage.get("issued/app-web-expired") == nil, "issued=%v", storedKeys(m, "issued/"))
	reply, err = m.call(&pb.Request{Operation: "rollback", Path: "", Data: `{"immediate":true}`})
	report("rollback_immediate", okReply(reply, err) && len(storedKeys(m, "wal/")) == 0 && m.storage.get("issued/app-web-inflight") == nil, "%v %v", reply, err)

	c, cancel := m.ctx()
	_, err = m.backend.Cleanup(c, &pb.Empty{})
	cancel()
	report("m1_cleanup", err == nil, "%v", err)
	stopKV2(client, "")
	joined := checkHclogLines("", stderr.lines())
	report("stderr_no_password", password != "" && !strings.Contains(joined, password), "")
}
