using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using VaultPathGen.Plugin.Grpc;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Plugin.Hosting;

/// <summary>
/// TLS on a Kestrel connection. Kestrel's own (<c>ListenOptions.UseHttps</c>) takes its metrics
/// from a DI container's services, and the plugin host builds none (<see cref="Http.KestrelHost"/>).
/// The decrypted stream goes on as the connection's transport, with the two features Kestrel reads
/// off a TLS connection: that it is one (so requests are <c>https</c>, the scheme gRPC clients send,
/// which Kestrel checks against the connection's) and the protocol ALPN agreed on (h2, or Kestrel
/// refuses HTTP/2 over TLS).
/// </summary>
internal sealed class TlsConnectionMiddleware(ConnectionDelegate next, Func<ValueTask<SslServerAuthenticationOptions>> options, ILogger logger)
{
    /// <summary>Kestrel's default: a peer that stalls the handshake longer is dropped.</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var transport = connection.Transport;
        var tls = new SslStream(new TransportStream(transport), leaveInnerStreamOpen: false);
        await using (tls.ConfigureAwait(false))
        {
            try
            {
                using var timeout = new CancellationTokenSource(HandshakeTimeout);

                // The options wait for our certificate's context: inside the handshake, after the
                // client's hello, as Kestrel's callback did, and under its timeout.
                await tls.AuthenticateAsServerAsync(static (_, _, state, _) => ((Func<ValueTask<SslServerAuthenticationOptions>>)state!)(), options, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or AuthenticationException)
            {
                LogTlsHandshakeFailed(logger, connection.ConnectionId, e);
                return;
            }

            // As Kestrel's TLS does: the connection's pool, and reads that wait for data before taking a buffer.
            var pool = connection.Features.Get<IMemoryPoolFeature>()?.MemoryPool ?? MemoryPool<byte>.Shared;
            var input = PipeReader.Create(tls, new StreamPipeReaderOptions(pool, bufferSize: 4096, minimumReadSize: 2048, leaveOpen: true, useZeroByteReads: true));
            var writer = new PingAckCoalescingStream(tls, prefaceLength: 0, leaveOpen: true);
            var output = PipeWriter.Create(writer, new StreamPipeWriterOptions(pool, leaveOpen: true));
            var feature = new TlsFeature(tls);
            connection.Features.Set<ITlsConnectionFeature>(feature);
            connection.Features.Set<ITlsApplicationProtocolFeature>(feature);
            connection.Transport = new DecryptedPipe(input, output);
            try
            {
                await next(connection).ConfigureAwait(false);
            }
            finally
            {
                await CompleteQuietlyAsync(input, output).ConfigureAwait(false);
                await writer.DisposeAsync().ConfigureAwait(false);

                // Kestrel closes the socket once this returns, so it needs its own transport back.
                connection.Transport = transport;
            }
        }
    }

    /// <summary>
    /// Kestrel has usually completed both already; what is left flushes into a connection that may be
    /// gone, and an exception out of here would be logged as an error for an ordinary disconnect.
    /// </summary>
    private static async Task CompleteQuietlyAsync(PipeReader input, PipeWriter output)
    {
        await input.CompleteAsync().ConfigureAwait(false);
        try
        {
            await output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private sealed record DecryptedPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    private sealed class TlsFeature(SslStream tls) : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        private X509Certificate2? _clientCertificate;

        public X509Certificate2? ClientCertificate
        {
            get => _clientCertificate ??= tls.RemoteCertificate as X509Certificate2;
            set => _clientCertificate = value;
        }

        public ReadOnlyMemory<byte> ApplicationProtocol => tls.NegotiatedApplicationProtocol.Protocol;

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult(ClientCertificate);
    }

    /// <summary>The socket's pipes as the stream <see cref="SslStream"/> reads and writes; closing it leaves them to Kestrel.</summary>
    private sealed class TransportStream(IDuplexPipe transport) : Stream
    {
        private readonly Stream _input = transport.Input.AsStream(leaveOpen: true);
        private readonly Stream _output = transport.Output.AsStream(leaveOpen: true);

        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _input.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _input.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _output.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _output.WriteAsync(buffer, cancellationToken);

        // Every write above is flushed already. A flush with nothing in the pipe would still wake the
        // socket's sender for nothing, and SslStream passes down each flush it is asked for.
        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
