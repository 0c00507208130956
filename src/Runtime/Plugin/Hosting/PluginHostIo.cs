using VaultPathGen.Plugin.Grpc;

namespace VaultPathGen.Plugin.Hosting;

/// <summary>
/// What a <see cref="PluginHost"/> touches outside itself: the process's stdout (the handshake
/// line) and stderr (hclog lines), the console it redirects once serving, and how it starts
/// its server. A plugin uses <see cref="Process"/>; tests run a host in-process with their own.
/// </summary>
internal sealed record PluginHostIo
{
    public required Stream Stdout { get; init; }

    public required Stream Stderr { get; init; }

    /// <summary>Whether to route <see cref="Console"/> writes to hclog once serving (go-plugin reads nothing else from stdout).</summary>
    public bool RedirectConsole { get; init; } = true;

    /// <summary>Starts the built server on the listener handed over; a test may make it fail.</summary>
    public Func<GrpcServer, Task> StartServer { get; init; } = static server => server.StartAsync();

    public static PluginHostIo Process() => new() { Stdout = Console.OpenStandardOutput(), Stderr = Console.OpenStandardError() };
}
