"""Drives the DynamicCreds sample's leases and dev mode's response wrapping with hvac (Debian's python3-hvac), unchanged.

Run by tests/DynamicCreds.Tests/HvacTests.cs against the sample in dev mode (VAULT_ADDR, VAULT_TOKEN).
Prints one line per check and a closing 'hvac: N passed, N failed'; exits 1 on any failure.
"""
import os

import hvac
from hvac import exceptions

from hvac_checks import check, finish, raises

MOUNT = os.environ.get("CREDS_MOUNT", "dynamic-creds")
ADDR = os.environ["VAULT_ADDR"]
client = hvac.Client(url=ADDR, token=os.environ.pop("VAULT_TOKEN"))


def issued():
    listed = client.list("%s/issued" % MOUNT)
    return listed["data"]["keys"] if listed else []


client.write("%s/roles/web" % MOUNT, ttl="10m", max_ttl="1h", username_prefix="app-")
creds = client.read("%s/creds/web" % MOUNT)
lease_id = creds["lease_id"]
username = creds["data"]["username"]
check("read creds: a lease", lease_id.startswith("%s/creds/web/" % MOUNT) and creds["lease_duration"] == 600 and creds["renewable"], creds)
check("read creds: recorded in issued/", issued() == [username], issued())

lease = client.sys.read_lease(lease_id)["data"]
check("sys.read_lease: id and ttl", lease["id"] == lease_id and 590 <= lease["ttl"] <= 600 and lease["renewable"], lease)

renewed = client.sys.renew_lease(lease_id, increment=1200)
check("sys.renew_lease: increment through the renew handler", renewed["lease_id"] == lease_id and renewed["lease_duration"] == 1200, renewed)
capped = client.sys.renew_lease(lease_id, increment=7200)
check("sys.renew_lease: capped at the role's max_ttl, with Vault's warning",
      3590 <= capped["lease_duration"] <= 3600 and any("TTL value is capped" in w for w in capped["warnings"] or []), capped)
check("sys.read_lease after renew: last_renewal", client.sys.read_lease(lease_id)["data"]["last_renewal"] is not None)

revoked = client.sys.revoke_lease(lease_id)
check("sys.revoke_lease: 204", revoked.status_code == 204, revoked.status_code)
check("sys.revoke_lease: the credential is gone from issued/", username not in issued(), issued())
raises("sys.read_lease after revoke is InvalidRequest", exceptions.InvalidRequest, lambda: client.sys.read_lease(lease_id))

# X-Vault-Wrap-TTL: the response is kept behind a single-use wrapping token.
wrapped = client.read("%s/creds/web" % MOUNT, wrap_ttl="60s")
info = wrapped["wrap_info"]
check("wrap_ttl: wrap_info instead of data", wrapped["data"] is None and info["token"].startswith("hvs.") and info["ttl"] == 60 and
      info["creation_path"] == "%s/creds/web" % MOUNT, wrapped)
looked = client.adapter.post("/v1/sys/wrapping/lookup", json={"token": info["token"]})["data"]
check("wrapping lookup: creation path and ttl", looked["creation_path"] == "%s/creds/web" % MOUNT and looked["creation_ttl"] == 60, looked)
unwrapped = client.sys.unwrap(info["token"])
wrapped_user = unwrapped["data"]["username"]
check("sys.unwrap: the credential and its lease", wrapped_user.startswith("app-web-") and unwrapped["lease_id"].startswith("%s/creds/web/" % MOUNT), unwrapped)
check("sys.unwrap: the wrapped credential is live in issued/", wrapped_user in issued(), issued())
raises("sys.unwrap twice is InvalidRequest (single use)", exceptions.InvalidRequest, lambda: client.sys.unwrap(info["token"]))
client.sys.revoke_lease(unwrapped["lease_id"])
check("revoke of the unwrapped lease removes it", wrapped_user not in issued(), issued())

finish()
