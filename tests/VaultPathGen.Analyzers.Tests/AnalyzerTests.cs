using Microsoft.CodeAnalysis;
using System.Globalization;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>Every analyzer diagnostic: fires with the exact id and span, and stays quiet on correct code.</summary>
public partial class AnalyzerTests
{
    internal static string Engine(string members, string classAttributes = "") => $$"""
        /// <summary>Test engine.</summary>
        [SecretsEngine]{{classAttributes}}
        public partial class E
        {
        {{members}}
        }
        """;

    internal const string ReadKey = """
            /// <summary>Read an item.</summary>
            /// <param name="key">The item's key.</param>
            [Path("kv/<key>"), Operation(Read)]
            public Response? ReadItem(string key) => null;
        """;

    internal const string KeyExists = """
            /// <summary>Whether the item exists.</summary>
            [Path("kv/<key>"), ExistenceCheck]
            public bool ItemExists(string key) => false;
        """;

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public void VPG0130_method_named_like_an_operation_it_uses()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>Read an item.</summary>
                /// <param name="key">The item's key.</param>
                [Path("kv/<key>"), Operation(Read)]
                public Response? [|Read|](string key) => null;
            """), "VPG0130");
        Assert.StartsWith("Method 'Read' hides the operation Read inside this type", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void VPG0130_not_reported_when_the_operation_is_qualified_or_the_name_unused() =>
        Harness.AssertNotReported(Engine("""
                /// <summary>Read an item.</summary>
                /// <param name="key">The item's key.</param>
                [Path("kv/<key>"), Operation(Operation.Read)]
                public Response? Read(string key) => null;

