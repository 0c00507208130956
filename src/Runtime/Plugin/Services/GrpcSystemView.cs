using Google.Protobuf;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Protocol.Pb;
using VaultPathGen.Plugin.Translation;

namespace VaultPathGen.Plugin.Services;

/// <summary>The mount's system view, served by Vault as <c>pb.SystemView</c> on the brokered connection.</summary>
internal sealed partial class GrpcSystemView(BrokeredConnection connection) : ISystemView
{
    public async ValueTask<TimeSpan> DefaultLeaseTtlAsync(CancellationToken cancellationToken = default)
        => ProtoTranslation.FromNanoseconds((await CallAsync("DefaultLeaseTTL", new Empty(), TTLReply.Parser, cancellationToken).ConfigureAwait(false)).TTL);

    public async ValueTask<TimeSpan> MaxLeaseTtlAsync(CancellationToken cancellationToken = default)
        => ProtoTranslation.FromNanoseconds((await CallAsync("MaxLeaseTTL", new Empty(), TTLReply.Parser, cancellationToken).ConfigureAwait(false)).TTL);

    public async ValueTask<bool> TaintedAsync(CancellationToken cancellationToken = default)
        => (await CallAsync("Tainted", new Empty(), TaintedReply.Parser, cancellationToken).ConfigureAwait(false)).Tainted;

    public async ValueTask<bool> CachingDisabledAsync(CancellationToken cancellationToken = default)
        => (await CallAsync("CachingDisabled", new Empty(), CachingDisabledReply.Parser, cancellationToken).ConfigureAwait(false)).Disabled;

    public async ValueTask<bool> LocalMountAsync(CancellationToken cancellationToken = default)
        => (await CallAsync("LocalMount", new Empty(), LocalMountReply.Parser, cancellationToken).ConfigureAwait(false)).Local;

    public async ValueTask<string> VaultVersionAsync(CancellationToken cancellationToken = default)
    {
        var reply = await CallAsync("PluginEnv", new Empty(), PluginEnvReply.Parser, cancellationToken).ConfigureAwait(false);
        ThrowIfError(reply.Err);
        return reply.PluginEnvironment?.VaultVersion ?? "";
    }

    public async ValueTask<string> GeneratePasswordFromPolicyAsync(string policyName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        var reply = await CallAsync("GeneratePasswordFromPolicy", new GeneratePasswordFromPolicyRequest { PolicyName = policyName }, GeneratePasswordFromPolicyReply.Parser, cancellationToken).ConfigureAwait(false);
        return reply.Password;
    }

    private async Task<T> CallAsync<T>(string method, IMessage request, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        try
        {
            return await connection.CallAsync("/pb.SystemView/" + method, request, parser, cancellationToken).ConfigureAwait(false);
        }
        catch (GrpcException e)
        {
            throw LogicalException.Internal($"system view unavailable: {e.Message}");
        }
    }

    private static void ThrowIfError(string error)
    {
        if (!string.IsNullOrEmpty(error))
        {
            throw LogicalException.Internal(error);
        }
    }
}
