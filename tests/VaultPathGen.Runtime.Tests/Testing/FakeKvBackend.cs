using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace VaultPathGen.Tests.Testing;

/// <summary>
/// A hand-written backend for driving the test host: a small KV store at <c>kv/&lt;name&gt;</c> with
/// an existence check, a <c>counter</c> path without one, and paths whose only job is to answer in a
/// particular way (<c>answer/&lt;kind&gt;</c>, <c>lists/&lt;kind&gt;</c>, <c>checkfail/&lt;kind&gt;</c>).
/// </summary>
internal sealed class FakeKvBackend : IBackend
{
    private readonly Lock _gate = new();

    public List<(Operation Operation, string Path)> Received { get; } = [];

    public List<string> ExistenceChecks { get; } = [];

    public BackendConfig? SetupConfig { get; private set; }

    public IStorage? InitializedWith { get; private set; }

    public int SetupCount { get; private set; }

    public int InitializeCount { get; private set; }

    public int CleanupCount { get; private set; }

    public List<string> Invalidated { get; } = [];

    public JsonObject? LastData { get; private set; }

    public BackendDescriptor Descriptor { get; } = new(
        "FakeKv",
        BackendType.Logical,
        "A fake KV store.",
        [
            new PathDescriptor("kv/<name>", "^kv/(?P<name>\\w(([\\w-.]+)?\\w)?)$", [], [
                new OperationDescriptor(Operation.Create, "create", "", "Write"),
                new OperationDescriptor(Operation.Update, "update", "", "Write"),
                new OperationDescriptor(Operation.Read, "read", "", "Read"),
                new OperationDescriptor(Operation.Delete, "delete", "", "Delete"),
                new OperationDescriptor(Operation.Patch, "patch", "", "Patch"),
            ], "A key.", "", hasExistenceCheck: true),
            new PathDescriptor("kv/", "^kv/?$", [], [new OperationDescriptor(Operation.List, "list", "", "List")], "Keys.", "", hasExistenceCheck: false),
            new PathDescriptor("counter", "^counter$", [], [new OperationDescriptor(Operation.Update, "bump", "", "Bump")], "A counter.", "", hasExistenceCheck: false),
        ],
        SpecialPaths.None);

    public ValueTask SetupAsync(BackendConfig config, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            SetupConfig = config;
            SetupCount++;
        }

