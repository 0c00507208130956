using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VaultPathGen.Testing;

/// <summary>How <see cref="VaultTestHost"/> mounts the backend.</summary>
public sealed class VaultTestHostOptions
{
    /// <summary>The mount point put on every request (Vault's <c>Request.MountPoint</c>).</summary>
    public string MountPoint { get; init; } = "test/";

    /// <summary>The mount type put on every request.</summary>
    public string MountType { get; init; } = "";

    /// <summary>Mount configuration handed to <see cref="IBackend.SetupAsync"/>.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>The mount's UUID; a new one per host when not set.</summary>
    public string? BackendUuid { get; init; }

    /// <summary>
    /// Vault's system view as the backend sees it: lease limits, mount state, Vault's version. A
    /// <see cref="StaticSystemView"/> with Vault's defaults when not set; the host's lease handling
    /// applies the same limits.
    /// </summary>
    public ISystemView SystemView { get; init; } = StaticSystemView.Default;

    /// <summary>Where the backend's loggers come from.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
