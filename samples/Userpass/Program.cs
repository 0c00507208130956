using VaultPathGen.Dev;
using VaultPathGen.Plugin;

namespace Userpass;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (VaultDev.IsRequested(args))
        {
            return await VaultDev.RunAsync(() => new Userpass(), args, new VaultDevServerOptions
            {
                MountPoint = "auth/userpass/",
                MountType = "userpass",
                LoggerFactory = VaultDev.ConsoleLoggerFactory(),
            });
        }

        // Vault sets its magic cookie when it launches a plugin; ServeAsync checks its value.
        if (Environment.GetEnvironmentVariable("VAULT_BACKEND_PLUGIN") is not null)
        {
            return await VaultPlugin.ServeAsync<Userpass>(args, new VaultPluginOptions { Version = PluginInfo.Version });
        }

        await Console.Error.WriteLineAsync("""
            Userpass is a HashiCorp Vault auth method plugin: register it with `vault plugin register`
            and enable it with `vault auth enable`; Vault starts it. It is not meant to be run by hand.

              --dev    serve Vault's HTTP API on 127.0.0.1:8200 with this auth method mounted at
                       auth/userpass/ and in-memory storage, like `vault server -dev` (flags:
                       --dev-listen-address=, --dev-root-token-id=, --dev-mount=)
            """);
        return 1;
    }
}
