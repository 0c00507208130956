namespace VaultPathGen.Generator.Tests;

internal static partial class TestBackends
{
    /// <summary>The KV layout with templates only: keys that hold slashes beside their folder listings.</summary>
    public const string Folders = """
        namespace Samples;

        [SecretsEngine]
        public partial class Folders
        {
            [Path("kv/<key**>"), ExistenceCheck]
            public bool Exists(string key) => key.Length > 3;

            [Path("kv/<key**>"), Operation(Create, Read, Update, Delete)]
            public JsonObject Key(string key, Request request) => new() { ["key"] = key, ["op"] = request.Operation.ToWireName() };

            [Path("kv/[<dir+>/]"), Operation(List)]
            public Response Folder(string dir) => Response.List(["in:" + dir]);

            [Path("blobs/<name**>/meta"), Operation(Read)]
            public JsonObject BlobMeta(string name) => new() { ["blob"] = name };
        }
        """;
}
