using Microsoft.AspNetCore.Http;

namespace VaultPathGen.Plugin.Grpc;

/// <summary>What a service method sees of its call besides the message: metadata and cancellation.</summary>
internal readonly struct GrpcCallContext(HttpContext httpContext)
{
    public HttpContext HttpContext { get; } = httpContext;

    public CancellationToken CancellationToken => HttpContext.RequestAborted;

    /// <summary>A request metadata value (gRPC metadata keys are lower-case header names), or empty.</summary>
    public string Metadata(string key) => HttpContext.Request.Headers.TryGetValue(key, out var values) ? values.ToString() : "";
}
