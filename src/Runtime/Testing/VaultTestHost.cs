using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VaultPathGen.Http;
using VaultPathGen.Json;

namespace VaultPathGen.Testing;

/// <summary>
/// Runs a backend in process the way Vault runs a mounted plugin, for tests: mounts it (setup, then
/// initialize) on first use, gives it storage, and answers each call like a Vault client would see it,
/// through <see cref="CoreRequestHandler"/> and <see cref="VaultStatus"/>. Request data crosses as JSON
/// text, as it does between Vault and a plugin, so the backend never shares objects with the test.
/// </summary>
public sealed partial class VaultTestHost : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task? _start;
    private bool _disposed;

    /// <summary>
    /// Creates a host for <paramref name="backend"/> over <paramref name="storage"/> (a new
    /// <see cref="InMemoryStorage"/> when null). The backend is mounted on first use or by <see cref="StartAsync(CancellationToken)"/>.
    /// </summary>
    public VaultTestHost(IBackend backend, IStorage? storage = null, VaultTestHostOptions? options = null)
    {
        Backend = backend ?? throw new ArgumentNullException(nameof(backend));
        Storage = storage ?? new InMemoryStorage();
        Options = options ?? new VaultTestHostOptions();
        BackendUuid = Options.BackendUuid ?? Guid.NewGuid().ToString();
    }

    /// <summary>Creates a host and mounts the backend.</summary>
    public static async Task<VaultTestHost> StartAsync(IBackend backend, IStorage? storage = null, VaultTestHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        var host = new VaultTestHost(backend, storage, options);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>The backend under test.</summary>
    public IBackend Backend { get; }

    /// <summary>The mount's storage; read and write it directly to arrange or check state.</summary>
    public IStorage Storage { get; }

    /// <summary>How the backend is mounted.</summary>
    public VaultTestHostOptions Options { get; }

    /// <summary>The mount's UUID, as given to setup.</summary>
    public string BackendUuid { get; }

    /// <summary>
    /// Mounts the backend (setup, then initialize) unless already done. A failure is rethrown here and
    /// by every later call: a backend that cannot mount cannot serve requests.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Task start;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            start = _start ??= MountAsync();
        }

        return start.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A read (HTTP GET). Query parameters become the request data as Vault's HTTP layer makes them:
    /// one value as a string, a repeated key as a list of strings.
    /// </summary>
    public Task<HostResponse> ReadAsync(string path, IEnumerable<KeyValuePair<string, string>>? query = null, CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(Operation.Read, path, QueryData(query)), cancellationToken);

    /// <summary>A list (HTTP LIST); the trailing <c>/</c> Vault adds is added when missing.</summary>
    public Task<HostResponse> ListAsync(string path, CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(Operation.List, path, null), cancellationToken);

    /// <summary>A write (HTTP POST/PUT): the existence check decides between create and update.</summary>
    public Task<HostResponse> WriteAsync(string path, JsonObject? data = null, CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(Operation.Update, path, CopyOf(data)), cancellationToken);

    /// <summary>A write whose body is JSON text (an object).</summary>
    public Task<HostResponse> WriteAsync(string path, string json, CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(Operation.Update, path, ParseObject(json)), cancellationToken);

    /// <summary>A patch (HTTP PATCH with a JSON merge patch).</summary>
    public Task<HostResponse> PatchAsync(string path, JsonObject? data = null, CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(Operation.Patch, path, CopyOf(data)), cancellationToken);

    /// <summary>A patch whose body is JSON text (an object).</summary>
    public Task<HostResponse> PatchAsync(string path, string json, CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(Operation.Patch, path, ParseObject(json)), cancellationToken);

    /// <summary>A delete (HTTP DELETE), with optional query parameters.</summary>
    public Task<HostResponse> DeleteAsync(string path, IEnumerable<KeyValuePair<string, string>>? query = null, CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(Operation.Delete, path, QueryData(query)), cancellationToken);

    /// <summary>A help request (<c>?help=1</c>); <c>""</c> asks for the backend's own help. The data is the help itself.</summary>
    public Task<HostResponse> HelpAsync(string path = "", CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(Operation.Help, path, null), cancellationToken);

    /// <summary>
    /// Sends <paramref name="operation"/> as a Vault client would: a list gets its trailing slash and a
    /// create or update goes through the existence check. Data is copied as JSON.
    /// </summary>
    public Task<HostResponse> SendAsync(Operation operation, string path, JsonObject? data = null, CancellationToken cancellationToken = default)
        => SendAsync(NewRequest(operation, path, CopyOf(data)), cancellationToken);

    /// <summary>
    /// Sends a request as a Vault client would (see <see cref="SendAsync(Operation, string, JsonObject?, CancellationToken)"/>).
    /// The host sets the request's storage, and core may change its operation and path, as Vault does.
    /// </summary>
    public async Task<HostResponse> SendAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        if (request.Operation == Operation.List && !request.Path.EndsWith('/'))
        {
            request.Path += "/";
        }

        request.Storage = Storage;
        var result = await CoreRequestHandler.HandleAsync(Backend, request, cancellationToken).ConfigureAwait(false);
        await Expiration.RegisterAsync(request, result.Response, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        return new HostResponse(result);
    }

    /// <summary>
    /// Sends <paramref name="operation"/> to the backend exactly as given: no existence check, no
    /// trailing slash. For what Vault itself never sends, such as a create to an item that exists.
    /// </summary>
    public Task<HostResponse> SendExactAsync(Operation operation, string path, JsonObject? data = null, CancellationToken cancellationToken = default)
        => SendExactAsync(NewRequest(operation, path, CopyOf(data)), cancellationToken);

    /// <summary>Sends a request to the backend exactly as given (see <see cref="SendExactAsync(Operation, string, JsonObject?, CancellationToken)"/>).</summary>
    public async Task<HostResponse> SendExactAsync(Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        request.Storage = Storage;
        Response? response = null;
        Exception? error = null;
        try
        {
            response = await Backend.HandleRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            error = e;
        }

        ReturnedErrors.MoveToError(ref response, ref error);
        var outcome = VaultStatus.Evaluate(request.Operation, response, error);
        return new HostResponse(new CoreResult(request, null, reachedBackend: true, response, error, outcome));
    }

    /// <summary>Tells the backend a storage key changed elsewhere (Vault's <c>InvalidateKey</c>).</summary>
    public async Task InvalidateAsync(string key, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await Backend.InvalidateKeyAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON stored at <paramref name="key"/>, or null when there is no entry.</summary>
    /// <exception cref="JsonException">The entry is not JSON.</exception>
    public async Task<JsonNode?> ReadStorageJsonAsync(string key, CancellationToken cancellationToken = default)
    {
        var entry = await Storage.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : JsonNode.Parse(entry.Value);
    }

    /// <summary>Stores <paramref name="value"/> as JSON at <paramref name="key"/>.</summary>
    public async Task WriteStorageJsonAsync(string key, JsonNode value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        await Storage.PutAsync(new StorageEntry(key, Encoding.UTF8.GetBytes(value.ToJsonString())), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unmounts: calls the backend's cleanup if it was mounted.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? start;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            start = _start;
        }

        if (start is { IsCompletedSuccessfully: true })
        {
            await Backend.CleanupAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task MountAsync()
    {
        // Not the first caller's token: one cancelled caller must not leave the mount half done for the rest.
        var config = new BackendConfig
        {
            Config = Options.Config,
            BackendUuid = BackendUuid,
            Storage = Storage,
            SystemView = Options.SystemView,
            LoggerFactory = Options.LoggerFactory,
        };
        await Backend.SetupAsync(config, CancellationToken.None).ConfigureAwait(false);
        await Backend.InitializeAsync(Storage, CancellationToken.None).ConfigureAwait(false);
    }

    private Request NewRequest(Operation operation, string path, JsonObject? data)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith('/'))
        {
            throw new ArgumentException("Paths are relative to the mount and have no leading '/'.", nameof(path));
        }

        return new Request(operation, path)
        {
            Id = Guid.NewGuid().ToString(),
            MountPoint = Options.MountPoint,
            MountType = Options.MountType,
            Data = data,
        };
    }

    private static JsonObject? CopyOf(JsonObject? data) => data is null ? null : ParseObject(data.ToJsonString());

    private static JsonObject ParseObject(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = VaultJsonReader.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("Request data is not JSON: " + e.Message, nameof(json), e);
        }

        return node as JsonObject
            ?? throw new ArgumentException("Request data must be a JSON object.", nameof(json));
    }

    private static JsonObject? QueryData(IEnumerable<KeyValuePair<string, string>>? query)
    {
        if (query is null)
        {
            return null;
        }

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (key, value) in query)
        {
            if (key == "help")
            {
                // Vault's HTTP layer turns ?help=… into a help request and never passes it on as data.
                throw new ArgumentException("\"help\" is reserved by Vault; use HelpAsync.", nameof(query));
            }

            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
                order.Add(key);
            }

            list.Add(value);
        }

        if (order.Count == 0)
        {
            return null;
        }

        var data = new JsonObject();
        foreach (var key in order)
        {
            var list = values[key];
            if (list.Count == 1)
            {
                data[key] = list[0];
            }
            else
            {
                var array = new JsonArray();
                foreach (var item in list)
                {
                    array.Add((JsonNode)JsonValue.Create(item));
                }

                data[key] = array;
            }
        }

        return data;
    }
}
