using MyPlugin;
using VaultPathGen.Dev;
using VaultPathGen.Plugin;

// `dotnet run -- --dev`: Vault's HTTP API on 127.0.0.1:8200 with the engine mounted at secret/,
// in-memory storage, like `vault server -dev`.
if (VaultDev.IsRequested(args))
{
    return await VaultDev.RunAsync(() => new MyPluginEngine(), args);
}

// Started by Vault after `vault plugin register`; run by hand, it says so and exits with 1.
return await VaultPlugin.ServeAsync<MyPluginEngine>(args);
