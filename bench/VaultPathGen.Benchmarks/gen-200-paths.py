#!/usr/bin/env python3
"""Writes TwoHundredPaths.cs: 40 path groups x 5 templates, shaped like a real engine's, and the same
routes as Vault's framework would compile them (anchored regexes in slice order). Run from this folder."""
groups = """roles keys certs issuers users groups policies tokens leases config ssh-roles db-roles aws-roles
gcp-roles azure-roles transit-keys pki-roles totp-keys kmip-scopes ldap-groups oidc-roles jwt-roles
approle-roles cert-roles userpass-users github-teams okta-groups radius-users kerberos-groups
cf-roles alicloud-roles nomad-roles consul-roles rabbitmq-roles mongo-roles mssql-roles mysql-roles
postgres-roles redis-roles snowflake-roles""".split()[:40]
assert len(groups) == 40
name = r"\w(([\w-.]+)?\w)?"
forms = [
    ("{g}/<name>", "Read", "string name", f"^{{g}}/(?<name>{name})\\z"),
    ("{g}[/]", "List", "", "^{g}/?\\z"),
    ("{g}/<name>/rotate", "Update", "string name", f"^{{g}}/(?<name>{name})/rotate\\z"),
    ("{g}/<name>/creds/<role>", "Read", "string name, string role", f"^{{g}}/(?<name>{name})/creds/(?<role>{name})\\z"),
    ("{g}/<name>/config/<setting>", "Update", "string name, string setting", f"^{{g}}/(?<name>{name})/config/(?<setting>{name})\\z"),
]
out = ["// Written by gen-200-paths.py (40 groups x 5 templates); edit the script, not this file.",
       "using System.Text.RegularExpressions;", "using static VaultPathGen.Operation;", "",
       "namespace VaultPathGen.Benchmarks;", "",
       "/// <summary>A backend with 200 paths, 40 groups of the five shapes real engines use most.</summary>",
       "[SecretsEngine]", "public partial class TwoHundredPaths", "{"]
regexes = []
i = 0
for g in groups:
    for template, op, params, regex in forms:
        out.append(f'    [Path("{template.format(g=g)}"), Operation({op})] public Response? P{i}({params}) => null;')
        regexes.append(regex.replace("{g}", g))
        i += 1
out += ["}", "", "/// <summary>The same 200 routes as Vault compiles them: anchored regexes tried in order.</summary>",
        "public static class TwoHundredRegexes", "{",
        "    public static readonly Regex[] Patterns =", "    ["]
for r in regexes:
    out.append(f'        new(@"{r}", RegexOptions.ECMAScript | RegexOptions.Compiled),')
out += ["    ];", "}", ""]
open("TwoHundredPaths.cs", "w").write("\n".join(out))
