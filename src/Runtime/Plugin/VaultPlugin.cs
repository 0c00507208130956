using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Hosting;
using VaultPathGen.Plugin.Logging;

namespace VaultPathGen.Plugin;

/// <summary>
/// Serves a backend to Vault as an external plugin (Vault's <c>plugin.Serve</c>): go-plugin
/// protocol 5 over gRPC with automatic mutual TLS. Call it from <c>Main</c>; it returns when
/// Vault shuts the plugin down or goes away.
/// </summary>
public static class VaultPlugin
{
    /// <summary>Serves a backend of type <typeparamref name="TBackend"/>, one instance per mount.</summary>
    /// <returns>The process exit code: 0 after a normal shutdown, 1 when not started by Vault.</returns>
    public static Task<int> ServeAsync<TBackend>(string[] args, VaultPluginOptions? options = null)
        where TBackend : IBackend, new()
        => ServeAsync(static () => new TBackend(), args, options);

    /// <summary>Serves the backends <paramref name="factory"/> makes, one per mount.</summary>
    /// <param name="factory">Makes a fresh backend for each mount Vault sets up.</param>
    /// <param name="args">The command line Vault passed (its <c>-args</c>); accepted and not needed.</param>
    /// <param name="options">Plugin version and logging.</param>
    /// <returns>The process exit code: 0 after a normal shutdown, 1 when not started by Vault.</returns>
    public static async Task<int> ServeAsync(Func<IBackend> factory, string[] args, VaultPluginOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(args);
        if (!PluginEnvironment.HasMagicCookie(Environment.GetEnvironmentVariable))
        {
            await Console.Error.WriteLineAsync(NotStartedByVaultMessage).ConfigureAwait(false);
            Environment.ExitCode = 1;
            return 1;
        }

        int code;
        try
        {
            code = await PluginHost.RunAsync(factory, PluginEnvironment.Read(Environment.GetEnvironmentVariable), options ?? new VaultPluginOptions()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Before or instead of the handshake: Vault shows stderr lines with "plugin exited
            // before we could connect", and they should parse like every other line.
            using var log = new HclogLoggerProvider(Console.OpenStandardError());
#pragma warning disable CA1848 // one line on the way out
            log.CreateLogger("VaultPathGen.Plugin").LogError(e, "plugin failed to start");
#pragma warning restore CA1848
            code = 1;
        }

        Environment.ExitCode = code;
        return code;
    }

    internal const string NotStartedByVaultMessage =
        "This binary is a plugin. These are not meant to be executed directly.\n" +
        "Please execute the program that consumes these plugins, which will\n" +
        "load any plugins automatically: register it with `vault plugin register`\n" +
        "and enable it with `vault secrets enable` or `vault auth enable`.";
}

/// <summary>How a plugin presents itself to Vault.</summary>
public sealed record VaultPluginOptions
{
    /// <summary>
    /// The version Vault's <c>logical.PluginVersion</c> reports, e.g. <c>v1.2.0</c>; must equal the
    /// <c>-version</c> the plugin was registered with. Empty for an unversioned plugin. Defaults to
    /// the project's <c>VaultPluginVersion</c> (<c>v</c> + its <c>Version</c>), which the VaultPathGen
    /// package's build logic records in the plugin's runtime configuration.
    /// </summary>
    public string Version { get; init; } = AppContext.GetData(VersionConfigurationKey) as string ?? "";

    /// <summary>The lowest level logged to Vault; Vault applies its own level on top.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// The largest gRPC message the plugin accepts from Vault, in bytes: default 64 MiB, twice
    /// Vault's default <c>max_request_size</c>, so any request Vault lets through fits with room for
    /// its JSON re-encoding. A bigger message is refused with <c>RESOURCE_EXHAUSTED</c> as soon as
    /// its length is known, without reading it. Vault's Go plugins accept up to 2 GiB.
    /// </summary>
    public int MaxReceiveMessageSize
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be positive");
    } = DefaultMaxReceiveMessageSize;

    /// <summary>The default <see cref="MaxReceiveMessageSize"/>: 64 MiB.</summary>
    public const int DefaultMaxReceiveMessageSize = 64 * 1024 * 1024;

    /// <summary>
    /// How long the plugin must go without a request before it gives its unused memory back to the
    /// OS, once per quiet spell (a compacting collection that decommits the GC's free space, then
    /// glibc's <c>malloc_trim</c>), as Go's scavenger does for a Go plugin. <see cref="TimeSpan.Zero"/>
    /// turns it off. Defaults to the project's <c>VaultPluginIdleTrimDelay</c> (milliseconds, recorded
    /// in the plugin's runtime configuration), else 1 second.
    /// </summary>
    public TimeSpan IdleMemoryTrimDelay
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must not be negative");
    } = ConfiguredIdleMemoryTrimDelay();

    /// <summary>The default <see cref="IdleMemoryTrimDelay"/> when the build sets none: 1 second.</summary>
    public static readonly TimeSpan DefaultIdleMemoryTrimDelay = TimeSpan.FromSeconds(1);

    private static TimeSpan ConfiguredIdleMemoryTrimDelay()
        => AppContext.GetData(IdleMemoryTrimDelayConfigurationKey) is string text
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : DefaultIdleMemoryTrimDelay;

    /// <summary>The runtime configuration option (MSBuild <c>RuntimeHostConfigurationOption</c>) holding the build's idle trim delay in milliseconds.</summary>
    internal const string IdleMemoryTrimDelayConfigurationKey = "VaultPathGen.IdleMemoryTrimDelayMs";
    /// <summary>The runtime configuration option (MSBuild <c>RuntimeHostConfigurationOption</c>) holding the build's plugin version.</summary>
    internal const string VersionConfigurationKey = "VaultPathGen.PluginVersion";
}
