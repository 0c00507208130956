using System.Text.Json.Nodes;
using VaultPathGen.Dev;
using VaultPathGen.Testing;

namespace KvEngine;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (VaultDev.IsRequested(args))
        {
            return await VaultDev.RunAsync(() => new KvEngine(), args, new VaultDevServerOptions
            {
                MountType = "kv",
                MountOptions = new Dictionary<string, string> { ["version"] = "2" },
                LoggerFactory = VaultDev.ConsoleLoggerFactory(),
            });
        }

        if (args.Contains("--demo"))
        {
            await Demo.RunAsync(Console.Out);
            return 0;
        }

        await Console.Error.WriteLineAsync("""
            KvEngine is a HashiCorp Vault plugin. Vault starts it; it is not meant to be run by hand.

              --dev    serve Vault's HTTP API on 127.0.0.1:8200 with this engine mounted at secret/
                       and in-memory storage, like `vault server -dev` (flags: --dev-listen-address=,
                       --dev-root-token-id=, --dev-mount=)
              --demo   run an in-process demo: requests through a Vault-like core, in-memory storage
            """);
        return 1;
    }
}

/// <summary>Drives the engine through the in-process host the way Vault's core would, and prints each exchange.</summary>
internal static class Demo
{
    public static async Task RunAsync(TextWriter output)
    {
        await using var vault = await VaultTestHost.StartAsync(new KvEngine(), options: new VaultTestHostOptions { MountPoint = "secret/" });

        await Show(output, "write kv/hello", vault.WriteAsync("kv/hello", new JsonObject { ["value"] = "world" }));
        await Show(output, "read  kv/hello", vault.ReadAsync("kv/hello"));
        await Show(output, "write kv/hello", vault.WriteAsync("kv/hello", new JsonObject { ["value"] = "again", ["ttl"] = "1h" }));
        await Show(output, "write kv/db-creds", vault.WriteAsync("kv/db-creds", new JsonObject { ["user"] = "app", ["password"] = "s3cr3t" }));
        await Show(output, "list  kv/", vault.ListAsync("kv"));
        await Show(output, "read  kv/missing", vault.ReadAsync("kv/missing"));
        await Show(output, "write kv/empty (no data)", vault.WriteAsync("kv/empty", new JsonObject()));
        await Show(output, "read  kv/-bad-name", vault.ReadAsync("kv/-bad-name"));
        await Show(output, "patch kv/hello", vault.PatchAsync("kv/hello", new JsonObject { ["value"] = "x" }));
        await Show(output, "delete kv/hello", vault.DeleteAsync("kv/hello"));
        await Show(output, "read  kv/hello", vault.ReadAsync("kv/hello"));
        await Show(output, "help  kv/hello", vault.HelpAsync("kv/hello"), helpOnly: true);
    }

    private static async Task Show(TextWriter output, string title, Task<HostResponse> exchange, bool helpOnly = false)
    {
        var response = await exchange;
        await output.WriteLineAsync($"{title,-28} -> {response.StatusCode} ({response.Operation.ToString().ToLowerInvariant()})");
        if (helpOnly && response.Data?["help"] is JsonNode help)
        {
            foreach (var line in help.GetValue<string>().Split('\n').Take(8))
            {
                await output.WriteLineAsync("    " + line);
            }

            return;
        }

        if (response.Data is { Count: > 0 } data)
        {
            await output.WriteLineAsync("    data:     " + data.ToJsonString());
        }

        if (response.Errors.Count > 0)
        {
            await output.WriteLineAsync("    errors:   " + string.Join("; ", response.Errors));
        }

        foreach (var warning in response.Warnings)
        {
            await output.WriteLineAsync("    warning:  " + warning);
        }
    }
}
