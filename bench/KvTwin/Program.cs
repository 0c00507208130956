using VaultPathGen.Plugin;

return await VaultPlugin.ServeAsync<KvTwin.KvTwin>(args, new VaultPluginOptions { Version = "v0.1.0" });
