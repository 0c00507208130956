using System.Collections.Concurrent;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Protocol.GoPlugin;

namespace VaultPathGen.Plugin.Services;

/// <summary>
/// The plugin's half of go-plugin's broker: the host announces listeners (<c>ConnInfo</c>) on the
/// <c>StartStream</c> stream, and Setup names the one to dial. Announcements may arrive before
/// or after the Setup that claims them.
/// </summary>
internal sealed class PluginBroker
{
    /// <summary>How long a claim waits for its announcement, as go-plugin does.</summary>
    public static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<uint, TaskCompletionSource<ConnInfo>> _announced = new();

    /// <summary>How long an announcement nobody claims is kept (go-plugin keeps them 5 s).</summary>
    public static readonly TimeSpan UnclaimedLifetime = TimeSpan.FromMinutes(1);

    public void Announce(ConnInfo info)
    {
        var slot = Slot(info.ServiceId);
        if (slot.TrySetResult(info))
        {
            _ = ForgetUnclaimedAsync(info.ServiceId, slot);
        }
    }

    private async Task ForgetUnclaimedAsync(uint serviceId, TaskCompletionSource<ConnInfo> slot)
    {
        await Task.Delay(UnclaimedLifetime).ConfigureAwait(false);
        _announced.TryRemove(new KeyValuePair<uint, TaskCompletionSource<ConnInfo>>(serviceId, slot));
    }

    public async Task<ConnInfo> WaitAsync(uint serviceId, CancellationToken cancellationToken)
    {
        var slot = Slot(serviceId);
        try
        {
            return await slot.Task.WaitAsync(DialTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"timeout waiting for connection info for broker id {serviceId}");
        }
        finally
        {
            _announced.TryRemove(new KeyValuePair<uint, TaskCompletionSource<ConnInfo>>(serviceId, slot));
        }
    }

    private TaskCompletionSource<ConnInfo> Slot(uint serviceId)
        => _announced.GetOrAdd(serviceId, _ => new TaskCompletionSource<ConnInfo>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Serves <c>plugin.GRPCBroker/StartStream</c> until the host closes it or we stop.</summary>
    public async Task ServeStreamAsync(GrpcStream stream, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stream.Call.CancellationToken, stopping);
        try
        {
            while (await stream.ReadAsync(ConnInfo.Parser, linked.Token).ConfigureAwait(false) is { } info)
            {
                if (info.Knock is { Knock_: true } knock && !knock.Ack)
                {
                    // Multiplexed brokers knock before using an id; we dial lazily, so always ready.
                    await stream.WriteAsync(new ConnInfo { ServiceId = info.ServiceId, Knock = new ConnInfo.Types.Knock { Knock_ = true, Ack = true } }, linked.Token).ConfigureAwait(false);
                    continue;
                }

                Announce(info);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
    }
}
