using System.Text.Json.Nodes;
using Google.Protobuf.Collections;
using VaultPathGen.Plugin.Protocol.Pb;
using VaultPathGen.Plugin.Translation;

namespace VaultPathGen.Plugin.Services;

/// <summary>Replication, plugin environment, identity and response wrapping, asked of Vault over the broker.</summary>
internal sealed partial class GrpcSystemView
{
    public async ValueTask<ReplicationState> ReplicationStateAsync(CancellationToken cancellationToken = default)
        => (ReplicationState)(uint)(await CallAsync("ReplicationState", new Empty(), ReplicationStateReply.Parser, cancellationToken).ConfigureAwait(false)).State;

    public async ValueTask<VaultPluginEnvironment> PluginEnvironmentAsync(CancellationToken cancellationToken = default)
    {
        var reply = await CallAsync("PluginEnv", new Empty(), PluginEnvReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
        var env = reply.PluginEnvironment;
        return new VaultPluginEnvironment(env?.VaultVersion ?? "", env?.VaultVersionPrerelease ?? "", env?.VaultVersionMetadata ?? "");
    }

    public async ValueTask<Entity?> EntityInfoAsync(string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var reply = await CallAsync("EntityInfo", new EntityInfoArgs { EntityId = entityId }, EntityInfoReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
        return reply.Entity is { } e ? new Entity
        {
            Id = e.ID,
            Name = e.Name,
            Aliases = [.. e.Aliases.Select(a => new EntityAlias { Id = a.ID, Name = a.Name, MountType = a.MountType, MountAccessor = a.MountAccessor, Metadata = Copy(a.Metadata), Local = a.Local })],
            Metadata = Copy(e.Metadata),
            Disabled = e.Disabled,
            NamespaceId = e.NamespaceId,
        } : null;
    }

    public async ValueTask<IReadOnlyList<Group>> GroupsForEntityAsync(string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var reply = await CallAsync("GroupsForEntity", new EntityInfoArgs { EntityId = entityId }, GroupsForEntityReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
        return [.. reply.Groups.Select(g => new Group { Id = g.ID, Name = g.Name, Metadata = Copy(g.Metadata), NamespaceId = g.NamespaceId })];
    }

    public async ValueTask<ResponseWrapInfo> ResponseWrapDataAsync(JsonObject data, TimeSpan ttl, bool jwt = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var args = new ResponseWrapDataArgs { Data = data.ToJsonString(), TTL = ProtoTranslation.ToNanoseconds(ttl), JWT = jwt };
        var reply = await CallAsync("ResponseWrapData", args, ResponseWrapDataReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
        var info = reply.WrapInfo ?? throw LogicalException.Internal("Vault returned no wrapping information");
        return new ResponseWrapInfo
        {
            Ttl = ProtoTranslation.FromNanoseconds(info.TTL),
            Token = info.Token,
            Accessor = info.Accessor,
            CreationTime = info.CreationTime?.ToDateTimeOffset() ?? default,
            WrappedAccessor = info.WrappedAccessor,
            WrappedEntityId = info.WrappedEntityId,
            Format = info.Format,
            CreationPath = info.CreationPath,
            SealWrap = info.SealWrap,
        };
    }

    private static Dictionary<string, string> Copy(MapField<string, string> map) => new(map, StringComparer.Ordinal);
}
