using VaultPathGen;

namespace MyPlugin;

/// <summary>
/// Keeps a mount-wide configuration and named roles. The paths live in Paths/, one file per group,
/// like the path_*.go files of a Go plugin.
/// </summary>
[SecretsEngine]
public partial class MyPluginEngine
{
}
