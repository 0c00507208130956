using System.IO.Pipelines;
using System.Text;

namespace VaultPathGen.Plugin.Grpc.Http2;

/// <summary>
/// One call the peer started on an <see cref="Http2ServerConnection"/>: its request's header fields and
/// body (whole, for a unary method; as a pipe, for a streaming one), its cancellation, and where its
/// answer stands. The connection fills it in; the method's handler reads it and answers through the
/// connection.
/// </summary>
internal sealed class Http2ServerStream : Http2Stream, IHpackHeaderSink, IThreadPoolWorkItem
{
    private List<KeyValuePair<string, string>>? _metadata;
    private PooledBytes _body;
    private CancellationTokenSource? _cancellation;
    private int _cancelled;

    public Http2ServerStream(Http2ServerConnection connection, int id)
    {
        Connection = connection;
        Id = id;
    }

    public Http2ServerConnection Connection { get; }

    /// <summary>The request's <c>:path</c>: the gRPC method.</summary>
    public string Path { get; private set; } = "";

    /// <summary>The method that serves the call; set when the request's headers are in.</summary>
    public GrpcMethod? Method { get; set; }

    /// <summary>For a streaming method: the request body as it arrives.</summary>
    public Pipe? Inbound { get; set; }

    /// <summary>The peer has sent END_STREAM; guarded by the connection's lock.</summary>
    public bool RequestEnded { get; set; }

    /// <summary>This side's answer has started (HEADERS sent); guarded by the connection's lock.</summary>
    public bool HeadersSent { get; set; }

    /// <summary>This side has sent END_STREAM or reset the stream; guarded by the connection's lock.</summary>
    public bool ResponseEnded { get; set; }

    /// <summary>The unary request body's length so far.</summary>
    public int BodyLength => _body.Length;

    /// <summary>The unary request's body, whole.</summary>
    public ReadOnlySpan<byte> Body => _body.Span;

    /// <summary>Fires when the peer resets the call or the connection ends under it.</summary>
    public CancellationToken CancellationToken
    {
        get
        {
            if (_cancellation is null)
            {
                var created = new CancellationTokenSource();
                if (Interlocked.CompareExchange(ref _cancellation, created, null) is not null)
                {
                    created.Dispose();
                }
                else if (Volatile.Read(ref _cancelled) != 0)
                {
                    created.Cancel();
                }
            }

            return _cancellation!.Token;
        }
    }

    /// <summary>Runs once the answer has been handed to the connection (e.g. to stop after Shutdown's reply).</summary>
    public Action? Completed { get; set; }

    /// <summary>A request metadata value (gRPC metadata keys are lower-case header names), or empty.</summary>
    public string Metadata(string key)
    {
        if (_metadata is not null)
        {
            foreach (var (name, value) in _metadata)
            {
                if (name == key)
                {
                    return value;
                }
            }
        }

        return "";
    }

    public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (name.IsEmpty)
        {
            return;
        }

        if (name[0] == (byte)':')
        {
            // Of the pseudo-headers only the path matters: gRPC is always POST, and nothing routes by
            // scheme or authority.
            if (name.SequenceEqual(":path"u8))
            {
                Path = Encoding.UTF8.GetString(value);
            }

            return;
        }

        // What every gRPC request carries and no handler reads.
        if (name.SequenceEqual("content-type"u8) || name.SequenceEqual("te"u8) || name.SequenceEqual("user-agent"u8)
            || name.SequenceEqual("grpc-accept-encoding"u8) || name.SequenceEqual("grpc-timeout"u8))
        {
            return;
        }

        (_metadata ??= []).Add(new(Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(value)));
    }

    /// <summary>Appends request DATA to the unary body; the connection calls this under its lock.</summary>
    public void Append(ReadOnlySpan<byte> data) => _body.Append(data);

    /// <summary>Gives the unary body's buffer back, once the request is parsed.</summary>
    public void ReleaseBody() => _body.Release();

    /// <summary>The call is over on the peer's side (reset, or the connection gone): its handler's token fires.</summary>
    public void Cancel()
    {
        // A full fence between the flag and the read of the source, as the getter has between its
        // exchange and the read of the flag: one side or the other always sees the other's write.
        Interlocked.Exchange(ref _cancelled, 1);
        try
        {
            Volatile.Read(ref _cancellation)?.Cancel();
        }
        catch (AggregateException)
        {
            // A handler's cancellation callback failed; the call is ending anyway.
        }
    }

    /// <summary>Runs the call's method (the connection defers this to the thread that read the request's end).</summary>
    public void Execute() => _ = Method!.RunAsync(this);
}