        config.LoggerFactory.CreateLogger("FakeKv").LogInformation("setup");
        return ValueTask.CompletedTask;
    }

    public async ValueTask InitializeAsync(IStorage storage, CancellationToken cancellationToken)
    {
        // Yield so that concurrent first calls would overlap if the host mounted twice.
        await Task.Delay(20, cancellationToken);
        lock (_gate)
        {
            InitializedWith = storage;
            InitializeCount++;
        }
    }

    public async ValueTask<ExistenceCheckResult> HandleExistenceCheckAsync(Request request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ExistenceChecks.Add(request.Path);
        }

        if (request.Path.StartsWith("kv/", StringComparison.Ordinal) && request.Path.Length > 3)
        {
            return new ExistenceCheckResult(true, await request.Storage.GetAsync(request.Path, cancellationToken) is not null);
        }

        if (request.Path.StartsWith("checkfail/", StringComparison.Ordinal))
        {
            throw request.Path["checkfail/".Length..] switch
            {
                "user" => LogicalException.User("name must be lower case"),
                "path" => LogicalException.UnsupportedPath(),
                _ => new InvalidOperationException("existence check exploded"),
            };
        }

        if (request.Path is "counter" || request.Path.StartsWith("answer/", StringComparison.Ordinal))
        {
            return ExistenceCheckResult.NotFound;
        }

        throw LogicalException.UnsupportedPath();
    }

    public async ValueTask<Response?> HandleRequestAsync(Request request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Received.Add((request.Operation, request.Path));
            LastData = request.Data;
        }

        var path = request.Path;
        if (request.Operation == Operation.Help)
        {
            var help = new JsonObject { ["help"] = path.Length == 0 ? Descriptor.Help : $"help for {path}" };
            if (path == "kv/openapi")
            {
                help["openapi"] = new JsonObject { ["openapi"] = "3.0.2" };
            }

            return path == "answer/error" ? Response.Error("no help here") : Response.WithData(help);
        }

        if (path == "kv/")
        {
            return request.Operation == Operation.List
                ? Response.List(await request.Storage.ListAsync("kv/", cancellationToken))
                : throw LogicalException.UnsupportedOperation();
        }

        if (path.StartsWith("kv/", StringComparison.Ordinal))
        {
            return await KvAsync(request, cancellationToken);
        }

        if (path == "counter")
        {
            return request.Operation == Operation.Update ? await BumpAsync(request, cancellationToken) : throw LogicalException.UnsupportedOperation();
        }

        if (path.StartsWith("answer/", StringComparison.Ordinal))
        {
            return Answer(path["answer/".Length..]);
        }

        if (path.StartsWith("lists/", StringComparison.Ordinal) && request.Operation == Operation.List)
        {
            return ListAnswer(path["lists/".Length..].TrimEnd('/'));
        }

        if (path.StartsWith("checkfail/", StringComparison.Ordinal))
        {
            return null;
        }

        if (path == "slow")
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        throw LogicalException.UnsupportedPath();
    }

    public ValueTask InvalidateKeyAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Invalidated.Add(key);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CleanupAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            CleanupCount++;
        }

        return ValueTask.CompletedTask;
    }

    private static async ValueTask<Response?> KvAsync(Request request, CancellationToken cancellationToken)
    {
        var storage = request.Storage;
        switch (request.Operation)
        {
            case Operation.Create:
            case Operation.Update:
                var data = request.Data ?? [];
                await storage.PutAsync(new StorageEntry(request.Path, Encoding.UTF8.GetBytes(data.ToJsonString())), cancellationToken);
                return request.Operation == Operation.Create ? null : new Response().AddWarning("overwrote " + request.Path);
            case Operation.Read:
                var entry = await storage.GetAsync(request.Path, cancellationToken);
                return entry is null ? null : Response.WithData((JsonObject)JsonNode.Parse(entry.Value)!);
            case Operation.Delete:
                await storage.DeleteAsync(request.Path, cancellationToken);
                return null;
            case Operation.Patch:
                var existing = await storage.GetAsync(request.Path, cancellationToken);
                if (existing is null)
                {
                    return null;
                }

                var merged = (JsonObject)JsonNode.Parse(existing.Value)!;
                foreach (var (key, value) in request.Data ?? [])
                {
                    merged[key] = value?.DeepClone();
                }

                await storage.PutAsync(new StorageEntry(request.Path, Encoding.UTF8.GetBytes(merged.ToJsonString())), cancellationToken);
                return Response.WithData(merged);
            default:
                throw LogicalException.UnsupportedOperation();
        }
    }

    private static async ValueTask<Response> BumpAsync(Request request, CancellationToken cancellationToken)
    {
        var entry = await request.Storage.GetAsync("counter", cancellationToken);
        var value = entry is null ? 0 : int.Parse(Encoding.UTF8.GetString(entry.Value), CultureInfo.InvariantCulture);
        value++;
        await request.Storage.PutAsync(new StorageEntry("counter", Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture))), cancellationToken);
        return Response.WithData(new JsonObject { ["value"] = value });
    }

    private static Response? Answer(string kind) => kind switch
    {
        "nothing" => null,
        "data" => Response.WithData(new JsonObject { ["answer"] = 42 }),
        "empty" => new Response(),
        "warning" => new Response().AddWarning("careful").AddWarning("very careful"),
        "error" => Response.Error("nope"),
        "error-with-data" => ErrorWithData(),
        "error-and-more" => Response.WithData(new JsonObject { ["error"] = "not really", ["other"] = 1 }),
        "redirect" => new Response { Redirect = "https://idp.example/login" },
        "headers-only" => HeadersOnly(),
        "raw" => Response.WithData(new JsonObject
        {
            ["http_status_code"] = 202,
            ["http_content_type"] = "text/plain",
            ["http_raw_body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("raw body")),
        }),
        "boom" => throw new InvalidOperationException("boom"),
        "denied" => throw LogicalException.PermissionDenied(),
        "coded" => throw LogicalException.Coded(418, "short and stout"),
        "coded-denied" => throw LogicalException.Coded(409, "permission denied"),
        "invalid" => throw LogicalException.InvalidRequest("the name is too long"),
        "bad-request" => throw new LogicalException(ErrorType.BadRequest, "the name is too long"),
        "user" => throw LogicalException.User("the name is too long"),
        "internal" => throw LogicalException.Internal("disk on fire"),
        "unsupported-op" => throw LogicalException.UnsupportedOperation(),
        "unknown-denied" => throw new UnauthorizedAccessException("permission denied"),
        "sealed" => Response.Error("Vault is sealed"),
        _ => throw LogicalException.UnsupportedPath(),
    };

    private static Response ErrorWithData()
    {
        var response = Response.Error("partly failed");
        response.Data!["data"] = new JsonObject { ["failed"] = new JsonArray("b") };
        return response;
    }

    private static Response HeadersOnly()
    {
        var response = new Response();
        response.Headers["X-Custom"] = ["1"];
        return response;
    }

    private static Response? ListAnswer(string kind) => kind switch
    {
        "nothing" => null,
        "no-keys" => Response.List([]),
        "empty-data" => new Response(),
        "warning-only" => new Response().AddWarning("nothing here yet"),
        "other-data" => Response.WithData(new JsonObject { ["total"] = 0 }),
        "bad-keys" => Response.WithData(new JsonObject { ["keys"] = new JsonArray(1, 2) }),
        "error" => Response.Error("cannot list"),
        "keys" => Response.List(["a", "b/"]),
        _ => throw LogicalException.UnsupportedPath(),
    };
}
