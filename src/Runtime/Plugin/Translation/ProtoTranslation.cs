using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using VaultPathGen.Json;
using Pb = VaultPathGen.Plugin.Protocol.Pb;

namespace VaultPathGen.Plugin.Translation;

/// <summary>
/// Between Vault's wire messages (<c>pb.*</c>) and the runtime's concepts, following Vault's
/// <c>sdk/plugin/pb/translation.go</c>: JSON text for data, nanoseconds for durations, timestamps
/// always present where Vault dereferences them.
/// </summary>
internal static class ProtoTranslation
{
    private const string JsonNull = "null";

    public static Request ToRequest(Pb.Request proto)
    {
        if (!OperationNames.TryParse(proto.Operation, out var operation))
        {
            throw LogicalException.UnsupportedOperation();
        }

        return new Request(operation, proto.Path)
        {
            Id = proto.Id,
            Data = ParseObject(proto.Data, "request data"),
            Secret = proto.Secret is null ? null : ToSecret(proto.Secret),
            Auth = proto.Auth is null ? null : ToAuth(proto.Auth),
            Headers = ToHeaders(proto.Headers),
            ClientToken = proto.ClientToken,
            ClientTokenAccessor = proto.ClientTokenAccessor,
            DisplayName = proto.DisplayName,
            MountPoint = proto.MountPoint,
            MountType = proto.MountType,
            MountAccessor = proto.MountAccessor,
            EntityId = proto.EntityId,
            ClientTokenRemainingUses = proto.ClientTokenRemainingUses,
            PolicyOverride = proto.PolicyOverride,
            Unauthenticated = proto.Unauthenticated,
            ReplicationCluster = proto.ReplicationCluster,
            WrapInfo = proto.WrapInfo is null ? null : new RequestWrapInfo(FromNanoseconds(proto.WrapInfo.TTL), proto.WrapInfo.Format, proto.WrapInfo.SealWrap),
            Connection = proto.Connection is null ? null : new Connection(proto.Connection.RemoteAddr, proto.Connection.RemotePort),
        };
    }

    public static Pb.Response ToProto(Response response)
    {
        var proto = new Pb.Response
        {
            Data = response.Data is null ? JsonNull : response.Data.ToJsonString(),
            Redirect = response.Redirect ?? "",
        };
        proto.Warnings.AddRange(response.Warnings);
        foreach (var (name, values) in response.Headers)
        {
            var header = new Pb.Header();
            header.Header_.AddRange(values);
            proto.Headers[name] = header;
        }

        if (response.Secret is not null)
        {
            proto.Secret = ToProto(response.Secret);
        }

        if (response.Auth is not null)
        {
            proto.Auth = ToProto(response.Auth);
        }

        if (response.WrapInfo is { } wrap)
        {
            proto.WrapInfo = new Pb.ResponseWrapInfo
            {
                TTL = ToNanoseconds(wrap.Ttl),
                Token = wrap.Token,
                Accessor = wrap.Accessor,
                CreationTime = ToTimestamp(wrap.CreationTime),
                WrappedAccessor = wrap.WrappedAccessor,
                WrappedEntityId = wrap.WrappedEntityId,
                Format = wrap.Format,
                CreationPath = wrap.CreationPath,
                SealWrap = wrap.SealWrap,
            };
        }

        return proto;
    }

    /// <summary>The <c>ProtoError</c> for what a handler threw; anything but a <see cref="LogicalException"/> is internal.</summary>
    public static Pb.ProtoError ToProtoError(Exception exception) => exception switch
    {
        LogicalException logical => new Pb.ProtoError { ErrType = (uint)logical.Type, ErrMsg = logical.Message, ErrCode = logical.StatusCode },
        StorageException storage => new Pb.ProtoError { ErrType = (uint)ErrorType.InternalError, ErrMsg = storage.Message },
        _ => new Pb.ProtoError { ErrType = (uint)ErrorType.InternalError, ErrMsg = "internal error" },
    };

    public static Pb.Paths ToProto(SpecialPaths paths)
    {
        var proto = new Pb.Paths();
        proto.Root.AddRange(paths.Root);
        proto.Unauthenticated.AddRange(paths.Unauthenticated);
        proto.LocalStorage.AddRange(paths.LocalStorage);
        proto.SealWrapStorage.AddRange(paths.SealWrapStorage);
        proto.WriteForwardedStorage.AddRange(paths.WriteForwardedStorage);
        proto.Binary.AddRange(paths.Binary);
        proto.Limited.AddRange(paths.Limited);
        proto.AllowSnapshotRead.AddRange(paths.AllowSnapshotRead);
        return proto;
    }

