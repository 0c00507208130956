using VaultPathGen.Dev;
using VaultPathGen.Plugin;

namespace DynamicCreds;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (VaultDev.IsRequested(args))
        {
            return await VaultDev.RunAsync(() => new DynamicCredsEngine(), args, new VaultDevServerOptions
            {
                MountPoint = "dynamic-creds/",
                MountType = "dynamic-creds",
                LoggerFactory = VaultDev.ConsoleLoggerFactory(),
            });
        }

        // Vault sets its magic cookie when it launches a plugin; ServeAsync checks its value.
        if (Environment.GetEnvironmentVariable("VAULT_BACKEND_PLUGIN") is not null)
        {
            return await VaultPlugin.ServeAsync<DynamicCredsEngine>(args, new VaultPluginOptions { Version = PluginInfo.Version });
        }

        await Console.Error.WriteLineAsync("""
            DynamicCreds is a HashiCorp Vault plugin: register it with `vault plugin register` and
            enable it with `vault secrets enable`; Vault starts it. It is not meant to be run by hand.

              --dev    serve Vault's HTTP API on 127.0.0.1:8200 with this engine mounted at
                       dynamic-creds/ and in-memory storage, like `vault server -dev` (flags:
                       --dev-listen-address=, --dev-root-token-id=, --dev-mount=)
            """);
        return 1;
    }
}
