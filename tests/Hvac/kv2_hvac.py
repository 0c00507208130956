"""Drives the sample's KV v2 API with hvac (Debian's python3-hvac), unchanged, as against Vault.

Run by tests/KvEngine.Tests/HvacTests.cs against the sample in dev mode (VAULT_ADDR, VAULT_TOKEN).
Prints one line per check and a closing 'hvac: N passed, N failed'; exits 1 on any failure.
"""
import os

import hvac
from hvac import exceptions

from hvac_checks import check, finish, raises

MOUNT = os.environ.get("KV_MOUNT", "secret")
client = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ["VAULT_TOKEN"])
kv = client.secrets.kv.v2

check("token is accepted", client.is_authenticated())

kv.configure(max_versions=5, cas_required=False, mount_point=MOUNT)
config = kv.read_configuration(mount_point=MOUNT)["data"]
check("configure: max_versions", config["max_versions"] == 5, config)
check("configure: cas_required", config["cas_required"] is False, config)
check("configure: delete_version_after", config["delete_version_after"] == "0s", config)

first = kv.create_or_update_secret("app/db", {"user": "app", "password": "p1"}, mount_point=MOUNT)["data"]
check("create: version 1", first["version"] == 1, first)
check("create: created_time", bool(first.get("created_time")), first)
second = kv.create_or_update_secret("app/db", {"user": "app", "password": "p2"}, cas=1, mount_point=MOUNT)["data"]
check("update with cas: version 2", second["version"] == 2, second)
raises("stale cas is refused", exceptions.InvalidRequest,
       lambda: kv.create_or_update_secret("app/db", {"password": "lost"}, cas=1, mount_point=MOUNT))
raises("cas=0 on an existing secret is refused", exceptions.InvalidRequest,
       lambda: kv.create_or_update_secret("app/db", {"password": "lost"}, cas=0, mount_point=MOUNT))

latest = kv.read_secret_version("app/db", mount_point=MOUNT)["data"]
check("read latest: data", latest["data"] == {"user": "app", "password": "p2"}, latest)
check("read latest: metadata.version", latest["metadata"]["version"] == 2, latest)
v1 = kv.read_secret_version("app/db", version=1, mount_point=MOUNT)["data"]
check("read version 1", v1["data"]["password"] == "p1", v1)

kv.patch("app/db", {"password": "p3", "port": "5432"}, mount_point=MOUNT)
patched = kv.read_secret_version("app/db", mount_point=MOUNT)["data"]
check("patch: merged", patched["data"] == {"user": "app", "password": "p3", "port": "5432"}, patched)
check("patch: version 3", patched["metadata"]["version"] == 3, patched)

kv.create_or_update_secret("app/nested/x", {"k": "v"}, mount_point=MOUNT)
keys = kv.list_secrets("app", mount_point=MOUNT)["data"]["keys"]
check("list: keys and folders", sorted(keys) == ["db", "nested/"], keys)
raises("list of nothing is 404", exceptions.InvalidPath, lambda: kv.list_secrets("nothing-here", mount_point=MOUNT))

metadata = kv.read_secret_metadata("app/db", mount_point=MOUNT)["data"]
check("metadata: current_version", metadata["current_version"] == 3, metadata)
check("metadata: versions", sorted(metadata["versions"].keys()) == ["1", "2", "3"], metadata)

# Vault keeps max(key, mount) versions (0 = 10), so the key's limit only bites below the mount's.
kv.configure(max_versions=0, mount_point=MOUNT)
kv.update_metadata("app/db", max_versions=2, cas_required=True, mount_point=MOUNT)
metadata = kv.read_secret_metadata("app/db", mount_point=MOUNT)["data"]
check("update_metadata: max_versions", metadata["max_versions"] == 2, metadata)
check("update_metadata: cas_required", metadata["cas_required"] is True, metadata)
raises("cas required: write without cas is refused", exceptions.InvalidRequest,
       lambda: kv.create_or_update_secret("app/db", {"password": "nocas"}, mount_point=MOUNT))
fourth = kv.create_or_update_secret("app/db", {"password": "p4"}, cas=3, mount_point=MOUNT)["data"]
check("write with cas: version 4", fourth["version"] == 4, fourth)
metadata = kv.read_secret_metadata("app/db", mount_point=MOUNT)["data"]
check("max_versions keeps the newest two", sorted(metadata["versions"].keys()) == ["3", "4"], metadata)
check("oldest_version", metadata["oldest_version"] == 3, metadata)

kv.delete_latest_version_of_secret("app/db", mount_point=MOUNT)
raises("soft-deleted latest reads as 404", exceptions.InvalidPath, lambda: kv.read_secret_version("app/db", mount_point=MOUNT))
kv.undelete_secret_versions("app/db", versions=[4], mount_point=MOUNT)
check("undelete restores", kv.read_secret_version("app/db", mount_point=MOUNT)["data"]["data"] == {"password": "p4"})
kv.delete_secret_versions("app/db", versions=[3], mount_point=MOUNT)
raises("deleted version reads as 404", exceptions.InvalidPath, lambda: kv.read_secret_version("app/db", version=3, mount_point=MOUNT))
metadata = kv.read_secret_metadata("app/db", mount_point=MOUNT)["data"]
check("deleted version has a deletion_time", bool(metadata["versions"]["3"]["deletion_time"]), metadata)
kv.destroy_secret_versions("app/db", versions=[4], mount_point=MOUNT)
raises("destroyed version reads as 404", exceptions.InvalidPath, lambda: kv.read_secret_version("app/db", version=4, mount_point=MOUNT))
metadata = kv.read_secret_metadata("app/db", mount_point=MOUNT)["data"]
check("destroyed flag", metadata["versions"]["4"]["destroyed"] is True, metadata)

kv.delete_metadata_and_all_versions("app/db", mount_point=MOUNT)
raises("metadata gone after delete", exceptions.InvalidPath, lambda: kv.read_secret_metadata("app/db", mount_point=MOUNT))
raises("data gone after metadata delete", exceptions.InvalidPath, lambda: kv.read_secret_version("app/db", version=1, mount_point=MOUNT))
check("unknown mount path is 404 (hvac's read gives None)", client.read(MOUNT + "/nowhere/at/all") is None)

finish()
