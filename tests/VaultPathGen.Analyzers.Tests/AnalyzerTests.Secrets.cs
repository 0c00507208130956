using System.Globalization;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>The secret-type analyzers (VPG0115–VPG0117).</summary>
public partial class AnalyzerTests
{
    private const string IssueCreds = """
            /// <summary>Issue credentials.</summary>
            [Path("creds"), Operation(Read)]
            public Response IssueCreds() => Response.WithSecret("creds", new JsonObject());
        """;

    private const string RenewCreds = """
            [Renew("creds")] public void RenewCreds() { }
        """;

    private const string RevokeCreds = """
            [Revoke("creds")] public void RevokeCreds(JsonObject internalData) { }
        """;

    [Fact]
    public void VPG0115_secret_type_without_revoke()
    {
        var d = Harness.AssertReported(Engine(IssueCreds + RenewCreds, "\n[[|SecretType(\"creds\")|]]"), "VPG0115");
        Assert.StartsWith("Secret type \"creds\" has no [Revoke(\"creds\")] method", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void VPG0115_not_reported_when_the_type_has_a_revoke_method() =>
        Harness.AssertClean(Engine(IssueCreds + RenewCreds + RevokeCreds, "\n[SecretType(\"creds\")]"));

    [Fact]
    public void VPG0116_handler_issues_an_undeclared_secret_type()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>Issue a token.</summary>
                [Path("token"), Operation(Read)]
                public Response IssueToken() => Response.WithSecret([|"token"|], new JsonObject());
            """ + RenewCreds + RevokeCreds, "\n[SecretType(\"creds\")]"), "VPG0116");
        Assert.StartsWith("\"token\" is not a secret type of 'E'", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void VPG0116_reported_on_a_named_argument_in_an_async_handler() =>
        Harness.AssertReported(Engine("""
                /// <summary>Issue a token.</summary>
                [Path("token"), Operation(Read)]
                public async Task<Response> IssueToken()
                {
                    await Task.Yield();
                    return Response.WithSecret(data: new JsonObject(), secretType: [|"token"|]);
                }
            """), "VPG0116");

    [Fact]
    public void VPG0116_not_reported_for_declared_types_or_names_known_only_at_run_time() =>
        Harness.AssertNotReported(Engine(IssueCreds + RenewCreds + RevokeCreds + """
                /// <summary>Issue by name.</summary>
                /// <param name="kind">The kind.</param>
                [Path("any/<kind>"), Operation(Read)]
                public Response IssueAny(string kind) => Response.WithSecret(kind, new JsonObject());
            """, "\n[SecretType(\"creds\")]"), "VPG0116");

    [Fact]
    public void VPG0117_renewable_secret_type_without_renew()
    {
        var d = Harness.AssertReported(Engine(IssueCreds + RevokeCreds, "\n[[|SecretType(\"creds\", DefaultTtl = \"1h\")|]]"), "VPG0117");
        Assert.Contains("add one or set Renewable = false", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void VPG0117_not_reported_when_the_type_is_not_renewable() =>
        Harness.AssertClean(Engine(IssueCreds + RevokeCreds, "\n[SecretType(\"creds\", Renewable = false)]"));
}
