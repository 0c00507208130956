using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using VaultPathGen.Dev;
using VaultPathGen.Tests.Shared;
using VaultPathGen.Tests.Testing;

namespace VaultPathGen.Tests.Dev;

/// <summary>Issue 10, item 9: dev mode's log says what happened, at the level it deserves.</summary>
public sealed class DevLoggingTests
{
    private const string Token = "hvs.log-token";

    [Fact]
    public async Task Expected_4xx_answers_are_information_without_a_stack_trace_and_5xx_are_errors_with_one()
    {
        var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var server = await VaultDevServer.StartAsync(new FakeKvBackend(), new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            RootToken = Token,
            LoggerFactory = factory,
        });
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Add("X-Vault-Token", Token);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/v1/secret/nowhere")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("/v1/secret/answer/boom")).StatusCode);

        var dev = logs.Entries.Where(e => e.Category == "VaultPathGen.Dev").ToList();
        var notFound = Assert.Single(dev, e => e.Message.Contains("nowhere", StringComparison.Ordinal));
        var boom = Assert.Single(dev, e => e.Message.Contains("answer/boom", StringComparison.Ordinal));
        Assert.Equal((LogLevel.Information, null), (notFound.Level, notFound.Exception));
        Assert.Equal(LogLevel.Error, boom.Level);
        Assert.NotNull(boom.Exception);
        Assert.All(dev, e => Assert.InRange(e.EventId, 0, 99));
    }

    [Fact]
    public async Task The_one_liner_logs_to_the_console_without_a_logger_factory()
    {
        var console = new SynchronizedWriter();
        var previous = Console.Out;
        Console.SetOut(console);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task<int> run;
        try
        {
            run = VaultDev.RunAsync(() => new FakeKvBackend(), ["--dev", "--dev-listen-address=127.0.0.1:0", "--dev-root-token-id=" + Token], output: console, cancellationToken: stop.Token);
            var address = await console.WaitForAsync("Api Address: ", stop.Token);
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Add("X-Vault-Token", Token);
            await http.GetAsync("/v1/secret/logged-path");
            await stop.CancelAsync();
            Assert.Equal(0, await run);
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Contains("secret/logged-path", console.ToString(), StringComparison.Ordinal);
    }

    private sealed record Entry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class ListLogger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => entries.Enqueue(new Entry(category, logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}
