package main

// The template scenario: Vault driving a plugin made by `dotnet new vault-secrets` (templates/),
// built from the VaultPathGen package: registration with its version, then one mount through the
// template's config, roles/<name> (existence check) and roles/ (list) paths.

import (
	"fmt"
	"strings"
)

func runTemplate(pluginPath string) {
	kv2SealWrapStorage = "[]"
	runKV2Registration(pluginPath)

	stderr := &lineBuffer{}
	client, pc := startKV2(pluginPath, "", stderr)
	if client == nil {
		return
	}
	m := kv2Setup(pc, "m1")
	if m == nil {
		client.Kill()
		return
	}

	op, reply, err := m.write("config", map[string]interface{}{"url": "https://db.example", "default_ttl": "30m"})
	report("config_update", okReply(reply, err) && op == "update" && reply.Response == nil, "%s %v %v", op, reply, err)
	reply, err = m.request("read", "config", nil)
	d := jsonData(reply)
	report("config_read", okReply(reply, err) && d["url"] == "https://db.example" && d["default_ttl"] == float64(1800), "%v %v", d, err)
	_, reply, err = m.write("config", map[string]interface{}{"default_ttl": "1h"})
	report("config_missing_url_error_response", okReply(reply, err) && strings.Contains(fmt.Sprint(jsonData(reply)["error"]), `"url"`), "%v %v", reply, err)

	op, reply, err = m.write("roles/app", map[string]interface{}{"ttl": "2h", "policies": "read,write"})
	report("role_create", okReply(reply, err) && op == "create", "%s %v %v", op, reply, err)
	op, reply, err = m.write("roles/app", map[string]interface{}{"policies": "read"})
	report("role_update", okReply(reply, err) && op == "update", "%s %v %v", op, reply, err)
	reply, err = m.request("read", "roles/app", nil)
	d = jsonData(reply)
	report("role_read", okReply(reply, err) && d["ttl"] == float64(3600) && fmt.Sprint(d["policies"]) == "[read]", "%v %v", d, err)
	m.write("roles/db", map[string]interface{}{"policies": "db"})
	reply, err = m.request("list", "roles/", nil)
	report("role_list", okReply(reply, err) && fmt.Sprint(jsonData(reply)["keys"]) == "[app db]", "%v %v", jsonData(reply), err)
	reply, err = m.request("delete", "roles/app", nil)
	gone, goneErr := m.request("read", "roles/app", nil)
	report("role_delete", okReply(reply, err) && okReply(gone, goneErr) && gone.Response == nil && m.storage.get("roles/app") == nil, "%v %v then %v %v", reply, err, gone, goneErr)

	reply, err = m.request("help", "roles/app", nil)
	help, _ := jsonData(reply)["help"].(string)
	report("help", okReply(reply, err) && strings.Contains(help, "Manages roles."), "%q %v", help, err)
	reply, err = m.request("read", "nope", nil)
	report("unsupported_path", err == nil && reply.Err != nil && reply.Err.ErrType == 6, "%v %v", reply, err)

	stopKV2(client, "")
	checkHclogLines("", stderr.lines())
}
