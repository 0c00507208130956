using System.Runtime.CompilerServices;

namespace VaultPathGen;

/// <summary>
/// Asks a backend's <see cref="SpecialPaths"/> what Vault's router asks them, with Vault's matching
/// rules (<see cref="SpecialPathMatcher"/>). Matchers are built once per <see cref="SpecialPaths"/>.
/// </summary>
public static class SpecialPathsMatching
{
    private static readonly ConditionalWeakTable<SpecialPaths, Matchers> Cache = new();

    /// <summary>Whether <paramref name="path"/> (relative to the mount) needs sudo: a root token in dev mode.</summary>
    public static bool IsRoot(this SpecialPaths paths, string path) => For(paths).Root.Matches(path);

    /// <summary>Whether <paramref name="path"/> (relative to the mount) is served without a token.</summary>
    public static bool IsUnauthenticated(this SpecialPaths paths, string path) => For(paths).Unauthenticated.Matches(path);

    /// <summary>Whether the storage <paramref name="key"/> stays on this cluster (not replicated).</summary>
    public static bool IsLocalStorage(this SpecialPaths paths, string key) => For(paths).LocalStorage.Matches(key);

    /// <summary>Whether the storage <paramref name="key"/> is seal-wrapped.</summary>
    public static bool IsSealWrapStorage(this SpecialPaths paths, string key) => For(paths).SealWrapStorage.Matches(key);

    private static Matchers For(SpecialPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Cache.GetValue(paths, static p => new Matchers(
            new SpecialPathMatcher(SpecialPathKind.Root, p.Root),
            new SpecialPathMatcher(SpecialPathKind.Unauthenticated, p.Unauthenticated),
            new SpecialPathMatcher(SpecialPathKind.LocalStorage, p.LocalStorage),
            new SpecialPathMatcher(SpecialPathKind.SealWrapStorage, p.SealWrapStorage)));
    }

    private sealed record Matchers(SpecialPathMatcher Root, SpecialPathMatcher Unauthenticated, SpecialPathMatcher LocalStorage, SpecialPathMatcher SealWrapStorage);
}
