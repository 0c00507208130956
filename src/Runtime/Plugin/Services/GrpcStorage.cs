using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Protocol.Pb;
using Google.Protobuf;

namespace VaultPathGen.Plugin.Services;

/// <summary>The mount's storage, served by Vault as <c>pb.Storage</c> on a brokered connection.</summary>
internal sealed class GrpcStorage(BrokeredConnection connection) : IStorage
{
    public async ValueTask<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var reply = await CallAsync("/pb.Storage/List", new StorageListArgs { Prefix = prefix }, StorageListReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
        return [.. reply.Keys];
    }

    public async ValueTask<VaultPathGen.StorageEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var reply = await CallAsync("/pb.Storage/Get", new StorageGetArgs { Key = key }, StorageGetReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
        return reply.Entry is null ? null : new VaultPathGen.StorageEntry(reply.Entry.Key, reply.Entry.Value.ToByteArray(), reply.Entry.SealWrap);
    }

    public async ValueTask PutAsync(VaultPathGen.StorageEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var args = new StoragePutArgs
        {
            Entry = new Protocol.Pb.StorageEntry { Key = entry.Key, Value = UnsafeByteOperations.UnsafeWrap(entry.Value), SealWrap = entry.SealWrap },
        };
        var reply = await CallAsync("/pb.Storage/Put", args, StoragePutReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var reply = await CallAsync("/pb.Storage/Delete", new StorageDeleteArgs { Key = key }, StorageDeleteReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
    }

    private async Task<T> CallAsync<T>(string method, IMessage request, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        try
        {
            return await connection.CallAsync(method, request, parser, cancellationToken).ConfigureAwait(false);
        }
        catch (GrpcException e)
        {
            throw new StorageException($"storage unavailable: {e.Message}", e);
        }
    }

    private static void ThrowIfError(string error)
    {
        if (!string.IsNullOrEmpty(error))
        {
            throw new StorageException(error);
        }
    }
}
