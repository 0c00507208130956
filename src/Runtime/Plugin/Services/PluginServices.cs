using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Protocol.GoPlugin;
using VaultPathGen.Plugin.Protocol.Health;
using VaultPathGen.Plugin.Protocol.Multiplexing;
using Logical = VaultPathGen.Plugin.Protocol.Logical;

namespace VaultPathGen.Plugin.Services;

/// <summary>The services go-plugin and Vault expect besides the backend itself.</summary>
internal static class PluginServices
{
    /// <summary>go-plugin's health check asks about the service named "plugin".</summary>
    public const string HealthServiceName = "plugin";

    public static void MapHealth(GrpcRouter router)
        => router.MapUnary<HealthCheckRequest, HealthCheckResponse>("/grpc.health.v1.Health/Check", HealthCheckRequest.Parser, (request, _) =>
            request.Service is "" or HealthServiceName
                ? ValueTask.FromResult(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving })
                : throw new GrpcException(GrpcStatusCode.NotFound, $"unknown service {request.Service}"));

    /// <summary><c>Shutdown</c> answers first, then stops the process once the answer has left.</summary>
    public static void MapController(GrpcRouter router, Action requestStop)
        => router.MapUnary<Empty, Empty>("/plugin.GRPCController/Shutdown", Empty.Parser, (_, call) =>
        {
            call.OnCompleted(requestStop);
            return ValueTask.FromResult(new Empty());
        });

    /// <summary>Nothing is ever forwarded (stdout is turned into log lines); the stream stays open until we stop.</summary>
    public static void MapStdio(GrpcRouter router, CancellationToken stopping)
        => router.MapStreaming("/plugin.GRPCStdio/StreamStdio", async stream =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stream.Call.CancellationToken, stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        });

    public static void MapBroker(GrpcRouter router, PluginBroker broker, CancellationToken stopping)
        => router.MapStreaming("/plugin.GRPCBroker/StartStream", stream => broker.ServeStreamAsync(stream, stopping));

    public static void MapVersion(GrpcRouter router, string version)
        => router.MapUnary<Logical.Empty, Logical.VersionReply>("/logical.PluginVersion/Version", Logical.Empty.Parser, (_, _) =>
            ValueTask.FromResult(new Logical.VersionReply { PluginVersion = version }));

    public static void MapMultiplexing(GrpcRouter router)
        => router.MapUnary<MultiplexingSupportRequest, MultiplexingSupportResponse>(
            "/pluginutil.multiplexing.PluginMultiplexing/MultiplexingSupport",
            MultiplexingSupportRequest.Parser,
            (_, _) => ValueTask.FromResult(new MultiplexingSupportResponse { Supported = true }));
}
