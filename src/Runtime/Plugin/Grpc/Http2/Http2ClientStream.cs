using System.Buffers.Text;
using System.Text;

namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>
/// One request on an <see cref="Http2ClientConnection"/>: its flow-control windows, and the reply as
/// it arrives (status, gRPC status and message, the body whole). The connection fills it in; the
/// caller reads it once <see cref="Completion"/> has finished, then disposes it.
/// </summary>
internal sealed class Http2ClientStream : Http2Stream, IHpackHeaderSink, IThreadPoolWorkItem, IDisposable
{
    // Continuations run where the reply completes it: on the connection's reader, right after it has
    // started its next read (Http2ClientConnection.Process), so the caller goes on without a hand-off.
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.None);
    private PooledBytes _data;

    public Http2ClientStream(Http2ClientConnection connection) => Connection = connection;

    public Http2ClientConnection Connection { get; }

    public bool HeadersReceived { get; set; }

    /// <summary>The reply's <c>:status</c>, or 0 before it came.</summary>
    public int HttpStatus { get; private set; }

    /// <summary>The reply's <c>grpc-status</c>, or -1 while none came.</summary>
    public int GrpcStatus { get; private set; } = -1;

    /// <summary>The reply's <c>grpc-message</c> (still percent-encoded), or null.</summary>
    public string? GrpcMessage { get; private set; }

    public Task Completion => _done.Task;

    public bool IsCompleted => _done.Task.IsCompleted;

    public ReadOnlySpan<byte> Data => _data.Span;

    public int DataLength => _data.Length;

    public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (name.SequenceEqual(":status"u8))
        {
            HttpStatus = Utf8Parser.TryParse(value, out int status, out var used) && used == value.Length ? status : 0;
        }
        else if (name.SequenceEqual("grpc-status"u8))
        {
            // A value that is not a number is a status of its own: UNKNOWN, as grpc-go reads it.
            GrpcStatus = Utf8Parser.TryParse(value, out int code, out var used) && used == value.Length && code >= 0 ? code : (int)GrpcStatusCode.Unknown;
        }
        else if (name.SequenceEqual("grpc-message"u8))
        {
            GrpcMessage = Encoding.UTF8.GetString(value);
        }
    }

    /// <summary>Appends DATA to the body; the connection calls this under its lock.</summary>
    public void Append(ReadOnlySpan<byte> data) => _data.Append(data);

    /// <summary>The reply is whole.</summary>
    public void Complete() => _done.TrySetResult();

    void IThreadPoolWorkItem.Execute() => Complete();

    public void Fail(Exception error) => _done.TrySetException(error);

    public void Cancel(CancellationToken cancellationToken) => _done.TrySetCanceled(cancellationToken);

    /// <summary>Gives the body's buffer back. Only once the connection no longer knows the stream.</summary>
    public void Dispose() => _data.Release();
}
