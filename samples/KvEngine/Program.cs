using System.Text.Json.Nodes;
using VaultPathGen.Dev;
using VaultPathGen.Plugin;
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

        // Vault sets its magic cookie when it launches a plugin; ServeAsync checks its value.
        if (Environment.GetEnvironmentVariable("VAULT_BACKEND_PLUGIN") is not null)
        {
            return await VaultPlugin.ServeAsync<KvEngine>(args);
        }

        await Console.Error.WriteLineAsync("""
            KvEngine is a HashiCorp Vault plugin: register it with `vault plugin register` and
            enable it with `vault secrets enable`; Vault starts it. It is not meant to be run by hand.

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

        await Show(output, "write data/hello", vault.WriteAsync("data/hello", new JsonObject { ["data"] = new JsonObject { ["value"] = "world" } }));
        await Show(output, "read  data/hello", vault.ReadAsync("data/hello"));
        await Show(output, "write data/hello cas=1", vault.WriteAsync("data/hello", new JsonObject { ["options"] = new JsonObject { ["cas"] = 1 }, ["data"] = new JsonObject { ["value"] = "again" } }));
        await Show(output, "write data/hello cas=1", vault.WriteAsync("data/hello", new JsonObject { ["options"] = new JsonObject { ["cas"] = 1 }, ["data"] = new JsonObject { ["value"] = "lost" } }));
        await Show(output, "patch data/hello", vault.PatchAsync("data/hello", new JsonObject { ["data"] = new JsonObject { ["note"] = "patched" } }));
        await Show(output, "read  data/hello?version=1", vault.ReadAsync("data/hello", [new("version", "1")]));
        await Show(output, "write data/app/db", vault.WriteAsync("data/app/db", new JsonObject { ["data"] = new JsonObject { ["user"] = "app", ["password"] = "s3cr3t" } }));
        await Show(output, "list  metadata/", vault.ListAsync("metadata"));
        await Show(output, "read  subkeys/app/db", vault.ReadAsync("subkeys/app/db"));
        await Show(output, "delete data/hello", vault.DeleteAsync("data/hello"));
        await Show(output, "read  data/hello", vault.ReadAsync("data/hello"));
        await Show(output, "write undelete/hello", vault.WriteAsync("undelete/hello", new JsonObject { ["versions"] = new JsonArray(3) }));
        await Show(output, "read  metadata/hello", vault.ReadAsync("metadata/hello"));
        await Show(output, "read  data/missing", vault.ReadAsync("data/missing"));
        await Show(output, "write data/empty (no data)", vault.WriteAsync("data/empty", new JsonObject()));
        await Show(output, "help  data/hello", vault.HelpAsync("data/hello"), helpOnly: true);
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

        if (response.Outcome.Raw is { Body.Length: > 0 } raw)
        {
            await output.WriteLineAsync("    body:     " + System.Text.Encoding.UTF8.GetString(raw.Body));
        }
        else if (response.Data is { Count: > 0 } data)
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
