using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace VaultPathGen;

/// <summary>
/// What the generated dispatch does with leased secrets, as Vault's framework does it: finds a lease's
/// secret type, applies the type's lease settings to what a handler issues, and extends a lease on
/// renewal by Vault's rules.
/// </summary>
public static class SecretLeases
{
    /// <summary>Vault's text when renew or revoke arrives without a secret.</summary>
    public const string NoSecretMessage = "request has no secret";

    /// <summary>Vault's text when a lease's secret type is not one of the backend's.</summary>
    public const string UnsupportedSecretMessage = "secret is unsupported by this backend";

    /// <summary>The secret type named in <paramref name="secret"/>'s internal data, or null.</summary>
    public static string? TypeOf(Secret? secret) =>
        secret?.InternalData.TryGetPropertyValue(SecretType.InternalDataKey, out var node) == true
        && node is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;

    /// <summary>
    /// The secret of a renew or revoke request. Throws Vault's errors when there is none or its type is
    /// unknown; the generated dispatch then routes on <see cref="TypeOf"/>.
    /// </summary>
    /// <exception cref="LogicalException">The request has no secret.</exception>
    public static Secret RequireSecret(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Secret ?? throw new LogicalException(ErrorType.Unknown, NoSecretMessage);
    }

    /// <summary>The error for a lease whose secret type this backend does not declare.</summary>
    public static LogicalException Unsupported() => new(ErrorType.Unknown, UnsupportedSecretMessage);

    /// <summary>
    /// Applies the declared type's settings to a secret a path handler issued: its default TTL when the
    /// handler set none, its maximum TTL, and whether it renews (Vault's <c>Secret.Response</c>).
    /// </summary>
    /// <exception cref="LogicalException">The secret names no declared type.</exception>
    public static Response? Issue(Response? response, IReadOnlyList<SecretType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (response?.Secret is not { } secret || response.IsError)
        {
            return response;
        }

        var name = TypeOf(secret);
        var type = Find(types, name)
            ?? throw LogicalException.Internal(name is null
                ? "the handler returned a secret without a secret type; create it with Response.WithSecret"
                : $"the handler returned a secret of type \"{name}\", which the backend does not declare with [SecretType]");
        var lease = secret.Lease;
        secret.Lease = lease with
        {
            Ttl = lease.Ttl > TimeSpan.Zero ? lease.Ttl : type.DefaultTtl,
            MaxTtl = MinSet(lease.MaxTtl, type.MaxTtl),
            Renewable = type.Renewable,
        };
        return response;
    }

    /// <summary>
    /// Completes a renewal. A handler that returned a secret decided the lease itself; otherwise the
    /// request's lease is extended by Vault's rules: the client's increment, else the type's default TTL,
    /// else the mount's; never past the issue time plus the type's, the lease's or the mount's maximum.
    /// </summary>
    public static async ValueTask<Response> RenewAsync(Request request, Response? response, SecretType type, ISystemView systemView, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(type);
        response ??= new Response();
        if (response.Secret is not null || response.IsError)
        {
            return response;
        }

        var secret = RequireSecret(request);
        var lease = secret.Lease;
        var maxTtl = MinSet(lease.MaxTtl, type.MaxTtl);
        var ttl = await LeaseRules.CalculateTtlAsync(systemView, lease.Increment, type.DefaultTtl, TimeSpan.Zero, maxTtl, TimeSpan.Zero, lease.IssueTime, cancellationToken: cancellationToken).ConfigureAwait(false);
        response.Secret = new Secret
        {
            Lease = lease with { Ttl = ttl.Ttl, MaxTtl = maxTtl, Renewable = type.Renewable },
            InternalData = (JsonObject)secret.InternalData.DeepClone(),
            LeaseId = secret.LeaseId,
        };
        response.Warnings.AddRange(ttl.Warnings);
        return response;
    }

    /// <summary>The lease's internal data read as <typeparamref name="T"/> with source-generated type information.</summary>
    /// <exception cref="LogicalException">The internal data does not fit <typeparamref name="T"/>.</exception>
    public static T InternalData<T>(Secret secret, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(secret);
        try
        {
            return secret.InternalData.Deserialize(typeInfo)
                ?? throw LogicalException.Internal($"the lease's internal data is not a {typeof(T).Name}");
        }
        catch (JsonException e)
        {
            throw LogicalException.Internal($"the lease's internal data is not a {typeof(T).Name}: {e.Message}");
        }
    }

    private static SecretType? Find(IReadOnlyList<SecretType> types, string? name)
    {
        foreach (var type in types)
        {
            if (type.Name == name)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The smaller of two maximums where zero means "not set".</summary>
    private static TimeSpan MinSet(TimeSpan a, TimeSpan b) =>
        a <= TimeSpan.Zero ? b : b <= TimeSpan.Zero ? a : (a < b ? a : b);
}
