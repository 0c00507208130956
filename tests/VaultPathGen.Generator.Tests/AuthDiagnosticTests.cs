namespace VaultPathGen.Generator.Tests;

/// <summary>The generator's auth method diagnostics: exact id, exact span, nothing generated.</summary>
public class AuthDiagnosticTests
{
    [Fact]
    public void VPG0040_secrets_engine_and_auth_method_at_once() =>
        DiagnosticTests.AssertDiagnostic("[SecretsEngine, AuthMethod] public partial class Both { [Path(\"p\"), Operation(Read)] public Response? R() => null; }", "VPG0040", "Both");

    [Theory]
    [InlineData("[AuthRenew] public string Renew() => \"\";", "Renew")]
    [InlineData("[AuthRenew] public Response Renew(int ttl) => new();", "ttl")]
    public void VPG0041_invalid_auth_renew(string member, string span) =>
        DiagnosticTests.AssertDiagnostic("[AuthMethod] public partial class A { [Path(\"login\"), Operation(Update)] public Response? L() => null; " + member + " }", "VPG0041", span);

    [Fact]
    public void VPG0042_two_auth_renew_methods() =>
        DiagnosticTests.AssertDiagnostic("[AuthMethod] public partial class A { [AuthRenew] public Auth R1(Auth a) => a; [AuthRenew] public Auth R2(Auth a) => a; }", "VPG0042", "R2");

    [Fact]
    public void VPG0043_auth_renew_on_a_secrets_engine() =>
        DiagnosticTests.AssertDiagnostic("[SecretsEngine] public partial class S { [Path(\"p\"), Operation(Read)] public Response? R() => null; [AuthRenew] public Auth Renew(Auth a) => a; }", "VPG0043", "Renew");
}
