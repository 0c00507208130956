using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Protocol.GoPlugin;

namespace VaultPathGen.Plugin.Services;

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