                /// <summary>List items.</summary>
                [Path("kv/"), Operation(List)]
                public Response? Delete() => null;
            """), "VPG0130");

    [Fact]
    public void VPG0101_declared_operation_without_handler()
    {
        var d = Harness.AssertReported(Engine(ReadKey, "\n[PathOptions(\"kv/<key>\", Operations = new[] { Read, [|Delete|] })]"), "VPG0101");
        Assert.Equal("\"kv/<key>\" declares the delete operation, but no handler serves it; Vault would answer 405 unsupported operation", Message(d));
    }

    [Fact]
    public void VPG0101_declared_operation_in_a_collection_expression() =>
        Harness.AssertReported(Engine(ReadKey, "\n[PathOptions(\"kv/<key>\", Operations = [Operation.Read, [|Operation.List|]])]"), "VPG0101");

    [Fact]
    public void VPG0101_not_reported_when_every_declared_operation_has_a_handler() =>
        Harness.AssertClean(Engine(ReadKey, "\n[PathOptions(\"kv/<key>\", Operations = new[] { Read })]"));

    [Fact]
    public void VPG0102_create_without_update()
    {
        var d = Harness.AssertReported(Engine(KeyExists + """
                /// <summary>Create an item.</summary>
                /// <param name="key">The item's key.</param>
                [Path("kv/<key>"), Operation([|Create|])]
                public Response? CreateItem(string key) => null;
            """), "VPG0102");
        Assert.Contains("'CreateItem' handles create on \"kv/<key>\"", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void VPG0102_not_reported_when_update_is_served() =>
        Harness.AssertClean(Engine(KeyExists + """
                /// <summary>Write an item.</summary>
                /// <param name="key">The item's key.</param>
                [Path("kv/<key>"), Operation(Create, Update)]
                public Response? WriteItem(string key) => null;
            """));

    [Fact]
    public void VPG0103_list_on_a_path_without_trailing_slash()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>List keys.</summary>
                [Path([|"keys"|]), Operation(List)]
                public Response? ListKeys() => null;
            """), "VPG0103");
        Assert.Equal("'ListKeys' handles list on \"keys\", but Vault sends list requests with a trailing '/' (\"keys/\"), which \"keys\" does not match; write \"keys[/]\"", Message(d));
        Assert.Equal("keys[/]", d.Properties["Suggestion"]);
    }

    [Fact]
    public void VPG0103_list_on_an_optional_capture_suggests_its_own_path()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>List roles.</summary>
                /// <param name="name">A role.</param>
                [Path([|"roles[/<name>]"|]), Operation(List)]
                public Response? ListRoles(string name) => null;
            """), "VPG0103");
        Assert.EndsWith("declare the list handler on its own path, e.g. \"roles[/]\"", Message(d), StringComparison.Ordinal);
        Assert.False(d.Properties.ContainsKey("Suggestion"));
    }

    [Fact]
    public void VPG0103_list_on_a_key_capture_points_at_its_folders()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>List keys.</summary>
                /// <param name="key">A key.</param>
                [Path([|"kv/<key**>"|]), Operation(List)]
                public Response? ListKeys(string key) => null;
            """), "VPG0103");
        Assert.EndsWith("(\"kv/x/y/\"), which \"kv/<key**>\" does not match; a <key**> capture never ends in '/'; declare the list handler on its own path, e.g. \"kv/[<key+>/]\"", Message(d), StringComparison.Ordinal);
        Assert.False(d.Properties.ContainsKey("Suggestion"));
    }

    [Theory]
    [InlineData("keys[/]")]
    [InlineData("keys/")]
    [InlineData("kv/<key**>/")]
    [InlineData("kv/[<dir+>/]")]
    [InlineData("data/<path*>")]
    [InlineData("data[/<path+>]")]
    public void VPG0103_not_reported_when_the_path_takes_a_trailing_slash(string template) =>
        Harness.AssertClean(Engine($$"""
                /// <summary>List keys.</summary>
                /// <param name="path">A prefix.</param>
                [Path("{{template}}"), Operation(List)]
                public Response? ListKeys(FieldData path) => null;
            """));

    [Fact]
    public void VPG0104_switch_statement_misses_a_served_operation()
    {
        var d = Harness.AssertReported(Engine(KeyExists + """
                /// <summary>Write or delete an item.</summary>
                /// <param name="key">The item's key.</param>
                [Path("kv/<key>"), Operation(Create, Update, Delete)]
                public Response? Change(string key, Request request)
                {
                    [|switch|] (request.Operation)
                    {
                        case Operation.Create:
                        case Operation.Update:
                            return null;
                        default:
                            throw new InvalidOperationException();
                    }
                }
            """), "VPG0104");
        Assert.Equal("This switch in 'Change' has no case for Delete, which 'Change' serves", Message(d));
    }

    [Fact]
    public void VPG0104_switch_expression_misses_served_operations()
    {
        var d = Harness.AssertReported(Engine(KeyExists + """
                /// <summary>Write or delete an item.</summary>
                /// <param name="key">The item's key.</param>
                [Path("kv/<key>"), Operation(Create, Update, Delete)]
                public Response? Change(string key, Request request) => request.Operation [|switch|]
                {
                    Operation.Update => null,
                    _ => throw new NotSupportedException(),
                };
            """), "VPG0104");
        Assert.Equal("This switch in 'Change' has no case for Create, Delete, which 'Change' serves", Message(d));
    }

    [Theory]
    [InlineData("Operation.Create or Operation.Update => null, Operation.Delete => null, _ => throw new NotSupportedException()")]
    [InlineData("Operation.Delete => null, _ => null")]
    public void VPG0104_not_reported_when_every_served_operation_has_a_case(string arms) =>
        Harness.AssertClean(Engine(KeyExists + $$"""
                /// <summary>Write or delete an item.</summary>
                /// <param name="key">The item's key.</param>
                [Path("kv/<key>"), Operation(Create, Update, Delete)]
                public Response? Change(string key, Request request) => request.Operation switch { {{arms}} };
            """));

    [Fact]
    public void VPG0105_capture_without_parameter()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>Read a role.</summary>
                [Path("roles/[|<name>|]"), Operation(Read)]
                public Response? ReadRole() => null;
            """), "VPG0105");
        Assert.Equal("The capture 'name' of \"roles/<name>\" is not bound to a parameter of 'ReadRole'; add a parameter named 'name'", Message(d));
    }

    [Fact]
    public void VPG0105_not_reported_when_bound_or_read_through_FieldData() =>
        Harness.AssertClean(Engine("""
                /// <summary>Read a role.</summary>
                /// <param name="name">The role.</param>
                [Path("roles/<name>"), Operation(Read)]
                public Response? ReadRole(string name) => null;

                /// <summary>Delete a role.</summary>
                [Path("roles/<name>"), Operation(Delete)]
                public Response? DeleteRole(FieldData data) => null;
            """));

    [Fact]
    public void VPG0106_parameter_named_like_a_capture_binds_a_body_field()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>Read a role.</summary>
                /// <param name="roleName">The role.</param>
                [Path("roles/<roleName>"), Operation(Read)]
                public Response? ReadRole(string [|roleName|]) => null;
            """), "VPG0106");
        Assert.Equal("Parameter 'roleName' binds the body field \"role_name\", not the capture 'roleName' of \"roles/<roleName>\"; write [Field(\"roleName\")] or rename the capture", Message(d));
        Assert.DoesNotContain(Harness.Diagnostics(Harness.Markup(Engine("""
                /// <summary>Read a role.</summary>
                /// <param name="roleName">The role.</param>
                [Path("roles/<roleName>"), Operation(Read)]
                public Response? ReadRole(string [|roleName|]) => null;
            """)).Source), x => x.Id == "VPG0105");
    }

    [Fact]
    public void VPG0106_not_reported_when_the_field_name_is_explicit() =>
        Harness.AssertClean(Engine("""
                /// <summary>Read a role.</summary>
                /// <param name="roleName">The role.</param>
                [Path("roles/<roleName>"), Operation(Read)]
                public Response? ReadRole([Field("roleName")] string roleName) => null;

                /// <summary>Read a user.</summary>
                /// <param name="userName">The user.</param>
                [Path("users/<user_name>"), Operation(Read)]
                public Response? ReadUser(string userName) => null;
            """));

    [Fact]
    public void VPG0107_out_parameter()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>Read a role.</summary>
                /// <param name="name">The role.</param>
                [Path("roles/<name>"), Operation(Read)]
                public Response? ReadRole(string name, out int [|count|]) { count = 0; return null; }
            """), "VPG0107");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("Parameter 'count' of 'ReadRole' is 'out'; handler parameters receive captures, fields and services by value: remove 'out'", Message(d));
    }

    [Fact]
    public void VPG0107_not_reported_for_by_value_and_in_parameters() =>
        Harness.AssertClean(Engine("""
                /// <summary>Read a role.</summary>
                /// <param name="name">The role.</param>
                /// <param name="count">How many.</param>
                [Path("roles/<name>"), Operation(Read)]
                public Response? ReadRole(string name, in int count) => null;
            """));

    [Fact]
    public void VPG0108_csharp_default_on_a_field()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>Write a role.</summary>
                /// <param name="name">The role.</param>
                /// <param name="ttl">Lifetime in seconds.</param>
                [Path("roles/<name>"), Operation(Update)]
                public Response? WriteRole(string name, int ttl [|= 60|]) => null;
            """), "VPG0108");
        Assert.Equal("The C# default of parameter 'ttl' is never used: an absent field \"ttl\" binds its type's zero value; write [Field(Default = 60)] instead", Message(d));
    }

    [Fact]
    public void VPG0108_not_reported_for_zero_defaults_services_or_field_defaults() =>
        Harness.AssertClean(Engine("""
                /// <summary>Write a role.</summary>
                /// <param name="name">The role.</param>
                /// <param name="ttl">Lifetime in seconds.</param>
                /// <param name="max">Most uses.</param>
                /// <param name="note">A note.</param>
                [Path("roles/<name>"), Operation(Update)]
                public Response? WriteRole(string name, [Field(Default = 60)] int ttl = 60, int max = 0, string? note = null, CancellationToken cancellationToken = default) => null;
            """));

    [Fact]
    public void VPG0109_handler_without_summary()
    {
        var d = Harness.AssertReported(Engine("""
                [Path("p"), Operation(Read)]
                public Response? [|ReadP|]() => null;
            """), "VPG0109");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
    }

    [Fact]
    public void VPG0109_not_reported_with_an_xml_summary_or_a_Summary_argument() =>
        Harness.AssertClean(Engine("""
                /// <summary>Read p.</summary>
                [Path("p"), Operation(Read)]
                public Response? ReadP() => null;

                [Path("q"), Operation(Read, Summary = "Read q.")]
                public Response? ReadQ() => null;
            """));

    [Fact]
    public void VPG0110_field_without_description()
    {
        var d = Harness.AssertReported(Engine("""
                /// <summary>Write p.</summary>
                [Path("p"), Operation(Update)]
                public Response? WriteP(int [|maxUses|]) => null;
            """), "VPG0110");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("Field \"max_uses\" of \"p\" has no description for Vault's help and OpenAPI: add <param name=\"maxUses\"> or [Field(Description = \"...\")]", Message(d));
    }

    [Fact]
    public void VPG0110_not_reported_when_the_field_is_described_anywhere_on_the_path() =>
        Harness.AssertClean(Engine("""
                /// <summary>Write p.</summary>
                /// <param name="maxUses">Most uses.</param>
                [Path("p/<name>"), Operation(Update)]
                public Response? WriteP([Field(Description = "The name.")] string name, int maxUses) => null;

                /// <summary>Read p.</summary>
                [Path("p/<name>"), Operation(Read)]
                public Response? ReadP(string name, int maxUses) => null;
            """));
}
