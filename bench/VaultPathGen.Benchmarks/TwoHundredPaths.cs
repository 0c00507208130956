// Written by gen-200-paths.py (40 groups x 5 templates); edit the script, not this file.
using System.Text.RegularExpressions;
using static VaultPathGen.Operation;

namespace VaultPathGen.Benchmarks;

/// <summary>A backend with 200 paths, 40 groups of the five shapes real engines use most.</summary>
[SecretsEngine]
public partial class TwoHundredPaths
{
    [Path("roles/<name>"), Operation(Read)] public Response? P0(string name) => null;
    [Path("roles[/]"), Operation(List)] public Response? P1() => null;
    [Path("roles/<name>/rotate"), Operation(Update)] public Response? P2(string name) => null;
    [Path("roles/<name>/creds/<role>"), Operation(Read)] public Response? P3(string name, string role) => null;
    [Path("roles/<name>/config/<setting>"), Operation(Update)] public Response? P4(string name, string setting) => null;
    [Path("keys/<name>"), Operation(Read)] public Response? P5(string name) => null;
    [Path("keys[/]"), Operation(List)] public Response? P6() => null;
    [Path("keys/<name>/rotate"), Operation(Update)] public Response? P7(string name) => null;
    [Path("keys/<name>/creds/<role>"), Operation(Read)] public Response? P8(string name, string role) => null;
    [Path("keys/<name>/config/<setting>"), Operation(Update)] public Response? P9(string name, string setting) => null;
    [Path("certs/<name>"), Operation(Read)] public Response? P10(string name) => null;
    [Path("certs[/]"), Operation(List)] public Response? P11() => null;
    [Path("certs/<name>/rotate"), Operation(Update)] public Response? P12(string name) => null;
    [Path("certs/<name>/creds/<role>"), Operation(Read)] public Response? P13(string name, string role) => null;
    [Path("certs/<name>/config/<setting>"), Operation(Update)] public Response? P14(string name, string setting) => null;
    [Path("issuers/<name>"), Operation(Read)] public Response? P15(string name) => null;
    [Path("issuers[/]"), Operation(List)] public Response? P16() => null;
    [Path("issuers/<name>/rotate"), Operation(Update)] public Response? P17(string name) => null;
    [Path("issuers/<name>/creds/<role>"), Operation(Read)] public Response? P18(string name, string role) => null;
    [Path("issuers/<name>/config/<setting>"), Operation(Update)] public Response? P19(string name, string setting) => null;
    [Path("users/<name>"), Operation(Read)] public Response? P20(string name) => null;
    [Path("users[/]"), Operation(List)] public Response? P21() => null;
    [Path("users/<name>/rotate"), Operation(Update)] public Response? P22(string name) => null;
    [Path("users/<name>/creds/<role>"), Operation(Read)] public Response? P23(string name, string role) => null;
    [Path("users/<name>/config/<setting>"), Operation(Update)] public Response? P24(string name, string setting) => null;
    [Path("groups/<name>"), Operation(Read)] public Response? P25(string name) => null;
    [Path("groups[/]"), Operation(List)] public Response? P26() => null;
    [Path("groups/<name>/rotate"), Operation(Update)] public Response? P27(string name) => null;
    [Path("groups/<name>/creds/<role>"), Operation(Read)] public Response? P28(string name, string role) => null;
    [Path("groups/<name>/config/<setting>"), Operation(Update)] public Response? P29(string name, string setting) => null;
    [Path("policies/<name>"), Operation(Read)] public Response? P30(string name) => null;
    [Path("policies[/]"), Operation(List)] public Response? P31() => null;
    [Path("policies/<name>/rotate"), Operation(Update)] public Response? P32(string name) => null;
    [Path("policies/<name>/creds/<role>"), Operation(Read)] public Response? P33(string name, string role) => null;
    [Path("policies/<name>/config/<setting>"), Operation(Update)] public Response? P34(string name, string setting) => null;
    [Path("tokens/<name>"), Operation(Read)] public Response? P35(string name) => null;
    [Path("tokens[/]"), Operation(List)] public Response? P36() => null;
    [Path("tokens/<name>/rotate"), Operation(Update)] public Response? P37(string name) => null;
    [Path("tokens/<name>/creds/<role>"), Operation(Read)] public Response? P38(string name, string role) => null;
    [Path("tokens/<name>/config/<setting>"), Operation(Update)] public Response? P39(string name, string setting) => null;
    [Path("leases/<name>"), Operation(Read)] public Response? P40(string name) => null;
    [Path("leases[/]"), Operation(List)] public Response? P41() => null;
    [Path("leases/<name>/rotate"), Operation(Update)] public Response? P42(string name) => null;
    [Path("leases/<name>/creds/<role>"), Operation(Read)] public Response? P43(string name, string role) => null;
    [Path("leases/<name>/config/<setting>"), Operation(Update)] public Response? P44(string name, string setting) => null;
    [Path("config/<name>"), Operation(Read)] public Response? P45(string name) => null;
    [Path("config[/]"), Operation(List)] public Response? P46() => null;
    [Path("config/<name>/rotate"), Operation(Update)] public Response? P47(string name) => null;
    [Path("config/<name>/creds/<role>"), Operation(Read)] public Response? P48(string name, string role) => null;
    [Path("config/<name>/config/<setting>"), Operation(Update)] public Response? P49(string name, string setting) => null;
    [Path("ssh-roles/<name>"), Operation(Read)] public Response? P50(string name) => null;
    [Path("ssh-roles[/]"), Operation(List)] public Response? P51() => null;
    [Path("ssh-roles/<name>/rotate"), Operation(Update)] public Response? P52(string name) => null;
    [Path("ssh-roles/<name>/creds/<role>"), Operation(Read)] public Response? P53(string name, string role) => null;
    [Path("ssh-roles/<name>/config/<setting>"), Operation(Update)] public Response? P54(string name, string setting) => null;
    [Path("db-roles/<name>"), Operation(Read)] public Response? P55(string name) => null;
    [Path("db-roles[/]"), Operation(List)] public Response? P56() => null;
    [Path("db-roles/<name>/rotate"), Operation(Update)] public Response? P57(string name) => null;
    [Path("db-roles/<name>/creds/<role>"), Operation(Read)] public Response? P58(string name, string role) => null;
    [Path("db-roles/<name>/config/<setting>"), Operation(Update)] public Response? P59(string name, string setting) => null;
    [Path("aws-roles/<name>"), Operation(Read)] public Response? P60(string name) => null;
    [Path("aws-roles[/]"), Operation(List)] public Response? P61() => null;
    [Path("aws-roles/<name>/rotate"), Operation(Update)] public Response? P62(string name) => null;
    [Path("aws-roles/<name>/creds/<role>"), Operation(Read)] public Response? P63(string name, string role) => null;
    [Path("aws-roles/<name>/config/<setting>"), Operation(Update)] public Response? P64(string name, string setting) => null;
    [Path("gcp-roles/<name>"), Operation(Read)] public Response? P65(string name) => null;
    [Path("gcp-roles[/]"), Operation(List)] public Response? P66() => null;
    [Path("gcp-roles/<name>/rotate"), Operation(Update)] public Response? P67(string name) => null;
    [Path("gcp-roles/<name>/creds/<role>"), Operation(Read)] public Response? P68(string name, string role) => null;
    [Path("gcp-roles/<name>/config/<setting>"), Operation(Update)] public Response? P69(string name, string setting) => null;
    [Path("azure-roles/<name>"), Operation(Read)] public Response? P70(string name) => null;
    [Path("azure-roles[/]"), Operation(List)] public Response? P71() => null;
    [Path("azure-roles/<name>/rotate"), Operation(Update)] public Response? P72(string name) => null;
    [Path("azure-roles/<name>/creds/<role>"), Operation(Read)] public Response? P73(string name, string role) => null;
    [Path("azure-roles/<name>/config/<setting>"), Operation(Update)] public Response? P74(string name, string setting) => null;
    [Path("transit-keys/<name>"), Operation(Read)] public Response? P75(string name) => null;
    [Path("transit-keys[/]"), Operation(List)] public Response? P76() => null;
    [Path("transit-keys/<name>/rotate"), Operation(Update)] public Response? P77(string name) => null;
    [Path("transit-keys/<name>/creds/<role>"), Operation(Read)] public Response? P78(string name, string role) => null;
    [Path("transit-keys/<name>/config/<setting>"), Operation(Update)] public Response? P79(string name, string setting) => null;
    [Path("pki-roles/<name>"), Operation(Read)] public Response? P80(string name) => null;
    [Path("pki-roles[/]"), Operation(List)] public Response? P81() => null;
    [Path("pki-roles/<name>/rotate"), Operation(Update)] public Response? P82(string name) => null;
    [Path("pki-roles/<name>/creds/<role>"), Operation(Read)] public Response? P83(string name, string role) => null;
    [Path("pki-roles/<name>/config/<setting>"), Operation(Update)] public Response? P84(string name, string setting) => null;
    [Path("totp-keys/<name>"), Operation(Read)] public Response? P85(string name) => null;
    [Path("totp-keys[/]"), Operation(List)] public Response? P86() => null;
    [Path("totp-keys/<name>/rotate"), Operation(Update)] public Response? P87(string name) => null;
    [Path("totp-keys/<name>/creds/<role>"), Operation(Read)] public Response? P88(string name, string role) => null;
    [Path("totp-keys/<name>/config/<setting>"), Operation(Update)] public Response? P89(string name, string setting) => null;
    [Path("kmip-scopes/<name>"), Operation(Read)] public Response? P90(string name) => null;
    [Path("kmip-scopes[/]"), Operation(List)] public Response? P91() => null;
    [Path("kmip-scopes/<name>/rotate"), Operation(Update)] public Response? P92(string name) => null;
    [Path("kmip-scopes/<name>/creds/<role>"), Operation(Read)] public Response? P93(string name, string role) => null;
    [Path("kmip-scopes/<name>/config/<setting>"), Operation(Update)] public Response? P94(string name, string setting) => null;
    [Path("ldap-groups/<name>"), Operation(Read)] public Response? P95(string name) => null;
    [Path("ldap-groups[/]"), Operation(List)] public Response? P96() => null;
    [Path("ldap-groups/<name>/rotate"), Operation(Update)] public Response? P97(string name) => null;
    [Path("ldap-groups/<name>/creds/<role>"), Operation(Read)] public Response? P98(string name, string role) => null;
    [Path("ldap-groups/<name>/config/<setting>"), Operation(Update)] public Response? P99(string name, string setting) => null;
    [Path("oidc-roles/<name>"), Operation(Read)] public Response? P100(string name) => null;
    [Path("oidc-roles[/]"), Operation(List)] public Response? P101() => null;
    [Path("oidc-roles/<name>/rotate"), Operation(Update)] public Response? P102(string name) => null;
    [Path("oidc-roles/<name>/creds/<role>"), Operation(Read)] public Response? P103(string name, string role) => null;
    [Path("oidc-roles/<name>/config/<setting>"), Operation(Update)] public Response? P104(string name, string setting) => null;
    [Path("jwt-roles/<name>"), Operation(Read)] public Response? P105(string name) => null;
    [Path("jwt-roles[/]"), Operation(List)] public Response? P106() => null;
    [Path("jwt-roles/<name>/rotate"), Operation(Update)] public Response? P107(string name) => null;
    [Path("jwt-roles/<name>/creds/<role>"), Operation(Read)] public Response? P108(string name, string role) => null;
    [Path("jwt-roles/<name>/config/<setting>"), Operation(Update)] public Response? P109(string name, string setting) => null;
    [Path("approle-roles/<name>"), Operation(Read)] public Response? P110(string name) => null;
    [Path("approle-roles[/]"), Operation(List)] public Response? P111() => null;
    [Path("approle-roles/<name>/rotate"), Operation(Update)] public Response? P112(string name) => null;
    [Path("approle-roles/<name>/creds/<role>"), Operation(Read)] public Response? P113(string name, string role) => null;
    [Path("approle-roles/<name>/config/<setting>"), Operation(Update)] public Response? P114(string name, string setting) => null;
    [Path("cert-roles/<name>"), Operation(Read)] public Response? P115(string name) => null;
    [Path("cert-roles[/]"), Operation(List)] public Response? P116() => null;
    [Path("cert-roles/<name>/rotate"), Operation(Update)] public Response? P117(string name) => null;
    [Path("cert-roles/<name>/creds/<role>"), Operation(Read)] public Response? P118(string name, string role) => null;
    [Path("cert-roles/<name>/config/<setting>"), Operation(Update)] public Response? P119(string name, string setting) => null;
    [Path("userpass-users/<name>"), Operation(Read)] public Response? P120(string name) => null;
    [Path("userpass-users[/]"), Operation(List)] public Response? P121() => null;
    [Path("userpass-users/<name>/rotate"), Operation(Update)] public Response? P122(string name) => null;
    [Path("userpass-users/<name>/creds/<role>"), Operation(Read)] public Response? P123(string name, string role) => null;
    [Path("userpass-users/<name>/config/<setting>"), Operation(Update)] public Response? P124(string name, string setting) => null;
    [Path("github-teams/<name>"), Operation(Read)] public Response? P125(string name) => null;
    [Path("github-teams[/]"), Operation(List)] public Response? P126() => null;
    [Path("github-teams/<name>/rotate"), Operation(Update)] public Response? P127(string name) => null;
    [Path("github-teams/<name>/creds/<role>"), Operation(Read)] public Response? P128(string name, string role) => null;
    [Path("github-teams/<name>/config/<setting>"), Operation(Update)] public Response? P129(string name, string setting) => null;
    [Path("okta-groups/<name>"), Operation(Read)] public Response? P130(string name) => null;
    [Path("okta-groups[/]"), Operation(List)] public Response? P131() => null;
    [Path("okta-groups/<name>/rotate"), Operation(Update)] public Response? P132(string name) => null;
    [Path("okta-groups/<name>/creds/<role>"), Operation(Read)] public Response? P133(string name, string role) => null;
    [Path("okta-groups/<name>/config/<setting>"), Operation(Update)] public Response? P134(string name, string setting) => null;
    [Path("radius-users/<name>"), Operation(Read)] public Response? P135(string name) => null;
    [Path("radius-users[/]"), Operation(List)] public Response? P136() => null;
    [Path("radius-users/<name>/rotate"), Operation(Update)] public Response? P137(string name) => null;
    [Path("radius-users/<name>/creds/<role>"), Operation(Read)] public Response? P138(string name, string role) => null;
    [Path("radius-users/<name>/config/<setting>"), Operation(Update)] public Response? P139(string name, string setting) => null;
    [Path("kerberos-groups/<name>"), Operation(Read)] public Response? P140(string name) => null;
    [Path("kerberos-groups[/]"), Operation(List)] public Response? P141() => null;
    [Path("kerberos-groups/<name>/rotate"), Operation(Update)] public Response? P142(string name) => null;
    [Path("kerberos-groups/<name>/creds/<role>"), Operation(Read)] public Response? P143(string name, string role) => null;
    [Path("kerberos-groups/<name>/config/<setting>"), Operation(Update)] public Response? P144(string name, string setting) => null;
    [Path("cf-roles/<name>"), Operation(Read)] public Response? P145(string name) => null;
    [Path("cf-roles[/]"), Operation(List)] public Response? P146() => null;
    [Path("cf-roles/<name>/rotate"), Operation(Update)] public Response? P147(string name) => null;
    [Path("cf-roles/<name>/creds/<role>"), Operation(Read)] public Response? P148(string name, string role) => null;
    [Path("cf-roles/<name>/config/<setting>"), Operation(Update)] public Response? P149(string name, string setting) => null;
    [Path("alicloud-roles/<name>"), Operation(Read)] public Response? P150(string name) => null;
    [Path("alicloud-roles[/]"), Operation(List)] public Response? P151() => null;
    [Path("alicloud-roles/<name>/rotate"), Operation(Update)] public Response? P152(string name) => null;
    [Path("alicloud-roles/<name>/creds/<role>"), Operation(Read)] public Response? P153(string name, string role) => null;
    [Path("alicloud-roles/<name>/config/<setting>"), Operation(Update)] public Response? P154(string name, string setting) => null;
    [Path("nomad-roles/<name>"), Operation(Read)] public Response? P155(string name) => null;
    [Path("nomad-roles[/]"), Operation(List)] public Response? P156() => null;
    [Path("nomad-roles/<name>/rotate"), Operation(Update)] public Response? P157(string name) => null;
    [Path("nomad-roles/<name>/creds/<role>"), Operation(Read)] public Response? P158(string name, string role) => null;
    [Path("nomad-roles/<name>/config/<setting>"), Operation(Update)] public Response? P159(string name, string setting) => null;
    [Path("consul-roles/<name>"), Operation(Read)] public Response? P160(string name) => null;
    [Path("consul-roles[/]"), Operation(List)] public Response? P161() => null;
    [Path("consul-roles/<name>/rotate"), Operation(Update)] public Response? P162(string name) => null;
    [Path("consul-roles/<name>/creds/<role>"), Operation(Read)] public Response? P163(string name, string role) => null;
    [Path("consul-roles/<name>/config/<setting>"), Operation(Update)] public Response? P164(string name, string setting) => null;
    [Path("rabbitmq-roles/<name>"), Operation(Read)] public Response? P165(string name) => null;
    [Path("rabbitmq-roles[/]"), Operation(List)] public Response? P166() => null;
    [Path("rabbitmq-roles/<name>/rotate"), Operation(Update)] public Response? P167(string name) => null;
    [Path("rabbitmq-roles/<name>/creds/<role>"), Operation(Read)] public Response? P168(string name, string role) => null;
    [Path("rabbitmq-roles/<name>/config/<setting>"), Operation(Update)] public Response? P169(string name, string setting) => null;
    [Path("mongo-roles/<name>"), Operation(Read)] public Response? P170(string name) => null;
    [Path("mongo-roles[/]"), Operation(List)] public Response? P171() => null;
    [Path("mongo-roles/<name>/rotate"), Operation(Update)] public Response? P172(string name) => null;
    [Path("mongo-roles/<name>/creds/<role>"), Operation(Read)] public Response? P173(string name, string role) => null;
    [Path("mongo-roles/<name>/config/<setting>"), Operation(Update)] public Response? P174(string name, string setting) => null;
    [Path("mssql-roles/<name>"), Operation(Read)] public Response? P175(string name) => null;
    [Path("mssql-roles[/]"), Operation(List)] public Response? P176() => null;
    [Path("mssql-roles/<name>/rotate"), Operation(Update)] public Response? P177(string name) => null;
    [Path("mssql-roles/<name>/creds/<role>"), Operation(Read)] public Response? P178(string name, string role) => null;
    [Path("mssql-roles/<name>/config/<setting>"), Operation(Update)] public Response? P179(string name, string setting) => null;
    [Path("mysql-roles/<name>"), Operation(Read)] public Response? P180(string name) => null;
    [Path("mysql-roles[/]"), Operation(List)] public Response? P181() => null;
    [Path("mysql-roles/<name>/rotate"), Operation(Update)] public Response? P182(string name) => null;
    [Path("mysql-roles/<name>/creds/<role>"), Operation(Read)] public Response? P183(string name, string role) => null;
    [Path("mysql-roles/<name>/config/<setting>"), Operation(Update)] public Response? P184(string name, string setting) => null;
    [Path("postgres-roles/<name>"), Operation(Read)] public Response? P185(string name) => null;
    [Path("postgres-roles[/]"), Operation(List)] public Response? P186() => null;
    [Path("postgres-roles/<name>/rotate"), Operation(Update)] public Response? P187(string name) => null;
    [Path("postgres-roles/<name>/creds/<role>"), Operation(Read)] public Response? P188(string name, string role) => null;
    [Path("postgres-roles/<name>/config/<setting>"), Operation(Update)] public Response? P189(string name, string setting) => null;
    [Path("redis-roles/<name>"), Operation(Read)] public Response? P190(string name) => null;
    [Path("redis-roles[/]"), Operation(List)] public Response? P191() => null;
    [Path("redis-roles/<name>/rotate"), Operation(Update)] public Response? P192(string name) => null;
    [Path("redis-roles/<name>/creds/<role>"), Operation(Read)] public Response? P193(string name, string role) => null;
    [Path("redis-roles/<name>/config/<setting>"), Operation(Update)] public Response? P194(string name, string setting) => null;
    [Path("snowflake-roles/<name>"), Operation(Read)] public Response? P195(string name) => null;
    [Path("snowflake-roles[/]"), Operation(List)] public Response? P196() => null;
    [Path("snowflake-roles/<name>/rotate"), Operation(Update)] public Response? P197(string name) => null;
    [Path("snowflake-roles/<name>/creds/<role>"), Operation(Read)] public Response? P198(string name, string role) => null;
    [Path("snowflake-roles/<name>/config/<setting>"), Operation(Update)] public Response? P199(string name, string setting) => null;
}

