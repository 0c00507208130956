using Pb = VaultPathGen.Plugin.Protocol.Pb;
using ProtoAlias = VaultPathGen.Plugin.Protocol.Logical.Alias;

namespace VaultPathGen.Plugin.Translation;

/// <summary>Identity aliases between <c>logical.Alias</c> and <see cref="Alias"/>, for auth responses and renewals.</summary>
internal static class AliasTranslation
{
    public static Alias? ToAlias(ProtoAlias? proto) => proto is null ? null : new Alias
    {
        Name = proto.Name,
        Metadata = new Dictionary<string, string>(proto.Metadata),
        CustomMetadata = new Dictionary<string, string>(proto.CustomMetadata),
        MountType = proto.MountType,
        MountAccessor = proto.MountAccessor,
        Id = proto.ID,
        NamespaceId = proto.NamespaceId,
        Local = proto.Local,
    };

    public static List<Alias> ToAliases(IEnumerable<ProtoAlias> proto) => [.. proto.Select(a => ToAlias(a)!)];

    public static void AddTo(Pb.Auth proto, Auth auth)
    {
        if (auth.Alias is not null)
        {
            proto.Alias = ToProto(auth.Alias);
        }

        proto.GroupAliases.AddRange(auth.GroupAliases.Select(ToProto));
    }

    private static ProtoAlias ToProto(Alias alias)
    {
        var proto = new ProtoAlias
        {
            Name = alias.Name,
            MountType = alias.MountType,
            MountAccessor = alias.MountAccessor,
            ID = alias.Id,
            NamespaceId = alias.NamespaceId,
            Local = alias.Local,
        };
        proto.Metadata.Add(alias.Metadata);
        proto.CustomMetadata.Add(alias.CustomMetadata);
        return proto;
    }
}
