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

    public void Announce(ConnInfo info) => Slot(info.ServiceId).TrySetResult(info);

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
/// A connection to one of the host's brokered listeners, dialed on first use: Vault's
/// registration probe calls Setup with an id it never announces, and that must still succeed.
/// </summary>
internal sealed class BrokeredConnection(PluginBroker broker, uint serviceId, Func<ConnInfo, GrpcClient> dial) : IDisposable
{
    private readonly Lock _gate = new();
    private Task<GrpcClient>? _client;
    private bool _disposed;

    public uint ServiceId { get; } = serviceId;

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
        var info = await broker.WaitAsync(ServiceId, CancellationToken.None).ConfigureAwait(false);
        return dial(info);
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
