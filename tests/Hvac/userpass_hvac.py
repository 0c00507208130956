"""Drives the Userpass sample with hvac (Debian's python3-hvac), unchanged, as against Vault's userpass.

Run by tests/Userpass.Tests/HvacTests.cs against the sample in dev mode (VAULT_ADDR, VAULT_TOKEN).
Prints one line per check and a closing 'hvac: N passed, N failed'; exits 1 on any failure.
"""
import os

import hvac
from hvac import exceptions

from hvac_checks import check, finish, raises

MOUNT = os.environ.get("USERPASS_MOUNT", "userpass")
ADDR = os.environ["VAULT_ADDR"]
# hvac falls back to VAULT_TOKEN for clients made without one: the login clients below must not.
admin = hvac.Client(url=ADDR, token=os.environ.pop("VAULT_TOKEN"))
userpass = admin.auth.userpass

check("root token is accepted", admin.is_authenticated())

created = userpass.create_or_update_user("alice", "first-pass", policies="dev,ops", mount_point=MOUNT)
check("create_or_update_user: 204", created.status_code == 204, created.status_code)
userpass.create_or_update_user("bob", "bobs-pass", token_policies=["dev"], token_ttl="1h", token_max_ttl="2h", mount_point=MOUNT)

users = userpass.list_user(mount_point=MOUNT)["data"]["keys"]
check("list_user", users == ["alice", "bob"], users)

alice = userpass.read_user("alice", mount_point=MOUNT)["data"]
check("read_user: policies", alice["policies"] == ["dev", "ops"], alice)
check("read_user: token_policies", alice["token_policies"] == ["dev", "ops"], alice)
check("read_user: no password", "password" not in alice, alice)
bob = userpass.read_user("bob", mount_point=MOUNT)["data"]
check("read_user: token_ttl", bob["token_ttl"] == 3600 and bob["token_max_ttl"] == 7200, bob)

client = hvac.Client(url=ADDR)
check("no token: not authenticated", not client.is_authenticated())
login = client.auth.userpass.login("alice", "first-pass", mount_point=MOUNT)
auth = login["auth"]
check("login: client_token", auth["client_token"].startswith("hvs.") and client.token == auth["client_token"], auth)
check("login: policies", auth["policies"] == ["default", "dev", "ops"], auth)
check("login: metadata", auth["metadata"] == {"username": "alice"}, auth)
check("login: renewable", auth["renewable"] is True and auth["lease_duration"] > 0, auth)
check("login: accessor", len(auth["accessor"]) > 0, auth)

me = client.auth.token.lookup_self()["data"]
check("lookup_self: same token", me["id"] == auth["client_token"], me)
check("lookup_self: display name", me["display_name"] == "userpass-alice", me)
check("lookup_self: policies", me["policies"] == ["default", "dev", "ops"], me)
check("lookup_self: path", me["path"] == "auth/%s/login/alice" % MOUNT, me)
check("login token works on later requests", client.auth.userpass.read_user("bob", mount_point=MOUNT)["data"]["token_ttl"] == 3600)

bob_client = hvac.Client(url=ADDR)
bob_auth = bob_client.auth.userpass.login("bob", "bobs-pass", mount_point=MOUNT)["auth"]
check("login: token_ttl as lease_duration", bob_auth["lease_duration"] == 3600, bob_auth)
renewed = bob_client.auth.token.renew_self(increment="30m")["auth"]
check("renew_self: auth renew through the plugin", renewed["lease_duration"] == 1800, renewed)

# hvac's update_userpass_policies posts the legacy "policies" field to users/<name>/policies.
policies = admin.update_userpass_policies("bob", ["ops", "dev"], mount_point=MOUNT)
check("update_userpass_policies: 204", policies.status_code == 204, policies.status_code)
bob_read = userpass.read_user("bob", mount_point=MOUNT)["data"]
check("read_user: updated policies", bob_read["token_policies"] == ["dev", "ops"] and bob_read["policies"] == ["dev", "ops"], bob_read)
raises("renew_self after a policy change is refused", exceptions.InternalServerError, lambda: bob_client.auth.token.renew_self())
bob_again = hvac.Client(url=ADDR)
check("login after policy change: new policies",
      bob_again.auth.userpass.login("bob", "bobs-pass", mount_point=MOUNT)["auth"]["policies"] == ["default", "dev", "ops"])

raises("login: wrong password is InvalidRequest", exceptions.InvalidRequest,
       lambda: hvac.Client(url=ADDR).auth.userpass.login("alice", "wrong", mount_point=MOUNT))
raises("login: unknown user is InvalidRequest", exceptions.InvalidRequest,
       lambda: hvac.Client(url=ADDR).auth.userpass.login("nobody", "x", mount_point=MOUNT))
raises("no token: users are Forbidden", exceptions.Forbidden,
       lambda: hvac.Client(url=ADDR).auth.userpass.read_user("alice", mount_point=MOUNT))

updated = userpass.update_password_on_user("alice", "second-pass", mount_point=MOUNT)
check("update_password_on_user: 204", updated.status_code == 204, updated.status_code)
raises("old password no longer logs in", exceptions.InvalidRequest,
       lambda: hvac.Client(url=ADDR).auth.userpass.login("alice", "first-pass", mount_point=MOUNT))
fresh = hvac.Client(url=ADDR)
fresh.auth.userpass.login("alice", "second-pass", mount_point=MOUNT)
check("new password logs in", fresh.is_authenticated())

deleted = userpass.delete_user("alice", mount_point=MOUNT)
check("delete_user: 204", deleted.status_code == 204, deleted.status_code)
raises("read_user after delete is InvalidPath", exceptions.InvalidPath,
       lambda: userpass.read_user("alice", mount_point=MOUNT))
check("list_user after delete", userpass.list_user(mount_point=MOUNT)["data"]["keys"] == ["bob"])

finish()
