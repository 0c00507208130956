using MyAuth;
using VaultPathGen.Dev;
using VaultPathGen.Plugin;

// `dotnet run -- --dev`: Vault's HTTP API on 127.0.0.1:8200 with the auth method mounted at
// auth/MyAuth/, in-memory storage, like `vault server -dev`.
if (VaultDev.IsRequested(args))
{
    return await VaultDev.RunAsync(() => new MyAuthMethod(), args, new VaultDevServerOptions { MountPoint = "auth/MyAuth/" });
}

// Started by Vault after `vault plugin register`; run by hand, it says so and exits with 1.
return await VaultPlugin.ServeAsync<MyAuthMethod>(args);
