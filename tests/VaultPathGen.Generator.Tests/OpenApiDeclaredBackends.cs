namespace VaultPathGen.Generator.Tests;

/// <summary>A backend declaring responses and display attributes, shaped after Vault's own tests and paths.</summary>
internal static class OpenApiDeclaredBackends
{
    public const string Declared = """
        namespace Samples;

        [SecretsEngine]
        [PathOptions("foo", Synopsis = "Synopsis")]
        [DisplayAttributes("roles/<name>", Name = "Role", Navigation = true, ItemType = "Role", Action = "Create", OperationPrefix = "my-roles")]
        [DisplayAttributes("internal/specs/openapi", OperationPrefix = "internal", OperationVerb = "generate")]
        public partial class Declared
        {
            /// <summary>My Summary</summary>
            /// <remarks>My Description</remarks>
            [Path("foo"), Operation(Read)]
            [OperationResponse(202, "Amazing")]
            [ResponseField(202, "field_a", FieldType.String, Description = "field_a description")]
            [ResponseField(202, "field_b", FieldType.Bool, Description = "field_b description")]
            public Response? ReadFoo() => null;

            /// <summary>Delete stuff</summary>
            [Path("foo"), Operation(Delete)]
            public void DeleteFoo() { }

            [Path("roles/<name>"), Operation(Read)]
            [OperationResponse(200, "The role.")]
            [ResponseField(200, "ttl", FieldType.DurationSecond, Description = "How long.", Required = true)]
            [ResponseField(200, "password", FieldType.String, Sensitive = true)]
            [OperationResponse(404, "No such role.")]
            public Response? ReadRole(string name) => null;

            [Path("roles/<name>"), Operation(Update)]
            public void WriteRole(
                [DisplayAttributes(Name = "Role name")] string name,
                [DisplayAttributes(Name = "Age", Value = 7, Sensitive = true, Group = "Some Group")] int age,
                [DisplayAttributes(Description = "The certificate, PEM encoded.", EditType = "textarea")] string certificate) { }

            [Path("internal/specs/openapi"), Operation(Read), DisplayAttributes(OperationSuffix = "open-api-document")]
            public Response? ReadSpec() => null;

            [Path("internal/specs/openapi"), Operation(Update), OperationId(Suffix = "open-api-document-with-parameters")]
            public Response? WriteSpec() => null;
        }
        """;
}
