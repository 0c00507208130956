namespace VaultPathGen.Analyzers.Tests;

/// <summary>The code fix for a renewable secret type with no renew method.</summary>
public partial class CodeFixTests
{
    [Fact]
    public void VPG0117_declares_the_secret_type_not_renewable() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType("creds", DefaultTtl = "1h")]
        public partial class E
        {
            /// <summary>Issue credentials.</summary>
            [Path("creds"), Operation(Read)]
            public Response IssueCreds() => Response.WithSecret("creds", new JsonObject());

            [Revoke("creds")] public void RevokeCreds() { }
        }
        """,
        "VPG0117",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType("creds", DefaultTtl = "1h", Renewable = false)]
        public partial class E
        {
            /// <summary>Issue credentials.</summary>
            [Path("creds"), Operation(Read)]
            public Response IssueCreds() => Response.WithSecret("creds", new JsonObject());

            [Revoke("creds")] public void RevokeCreds() { }
        }
        """);

    [Fact]
    public void VPG0117_turns_an_explicit_renewable_true_into_false() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType("creds", Renewable = true)]
        public partial class E
        {
            [Revoke("creds")] public void RevokeCreds() { }
        }
        """,
        "VPG0117",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType("creds", Renewable = false)]
        public partial class E
        {
            [Revoke("creds")] public void RevokeCreds() { }
        }
        """);
}
