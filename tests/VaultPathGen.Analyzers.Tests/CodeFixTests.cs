namespace VaultPathGen.Analyzers.Tests;

/// <summary>Every code fix: the source before and after, and the fixed backend builds with no diagnostic at all.</summary>
public partial class CodeFixTests
{
    private static void AssertFix(string before, string id, string after, string? title = null)
    {
        var fixedSource = Harness.ApplyFix(before, id, title);
        Assert.Equal(after.ReplaceLineEndings("\n"), fixedSource.ReplaceLineEndings("\n"));
        Harness.AssertClean(fixedSource);
    }

    [Fact]
    public void VPG0101_adds_a_handler_stub_for_the_declared_operation() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [PathOptions("kv/<key>", Operations = new[] { Read, Delete })]
        public partial class E
        {
            /// <summary>Read an item.</summary>
            /// <param name="key">The item's key.</param>
            [Path("kv/<key>"), Operation(Read)]
            public Response? ReadItem(string key) => null;
        }
        """,
        "VPG0101",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [PathOptions("kv/<key>", Operations = new[] { Read, Delete })]
        public partial class E
        {
            /// <summary>Read an item.</summary>
            /// <param name="key">The item's key.</param>
            [Path("kv/<key>"), Operation(Read)]
            public Response? ReadItem(string key) => null;

            /// <summary>delete on <c>kv/&lt;key&gt;</c>: not implemented yet.</summary>
            [Path("kv/<key>"), Operation(Delete)]
            public Task<Response?> DeleteItem(string key) => throw new NotImplementedException();
        }
        """);

    private const string CreateOnly = """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Whether the item exists.</summary>
            [Path("kv/<key>"), ExistenceCheck]
            public bool ItemExists(string key) => false;

            /// <summary>Create an item.</summary>
            /// <param name="key">The item's key.</param>
            [Path("kv/<key>"), Operation(Create)]
            public Response? CreateItem(string key) => null;
        }
        """;

    [Fact]
    public void VPG0102_adds_an_update_handler_stub() => AssertFix(
        CreateOnly,
        "VPG0102",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Whether the item exists.</summary>
            [Path("kv/<key>"), ExistenceCheck]
            public bool ItemExists(string key) => false;

            /// <summary>Create an item.</summary>
            /// <param name="key">The item's key.</param>
            [Path("kv/<key>"), Operation(Create)]
            public Response? CreateItem(string key) => null;

            /// <summary>update on <c>kv/&lt;key&gt;</c>: not implemented yet.</summary>
            [Path("kv/<key>"), Operation(Update)]
            public Task<Response?> UpdateItem(string key) => throw new NotImplementedException();
        }
        """,
        "Add a Update handler");

    [Fact]
    public void VPG0102_lets_the_create_handler_serve_update() => AssertFix(
        CreateOnly,
        "VPG0102",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Whether the item exists.</summary>
            [Path("kv/<key>"), ExistenceCheck]
            public bool ItemExists(string key) => false;

            /// <summary>Create an item.</summary>
            /// <param name="key">The item's key.</param>
            [Path("kv/<key>"), Operation(Create, Update)]
            public Response? CreateItem(string key) => null;
        }
        """,
        "Handle update here too");

    [Fact]
    public void VPG0103_rewrites_the_template_everywhere_it_is_named() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [PathOptions("keys", Synopsis = "Keys.")]
        public partial class E
        {
            /// <summary>List keys.</summary>
            [Path("keys"), Operation(List)]
            public Response? ListKeys() => null;

            /// <summary>Describe the keys.</summary>
            [Path("keys"), Operation(Read)]
            public Response? ReadKeys() => null;
        }
        """,
        "VPG0103",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        [PathOptions("keys[/]", Synopsis = "Keys.")]
        public partial class E
        {
            /// <summary>List keys.</summary>
            [Path("keys[/]"), Operation(List)]
            public Response? ListKeys() => null;

            /// <summary>Describe the keys.</summary>
            [Path("keys[/]"), Operation(Read)]
            public Response? ReadKeys() => null;
        }
        """);

    [Fact]
    public void VPG0105_adds_a_parameter_for_the_capture() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Read a role.</summary>
            /// <param name="name">The role.</param>
            [Path("roles/<name>"), Operation(Read)]
            public Response? ReadRole(string name) => null;

            /// <summary>Delete a role.</summary>
            [Path("roles/<name>"), Operation(Delete)]
            public Response? DeleteRole(IStorage storage) => null;
        }
        """,
        "VPG0105",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Read a role.</summary>
            /// <param name="name">The role.</param>
            [Path("roles/<name>"), Operation(Read)]
            public Response? ReadRole(string name) => null;

            /// <summary>Delete a role.</summary>
            /// <param name="name">The name from the path.</param>
            [Path("roles/<name>"), Operation(Delete)]
            public Response? DeleteRole(string name, IStorage storage) => null;
        }
        """);

    [Fact]
    public void VPG0105_binds_a_camel_case_capture_by_its_exact_name() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Read a role.</summary>
            [Path("roles/<roleName>"), Operation(Read, Summary = "Read a role.")]
            public Response? ReadRole([Field(Description = "The role.")] int unused) => null;
        }
        """,
        "VPG0105",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Read a role.</summary>
            /// <param name="roleName">The roleName from the path.</param>
            [Path("roles/<roleName>"), Operation(Read, Summary = "Read a role.")]
            public Response? ReadRole([Field("roleName")] string roleName, [Field(Description = "The role.")] int unused) => null;
        }
        """);

    [Fact]
    public void VPG0106_binds_the_parameter_to_the_capture() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Read a role.</summary>
            /// <param name="roleName">The role.</param>
            [Path("roles/<roleName>"), Operation(Read)]
            public Response? ReadRole(string roleName) => null;
        }
        """,
        "VPG0106",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Read a role.</summary>
            /// <param name="roleName">The role.</param>
            [Path("roles/<roleName>"), Operation(Read)]
            public Response? ReadRole([Field("roleName")] string roleName) => null;
        }
        """);

    [Theory]
    [InlineData("int ttl = 60)", "[Field(Default = 60)] int ttl)")]
    [InlineData("[Field(Description = \"Lifetime.\")] int ttl = 60)", "[Field(Description = \"Lifetime.\", Default = 60)] int ttl)")]
    [InlineData("int ttl = 60, CancellationToken cancellationToken = default)", "[Field(Default = 60)] int ttl = 60, CancellationToken cancellationToken = default)")]
    public void VPG0108_moves_the_default_to_the_field(string parameter, string fixedParameter)
    {
        const string Source = """
            /// <summary>Test engine.</summary>
            [SecretsEngine]
            public partial class E
            {
                /// <summary>Write a role.</summary>
                /// <param name="name">The role.</param>
                /// <param name="ttl">Lifetime.</param>
                [Path("roles/<name>"), Operation(Update)]
                public Response? WriteRole(string name, PARAMETER => null;
            }
            """;
        AssertFix(Source.Replace("PARAMETER", parameter), "VPG0108", Source.Replace("PARAMETER", fixedParameter));
    }

    [Fact]
    public void VPG0001_makes_the_backend_partial() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public sealed class E
        {
            /// <summary>Read p.</summary>
            [Path("p"), Operation(Read)]
            public Response? ReadP() => null;
        }
        """,
        "VPG0001",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public sealed partial class E
        {
            /// <summary>Read p.</summary>
            [Path("p"), Operation(Read)]
            public Response? ReadP() => null;
        }
        """);

    [Fact]
    public void VPG0003_makes_the_containing_types_partial() => AssertFix(
        """
        public static class Outer
        {
            public class Middle
            {
                /// <summary>Test engine.</summary>
                [SecretsEngine]
                public partial class E
                {
                    /// <summary>Read p.</summary>
                    [Path("p"), Operation(Read)]
                    public Response? ReadP() => null;
                }
            }
        }
        """,
        "VPG0003",
        """
        public static partial class Outer
        {
            public partial class Middle
            {
                /// <summary>Test engine.</summary>
                [SecretsEngine]
                public partial class E
                {
                    /// <summary>Read p.</summary>
                    [Path("p"), Operation(Read)]
                    public Response? ReadP() => null;
                }
            }
        }
        """);

    [Fact]
    public void VPG0013_adds_an_existence_check() => AssertFix(
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Read an item.</summary>
            /// <param name="key">The item's key.</param>
            [Path("kv/<key>"), Operation(Read)]
            public Response? ReadItem(string key) => null;

            /// <summary>Write an item.</summary>
            [Path("kv/<key>"), Operation(Create, Update)]
            public Response? WriteItem(string key) => null;
        }
        """,
        "VPG0013",
        """
        /// <summary>Test engine.</summary>
        [SecretsEngine]
        public partial class E
        {
            /// <summary>Whether the item at <c>kv/&lt;key&gt;</c> exists, so Vault sends create or update.</summary>
            [Path("kv/<key>"), ExistenceCheck]
            public bool ItemExists(string key) => throw new NotImplementedException();

            /// <summary>Read an item.</summary>
            /// <param name="key">The item's key.</param>
            [Path("kv/<key>"), Operation(Read)]
            public Response? ReadItem(string key) => null;

            /// <summary>Write an item.</summary>
            [Path("kv/<key>"), Operation(Create, Update)]
            public Response? WriteItem(string key) => null;
        }
        """);

    [Fact]
    public void VPG0101_stub_writes_Operation_dot_member_when_a_method_hides_the_enum_member()
    {
        var fixedSource = Harness.ApplyFix(
            """
            /// <summary>Test engine.</summary>
            [SecretsEngine]
            [PathOptions("roles/<name>", Operations = new[] { Operation.Read, Operation.Delete })]
            public partial class E
            {
                /// <summary>Read a role.</summary>
                /// <param name="name">The role.</param>
                [Path("roles/<name>"), Operation(Operation.Read)]
                public Response? Read(string name) => null;

                private static void Delete()
                {
                }
            }
            """,
            "VPG0101");
        Assert.Contains("[Path(\"roles/<name>\"), Operation(Operation.Delete)]", fixedSource, StringComparison.Ordinal);
        Assert.Contains("DeleteRoles(string name)", fixedSource, StringComparison.Ordinal);
    }
}
