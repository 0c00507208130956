using VaultPathGen.Generator.Helpers;

namespace VaultPathGen.Generator.Model
{
    /// <summary>What makes a backend an auth method: its <c>[AuthRenew]</c> method, when it has one.</summary>
    internal sealed record AuthMethodSpec(AuthRenewSpec? Renew);

    /// <summary>The <c>[AuthRenew]</c> method: its parameters and whether it returns an <c>Auth</c> rather than a <c>Response</c>.</summary>
    internal sealed record AuthRenewSpec(string MethodName, bool IsStatic, bool IsAsync, bool ReturnsAuth, EquatableArray<ParameterSpec> Parameters);

    /// <summary>The backend's <c>[PathsSpecial]</c> lists, as declared.</summary>
    internal sealed record SpecialPathsSpec(
        EquatableArray<string> Root,
        EquatableArray<string> Unauthenticated,
        EquatableArray<string> LocalStorage,
        EquatableArray<string> SealWrapStorage,
        EquatableArray<string> WriteForwardedStorage)
    {
        public static SpecialPathsSpec Empty { get; } = new SpecialPathsSpec(
            EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

        public bool IsEmpty => Root.Count + Unauthenticated.Count + LocalStorage.Count + SealWrapStorage.Count + WriteForwardedStorage.Count == 0;
    }
}
