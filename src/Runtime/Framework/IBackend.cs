using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VaultPathGen;

/// <summary>
/// A Vault backend as Vault's core sees it (Vault's <c>logical.Backend</c>). The source generator
/// implements this for every class marked <see cref="SecretsEngineAttribute"/>; the plugin transport
/// and the test host call it.
/// </summary>
public interface IBackend
{
    /// <summary>The backend's paths, fields and operations.</summary>
    BackendDescriptor Descriptor { get; }

    /// <summary>Called once per mount before any request; must succeed without storage.</summary>
    ValueTask SetupAsync(BackendConfig config, CancellationToken cancellationToken);

    /// <summary>Called after setup, when storage is writable.</summary>
    ValueTask InitializeAsync(IStorage storage, CancellationToken cancellationToken);

    /// <summary>
    /// Handles a request. Returns the response (null for none: HTTP 204) or throws
    /// <see cref="LogicalException"/>; a field validation failure is an error response.
    /// </summary>
    ValueTask<Response?> HandleRequestAsync(Request request, CancellationToken cancellationToken);

    /// <summary>Vault's create-or-update decision for a write.</summary>
    ValueTask<ExistenceCheckResult> HandleExistenceCheckAsync(Request request, CancellationToken cancellationToken);

    /// <summary>A storage key changed outside this process.</summary>
    ValueTask InvalidateKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>The mount is going away.</summary>
    ValueTask CleanupAsync(CancellationToken cancellationToken);
}

/// <summary>Result of an existence check: whether the path has one, and whether the item exists.</summary>
public readonly record struct ExistenceCheckResult(bool CheckFound, bool Exists)
{
    /// <summary>The path has no existence check: Vault treats the write as update.</summary>
    public static ExistenceCheckResult NotFound => new(false, false);
}

/// <summary>What Vault gives a backend at setup (Vault's <c>logical.BackendConfig</c>).</summary>
public sealed class BackendConfig
{
    /// <summary>Mount configuration (plugin name, type, version, mount options).</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>The mount's UUID; empty during Vault's registration probe.</summary>
    public string BackendUuid { get; init; } = "";

    /// <summary>Storage; <see cref="NullStorage"/> during Vault's registration probe.</summary>
    public IStorage Storage { get; init; } = NullStorage.Instance;

    /// <summary>Vault's view of the mount: lease limits, mount state, Vault's version.</summary>
    public ISystemView SystemView { get; init; } = StaticSystemView.Default;

    /// <summary>Where backend loggers come from.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