    private static Secret ToSecret(Pb.Secret proto) => new()
    {
        Lease = ToLease(proto.LeaseOptions),
        InternalData = ParseObject(proto.InternalData, "secret internal data") ?? [],
        LeaseId = proto.LeaseId,
    };

    private static Pb.Secret ToProto(Secret secret) => new()
    {
        LeaseOptions = ToProto(secret.Lease),
        InternalData = secret.InternalData.ToJsonString(),
        LeaseId = secret.LeaseId,
    };

    private static Auth ToAuth(Pb.Auth proto) => new()
    {
        Lease = ToLease(proto.LeaseOptions),
        InternalData = ParseObject(proto.InternalData, "auth internal data") ?? [],
        DisplayName = proto.DisplayName,
        Policies = [.. proto.Policies],
        TokenPolicies = [.. proto.TokenPolicies],
        IdentityPolicies = [.. proto.IdentityPolicies],
        Metadata = new Dictionary<string, string>(proto.Metadata),
        ClientToken = proto.ClientToken,
        Accessor = proto.Accessor,
        Period = FromNanoseconds(proto.Period),
        NumUses = proto.NumUses,
        EntityId = proto.EntityId,
        BoundCidrs = [.. proto.BoundCidrs],
        ExplicitMaxTtl = FromNanoseconds(proto.ExplicitMaxTtl),
        TokenType = proto.TokenType,
        NoDefaultPolicy = proto.NoDefaultPolicy,
        Alias = AliasTranslation.ToAlias(proto.Alias),
        GroupAliases = AliasTranslation.ToAliases(proto.GroupAliases),
    };

    private static Pb.Auth ToProto(Auth auth)
    {
        var proto = new Pb.Auth
        {
            LeaseOptions = ToProto(auth.Lease),
            InternalData = auth.InternalData.ToJsonString(),
            DisplayName = auth.DisplayName,
            ClientToken = auth.ClientToken,
            Accessor = auth.Accessor,
            Period = ToNanoseconds(auth.Period),
            NumUses = auth.NumUses,
            EntityId = auth.EntityId,
            ExplicitMaxTtl = ToNanoseconds(auth.ExplicitMaxTtl),
            TokenType = auth.TokenType,
            NoDefaultPolicy = auth.NoDefaultPolicy,
        };
        proto.Policies.AddRange(auth.Policies);
        proto.TokenPolicies.AddRange(auth.TokenPolicies);
        proto.IdentityPolicies.AddRange(auth.IdentityPolicies);
        proto.BoundCidrs.AddRange(auth.BoundCidrs);
        proto.Metadata.Add(auth.Metadata);
        AliasTranslation.AddTo(proto, auth);
        return proto;
    }

    private static LeaseOptions ToLease(Pb.LeaseOptions? proto) => proto is null ? new() : new()
    {
        Ttl = FromNanoseconds(proto.TTL),
        MaxTtl = FromNanoseconds(proto.MaxTTL),
        Renewable = proto.Renewable,
        Increment = FromNanoseconds(proto.Increment),
        IssueTime = proto.IssueTime is null ? default : proto.IssueTime.ToDateTimeOffset(),
    };

    private static Pb.LeaseOptions ToProto(LeaseOptions lease) => new()
    {
        TTL = ToNanoseconds(lease.Ttl),
        MaxTTL = ToNanoseconds(lease.MaxTtl),
        Renewable = lease.Renewable,
        Increment = ToNanoseconds(lease.Increment),
        IssueTime = ToTimestamp(lease.IssueTime),
    };

    private static Dictionary<string, string[]> ToHeaders(Google.Protobuf.Collections.MapField<string, Pb.Header> proto)
    {
        var headers = new Dictionary<string, string[]>(proto.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, header) in proto)
        {
            headers[name] = [.. header.Header_];
        }

        return headers;
    }

    /// <summary>Vault sends data as JSON text: an object, or "null" (or nothing) for none.</summary>
    internal static JsonObject? ParseObject(string json, string what)
    {
        if (string.IsNullOrEmpty(json) || json == JsonNull)
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = VaultJsonReader.Parse(json);
        }
        catch (JsonException e)
        {
            throw LogicalException.InvalidRequest($"{what} is not valid JSON: {e.Message}");
        }

        return node switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw LogicalException.InvalidRequest($"{what} is not a JSON object"),
        };
    }

    internal static long ToNanoseconds(TimeSpan duration) => checked(duration.Ticks * TimeSpan.NanosecondsPerTick);

    internal static TimeSpan FromNanoseconds(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / TimeSpan.NanosecondsPerTick);

    /// <summary>Vault dereferences these timestamps without checking: an unset time is sent as now.</summary>
    private static Timestamp ToTimestamp(DateTimeOffset time)
        => Timestamp.FromDateTimeOffset(time == default ? DateTimeOffset.UtcNow : time);
}
