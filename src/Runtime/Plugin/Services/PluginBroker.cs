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

/// <summary>
/// A connection to one of the host's brokered listeners. It claims the announcement at once (as
/// go-plugin's Dial does) but nothing waits for it: Vault's registration probe calls Setup with an
/// id it never announces, and that must still succeed. A call waits for it, and claims again if
/// the first claim timed out.
/// </summary>
internal sealed class BrokeredConnection : IDisposable
{
    private readonly Lock _gate = new();
    private readonly PluginBroker _broker;
    private readonly Func<ConnInfo, GrpcClient> _dial;
    private Task<GrpcClient>? _client;
    private bool _disposed;

    public BrokeredConnection(PluginBroker broker, uint serviceId, Func<ConnInfo, GrpcClient> dial)
    {
        _broker = broker;
        _dial = dial;
        ServiceId = serviceId;
        _client = ConnectAsync();

        // Observed here so an unclaimed probe id is not an unobserved task exception.
        _client.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public uint ServiceId { get; }

    public async Task<TResponse> CallAsync<TResponse>(string method, Google.Protobuf.IMessage request, Google.Protobuf.MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TResponse : class, Google.Protobuf.IMessage<TResponse>
    {
        var client = await ClientAsync().ConfigureAwait(false);
        return await client.CallAsync(method, request, parser, cancellationToken).ConfigureAwait(false);
    }

    private Task<GrpcClient> ClientAsync()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_client is null || _client.IsFaulted || _client.IsCanceled)
            {
                _client = ConnectAsync();
            }

            return _client;
        }
    }

    private async Task<GrpcClient> ConnectAsync()
    {
        var info = await _broker.WaitAsync(ServiceId, CancellationToken.None).ConfigureAwait(false);
        var client = _dial(info);
        lock (_gate)
        {
            if (!_disposed)
            {
                return client;
            }
        }

        client.Dispose();
        throw new ObjectDisposedException(nameof(BrokeredConnection));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (_client is { IsCompletedSuccessfully: true })
            {
                _client.Result.Dispose();
            }
        }
    }
}
