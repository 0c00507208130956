using VaultPathGen.Plugin;
using VaultPathGen.TestPlugin;

return await VaultPlugin.ServeAsync<KvBackend>(args, new VaultPluginOptions { Version = "v0.1.0" });
