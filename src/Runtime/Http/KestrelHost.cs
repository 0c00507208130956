using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VaultPathGen.Http;

/// <summary>
/// Kestrel serving one <see cref="RequestDelegate"/>, without ASP.NET Core's hosting layer: no
/// <c>WebApplication</c>, DI container, configuration, routing, middleware or request diagnostics.
/// Both hosts (the plugin's gRPC and dev mode's HTTP) serve a single delegate, and everything that
/// layer would link into a NativeAOT plugin is code its pages and start-up pay for (docs/benchmarks.md).
/// </summary>
internal sealed class KestrelHost : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly RequestDelegate _application;

    /// <param name="loggers">Kestrel's logs go here, filtered as the caller set this factory up.</param>
    /// <param name="configure">Endpoints and limits: <see cref="KestrelServerOptions"/> as the hosting layer would hand it over, minus configuration.</param>
    /// <param name="transport">The sockets transport's options (e.g. a listening socket to take over).</param>
    /// <param name="application">What every request runs.</param>
    public KestrelHost(ILoggerFactory loggers, Action<KestrelServerOptions> configure, SocketTransportOptions transport, RequestDelegate application)
    {
        // Kestrel asks the application's services for its logger factory in a few optional places; it needs nothing else from them here.
        var options = new KestrelServerOptions { ApplicationServices = new LoggerServices(loggers) };
        configure(options);
        _server = new KestrelServer(Options.Create(options), new SocketTransportFactory(Options.Create(transport), loggers), loggers);
        _application = application;
    }

    /// <summary>The addresses Kestrel listens on, once started (a port 0 resolved).</summary>
    public ICollection<string> Addresses => _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

    public Task StartAsync(CancellationToken cancellationToken = default) => _server.StartAsync(new Application(_application), cancellationToken);

    /// <summary>Stops accepting, lets requests in flight finish until <paramref name="cancellationToken"/>, then aborts what is left.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _server.StopAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// What the hosting layer's application does for a server, minus its diagnostics (an Activity and a
    /// log scope per request that nothing here reads): an <see cref="HttpContext"/> over the request's
    /// features, reused with the connection's stream when Kestrel keeps one, and cleared afterwards.
    /// </summary>
    private sealed class Application(RequestDelegate application) : IHttpApplication<DefaultHttpContext>
    {
        public DefaultHttpContext CreateContext(IFeatureCollection contextFeatures)
        {
            if (contextFeatures is not IHostContextContainer<DefaultHttpContext> container)
            {
                return new DefaultHttpContext(contextFeatures);
            }

            if (container.HostContext is { } reused)
            {
                reused.Initialize(contextFeatures);
                return reused;
            }

            var context = new DefaultHttpContext(contextFeatures);
            container.HostContext = context;
            return context;
        }

        public Task ProcessRequestAsync(DefaultHttpContext context) => application(context);

        public void DisposeContext(DefaultHttpContext context, Exception? exception) => context.Uninitialize();
    }

    private sealed class LoggerServices(ILoggerFactory loggers) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ILoggerFactory) ? loggers : null;
    }
}
