using VaultPathGen.Plugin.Grpc.Http2;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>What a service method sees of its call besides the message: metadata and cancellation.</summary>
internal readonly struct GrpcCallContext(Http2ServerStream stream)
{
    public CancellationToken CancellationToken => stream.CancellationToken;

    /// <summary>A request metadata value (gRPC metadata keys are lower-case header names), or empty.</summary>
    public string Metadata(string key) => stream.Metadata(key);

    /// <summary>Runs <paramref name="action"/> once the call's answer has been handed to the connection.</summary>
    public void OnCompleted(Action action) => stream.Completed += action;
}
