using VaultPathGen.Generator.Helpers;

namespace VaultPathGen.Generator.Model
{
    /// <summary>The backend's [WalRollback] method.</summary>
    internal sealed record WalRollbackSpec(
        string MethodName,
        bool IsStatic,
        bool IsAsync,
        long MinAgeSeconds,
        EquatableArray<WalArgumentSpec> Arguments);

    /// <summary>Where a WAL rollback argument comes from.</summary>
    internal enum WalArgumentKind
    {
        Request,
        Storage,
        CancellationToken,
        Logger,
        TypedLogger,
        Config,
        SystemView,
        Entry,
        Kind,
        Data,
    }

    /// <summary>One WAL rollback argument; <see cref="TypeName"/> is fully qualified.</summary>
    internal sealed record WalArgumentSpec(WalArgumentKind Kind, string TypeName);
}
