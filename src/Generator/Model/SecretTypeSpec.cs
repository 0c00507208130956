using VaultPathGen.Generator.Helpers;

namespace VaultPathGen.Generator.Model
{
    /// <summary>A declared secret type with its renew and revoke methods, if any.</summary>
    internal sealed record SecretTypeSpec(
        string Name,
        long DefaultTtlSeconds,
        long MaxTtlSeconds,
        bool Renewable,
        SecretHandlerSpec? Renew,
        SecretHandlerSpec? Revoke);

    /// <summary>A renew or revoke method: it returns a <c>Response</c> or nothing.</summary>
    internal sealed record SecretHandlerSpec(
        string MethodName,
        bool IsStatic,
        bool IsAsync,
        bool ReturnsResponse,
        EquatableArray<SecretArgumentSpec> Arguments);

    /// <summary>Where a renew or revoke argument comes from.</summary>
    internal enum SecretArgumentKind
    {
        Request,
        Storage,
        CancellationToken,
        Logger,
        TypedLogger,
        Config,
        SystemView,
        Secret,
        Increment,
        InternalDataObject,
        InternalDataTyped,
    }

    /// <summary>One renew or revoke argument; <see cref="TypeName"/> is fully qualified.</summary>
    internal sealed record SecretArgumentSpec(SecretArgumentKind Kind, string TypeName);
}