/// <summary>The same 200 routes as Vault compiles them: anchored regexes tried in order.</summary>
public static class TwoHundredRegexes
{
    public static readonly Regex[] Patterns =
    [
        new(@"^roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^keys/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^keys/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^keys/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^keys/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^keys/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^certs/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^certs/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^certs/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^certs/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^certs/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^issuers/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^issuers/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^issuers/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^issuers/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^issuers/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^users/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^users/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^users/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^users/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^users/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^groups/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^groups/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^groups/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^groups/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^groups/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^policies/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^policies/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^policies/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^policies/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^policies/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^tokens/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^tokens/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^tokens/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^tokens/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^tokens/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^leases/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^leases/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^leases/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^leases/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^leases/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^config/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^config/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^config/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^config/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^config/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ssh-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ssh-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ssh-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ssh-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ssh-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^db-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^db-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^db-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^db-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^db-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^aws-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^aws-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^aws-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^aws-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^aws-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^gcp-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^gcp-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^gcp-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^gcp-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^gcp-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^azure-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^azure-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^azure-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^azure-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^azure-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^transit-keys/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^transit-keys/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^transit-keys/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^transit-keys/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^transit-keys/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^pki-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^pki-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^pki-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^pki-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^pki-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^totp-keys/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^totp-keys/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^totp-keys/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^totp-keys/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^totp-keys/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kmip-scopes/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kmip-scopes/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kmip-scopes/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kmip-scopes/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kmip-scopes/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ldap-groups/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ldap-groups/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ldap-groups/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ldap-groups/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^ldap-groups/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^oidc-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^oidc-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^oidc-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^oidc-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^oidc-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^jwt-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^jwt-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^jwt-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^jwt-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^jwt-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^approle-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^approle-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^approle-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^approle-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^approle-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cert-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cert-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cert-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cert-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cert-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^userpass-users/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^userpass-users/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^userpass-users/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^userpass-users/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^userpass-users/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^github-teams/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^github-teams/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^github-teams/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^github-teams/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^github-teams/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^okta-groups/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^okta-groups/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^okta-groups/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^okta-groups/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^okta-groups/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^radius-users/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^radius-users/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^radius-users/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^radius-users/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^radius-users/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kerberos-groups/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kerberos-groups/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kerberos-groups/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kerberos-groups/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^kerberos-groups/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cf-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cf-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cf-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cf-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^cf-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^alicloud-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^alicloud-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^alicloud-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^alicloud-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^alicloud-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^nomad-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^nomad-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^nomad-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^nomad-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^nomad-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^consul-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^consul-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^consul-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^consul-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^consul-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^rabbitmq-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^rabbitmq-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^rabbitmq-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^rabbitmq-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^rabbitmq-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mongo-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mongo-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mongo-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mongo-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mongo-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mssql-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mssql-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mssql-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mssql-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mssql-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mysql-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mysql-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mysql-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mysql-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^mysql-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^postgres-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^postgres-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^postgres-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^postgres-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^postgres-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^redis-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^redis-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^redis-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^redis-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^redis-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^snowflake-roles/(?<name>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^snowflake-roles/?\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^snowflake-roles/(?<name>\w(([\w-.]+)?\w)?)/rotate\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^snowflake-roles/(?<name>\w(([\w-.]+)?\w)?)/creds/(?<role>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
        new(@"^snowflake-roles/(?<name>\w(([\w-.]+)?\w)?)/config/(?<setting>\w(([\w-.]+)?\w)?)\z", RegexOptions.ECMAScript | RegexOptions.Compiled),
    ];
}
