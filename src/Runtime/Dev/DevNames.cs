using System.Text;

namespace VaultPathGen.Dev;

/// <summary>Names dev mode derives from a backend and its flags.</summary>
internal static class DevNames
{
    /// <summary>A mount type from a backend's class name, as Vault's plugins are named: <c>DynamicCredsEngine</c> → <c>dynamic-creds</c>.</summary>
    public static string MountTypeOf(string backendName)
    {
        var name = backendName;
        foreach (var suffix in new[] { "Engine", "Backend", "Plugin" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.Length > 0 ? text.ToString() : "plugin";
    }
}
