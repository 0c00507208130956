namespace VaultPathGen.Analyzers.Tests;

/// <summary>The code fixes for secret types: no renew method (VPG0117), no revoke method (VPG0115), an undeclared type issued (VPG0116).</summary>
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

    [Fact]
    public void VPG0115_adds_a_revoke_method_for_the_type() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType("db-user", Renewable = false)]
        public partial class E
        {
            /// <summary>Issue credentials.</summary>
            [Path("creds"), Operation(Read)]
            public Response IssueCreds() => Response.WithSecret("db-user", new JsonObject());
        }
        """,
        "VPG0115",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType("db-user", Renewable = false)]
        public partial class E
        {
            /// <summary>Issue credentials.</summary>
            [Path("creds"), Operation(Read)]
            public Response IssueCreds() => Response.WithSecret("db-user", new JsonObject());

            /// <summary>Revokes a <c>db-user</c> lease: removes what it granted. Not implemented yet.</summary>
            [Revoke("db-user")]
            public Task RevokeDbUser(JsonObject internalData, IStorage storage, CancellationToken cancellationToken) => throw new NotImplementedException();
        }
        """);

    [Fact]
    public void VPG0115_names_the_type_by_the_declarations_constant() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType(Creds, Renewable = false)]
        public partial class E
        {
            private const string Creds = "creds";

            private void RevokeCreds() { }
        }
        """,
        "VPG0115",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType(Creds, Renewable = false)]
        public partial class E
        {
            private const string Creds = "creds";

            private void RevokeCreds() { }

            /// <summary>Revokes a <c>creds</c> lease: removes what it granted. Not implemented yet.</summary>
            [Revoke(Creds)]
            public Task RevokeCreds2(JsonObject internalData, IStorage storage, CancellationToken cancellationToken) => throw new NotImplementedException();
        }
        """);

    private const string IssuesUndeclared = """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType(CredsType, Renewable = false)]
        public partial class E
        {
            private const string CredsType = "creds";

            /// <summary>Issue credentials.</summary>
            [Path("creds"), Operation(Read)]
            public Response IssueCreds() => Response.WithSecret("cred", new JsonObject());

            [Revoke(CredsType)] public void RevokeCreds() { }
        }
        """;

    [Fact]
    public void VPG0116_uses_a_declared_type_as_the_declaration_names_it() => AssertFix(
        IssuesUndeclared,
        "VPG0116",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [SecretType(CredsType, Renewable = false)]
        public partial class E
        {
            private const string CredsType = "creds";

            /// <summary>Issue credentials.</summary>
            [Path("creds"), Operation(Read)]
            public Response IssueCreds() => Response.WithSecret(CredsType, new JsonObject());

            [Revoke(CredsType)] public void RevokeCreds() { }
        }
        """,
        "Use the declared secret type \"creds\"");

    [Fact]
    public void VPG0116_declares_the_type_on_the_class_leaving_its_revoke_and_renew_to_write()
    {
        var fixedSource = Harness.ApplyFix(IssuesUndeclared, "VPG0116", "Declare");

        Assert.Equal("""
            /// <summary>Test engine.</summary>
            [SecretsEngine]
            [SecretType(CredsType, Renewable = false)]
            [SecretType("cred")]
            public partial class E
            {
                private const string CredsType = "creds";

                /// <summary>Issue credentials.</summary>
                [Path("creds"), Operation(Read)]
                public Response IssueCreds() => Response.WithSecret("cred", new JsonObject());

                [Revoke(CredsType)] public void RevokeCreds() { }
            }
            """.ReplaceLineEndings("\n"), fixedSource.ReplaceLineEndings("\n"));
        Assert.Equal(["VPG0115", "VPG0117"], Harness.Diagnostics(fixedSource).Select(d => d.Id).Order(StringComparer.Ordinal));
    }
}
