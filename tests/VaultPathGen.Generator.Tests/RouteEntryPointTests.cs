using System.Reflection;
using VaultPathGen.Http;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// The generated <c>VaultRoute</c> (routing alone, captures as ranges) and the router's misses, which
/// come back as results instead of exceptions but reach Vault with the same status and text.
/// </summary>
public class RouteEntryPointTests
{
    // Compiled next to the backend: a Span parameter cannot be passed through reflection.
    private const string Probe = """

        public static class RouteProbe
        {
            public static string Route(string path)
            {
                Span<Range> captures = stackalloc Range[2];
                var index = BACKEND.VaultRoute(path, captures);
                return index < 0 ? "none" : BACKEND.VaultDescriptor.Paths[index].Template + " " + path[captures[0]];
            }

            public static long AllocatedBytes(string[] paths, int rounds)
            {
                Span<Range> captures = stackalloc Range[2];
                var hits = 0;
                foreach (var path in paths)
                {
                    hits += BACKEND.VaultRoute(path, captures) >= 0 ? 1 : 0;
                }

                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var r = 0; r < rounds; r++)
                {
                    foreach (var path in paths)
                    {
                        hits += BACKEND.VaultRoute(path, captures) >= 0 ? 1 : 0;
                    }
                }

                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                return hits == 0 ? -1 : allocated;
            }

            public static void TooFewCaptures() => BACKEND.VaultRoute("users/me", Span<Range>.Empty);
        }
        """;

    private static readonly Lazy<(IBackend Backend, Type Probe)> Templates = new(() => Load(TestBackends.Templates, "Templates"));
    private static readonly Lazy<(IBackend Backend, Type Probe)> Folders = new(() => Load(TestBackends.Folders, "Folders"));

    // A leading capture fixes no first segment, so its route is tried in every segment's group.
    private const string MixedSource = """
        namespace Samples;

        [SecretsEngine]
        public partial class Mixed
        {
            [Path("keys/<name>/meta"), Operation(Read)]
            public JsonObject Meta(string name) => new() { ["path"] = "meta" };

            [Path("<name>/rotate"), Operation(Read)]
            public JsonObject Rotate(string name) => new() { ["path"] = "rotate" };

            [Path("keys"), Operation(List)]
            public Response Keys() => Response.List(["k"]);
        }
        """;

    private static readonly Lazy<(IBackend Backend, Type Probe)> Mixed = new(() => Load(MixedSource, "Mixed"));

    private static (IBackend, Type) Load(string source, string name)
    {
        var backend = GeneratorHarness.Load(source + Probe.Replace("BACKEND", name, StringComparison.Ordinal), "Samples." + name);
        return (backend, backend.GetType().Assembly.GetType("Samples.RouteProbe")!);
    }

    private static object? Call(Type probe, string method, params object[] args)
    {
        try
        {
            return probe.GetMethod(method)!.Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    [Theory]
    [InlineData("users/me@corp.com", "users/<user@> me@corp.com")]
    [InlineData("data/a/b", "data/<path*> a/b")]
    [InlineData("blobs/x/y/meta", "blobs/<path+>/meta x/y")]
    [InlineData("roles", "roles[/<name>] ")]
    [InlineData("roles/admin", "roles[/<name>] admin")]
    [InlineData("config/ca", "config/ca ")]
    [InlineData("config/deep/er", "config/<rest+> deep/er")]
    [InlineData("users/-bad", "none")]
    [InlineData("nothing/here", "none")]
    public void Routes_as_the_dispatch_does_with_ranges_of_the_path(string path, string expected)
        => Assert.Equal(expected, Call(Templates.Value.Probe, "Route", path));

    [Theory]
    [InlineData("kv/a/b", "kv/<key**> a/b")]
    [InlineData("kv/dir/", "kv/[<dir+>/] dir")]
    [InlineData("blobs/a/b/meta", "blobs/<name**>/meta a/b")]
    [InlineData("kv/a\nb", "none")]
    public void Keys_and_folders_route_with_their_captures(string path, string expected)
        => Assert.Equal(expected, Call(Folders.Value.Probe, "Route", path));

    [Theory]
    [InlineData("keys/rotate", "<name>/rotate keys")]
    [InlineData("keys/rotate/meta", "keys/<name>/meta rotate")]
    [InlineData("abc/rotate", "<name>/rotate abc")]
    [InlineData("keys", "keys ")]
    [InlineData("keys/a/rotate", "none")]
    [InlineData("rotate", "none")]
    public void Grouping_by_first_segment_keeps_precedence(string path, string expected)
        => Assert.Equal(expected, Call(Mixed.Value.Probe, "Route", path));

    [Fact]
    public void Matching_allocates_nothing_for_hits_and_misses()
    {
        string[] templates = ["users/me@corp.com", "data/a/b", "blobs/x/y/meta", "roles/admin", "config/ca", "config/deep/er", "nothing/here", "users/-bad"];
        string[] folders = ["kv/a/b", "kv/dir/", "blobs/a/b/meta", "kv/a\nb", "elsewhere"];

        Assert.Equal(0L, Call(Templates.Value.Probe, "AllocatedBytes", templates, 1000));
        Assert.Equal(0L, Call(Folders.Value.Probe, "AllocatedBytes", folders, 1000));
    }

    [Fact]
    public void Too_few_capture_slots_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => Call(Templates.Value.Probe, "TooFewCaptures"));
        Assert.Equal("captures", error.ParamName);
    }

    [Theory]
    [InlineData(Operation.Read, "nothing/here", 404, "unsupported path")]
    [InlineData(Operation.Delete, "config/ca", 405, "unsupported operation")]
    [InlineData(Operation.Update, "nothing/here", 404, "unsupported path")]
    public async Task A_miss_is_returned_not_thrown_and_vault_sees_its_status(Operation operation, string path, int status, string message)
    {
        var backend = Templates.Value.Backend;
        var returned = await backend.HandleRequestAsync(new Request(operation, path) { Storage = new InMemoryStorage() }, CancellationToken.None);
        Assert.NotNull(returned?.LogicalError);

        var result = await CoreRequestHandler.HandleAsync(backend, new Request(operation, path) { Storage = new InMemoryStorage() });
        Assert.Equal(status, result.Outcome.StatusCode);
        Assert.Equal([message], result.Outcome.Errors);
        Assert.Null(result.Response);
        Assert.IsType<LogicalException>(result.Exception);
    }
}
