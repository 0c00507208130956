using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using VaultPathGen.Plugin.Grpc;
using VaultPathGen.Plugin.Protocol.GoPlugin;
using Health = VaultPathGen.Plugin.Protocol.Health;

namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// What the Go host (go-plugin 1.0.1) cannot exercise: the broker knock and the stdio stream, over
/// plaintext HTTP/2 (a host without AutoMTLS), driven by our own gRPC client.
/// </summary>
public sealed class PluginProcessTests : IDisposable
{
    private readonly Process _plugin;
    private readonly string _socket;
    private readonly HttpClient _http;
    private readonly System.Text.StringBuilder _stderr = new();

    private string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public PluginProcessTests()
    {
        var path = typeof(PluginProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestPluginPath").Value!;
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["VAULT_BACKEND_PLUGIN"] = "6669da05-b1c8-4f49-97d9-c8e5bed98e20";
        info.Environment["PLUGIN_PROTOCOL_VERSIONS"] = "4,5";
        info.Environment.Remove("PLUGIN_CLIENT_CERT");
        _plugin = Process.Start(info)!;
        _plugin.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _plugin.BeginErrorReadLine();
        var line = _plugin.StandardOutput.ReadLine() ?? throw new InvalidOperationException("no handshake line");
        var parts = line.Split('|');
        Assert.Equal(["1", "5", "unix"], parts[..3]);
        Assert.Equal("grpc", parts[4]);
        Assert.Equal("", parts[5]);
        _socket = parts[3];
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socket), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
    }

    private HttpRequestMessage Call(string method, HttpContent content)
    {
        content.Headers.ContentType = new("application/grpc");
        var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost" + method)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    [Fact]
    public async Task Broker_answers_a_knock_with_an_ack()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var knock = GrpcFraming.Frame(new ConnInfo { ServiceId = 7, Knock = new ConnInfo.Types.Knock { Knock_ = true } });
        var requestBody = new OpenStreamContent(knock);
        using var request = Call("/plugin.GRPCBroker/StartStream", requestBody);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(timeout.Token));

        var reply = await GrpcFraming.ReadMessageAsync(reader, ConnInfo.Parser, timeout.Token);

        Assert.NotNull(reply);
        Assert.Equal(7u, reply.ServiceId);
        Assert.True(reply.Knock.Knock_);
        Assert.True(reply.Knock.Ack);
        requestBody.Finish();
    }

    /// <summary>A request body that sends one framed message, flushed, then stays open like a client stream.</summary>
    private sealed class OpenStreamContent(byte[] first) : HttpContent
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finish() => _done.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(first);
            await stream.FlushAsync();
            await _done.Task;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task A_message_over_the_limit_is_refused_with_resource_exhausted_before_its_payload_arrives()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        byte[] header = [0, 0x7f, 0xff, 0xff, 0xff, 1, 2, 3];
        var body = new OpenStreamContent(header);
        using var request = Call("/pb.Backend/HandleRequest", body);

        // The 2 GiB the header announces never come: an answer proves nothing waits for them.
        using var response = await WithStderr(() => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token));

        Assert.Equal("8", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("grpc: received message larger than max (2147483647 vs. 67108864)", Uri.UnescapeDataString(response.Headers.GetValues("grpc-message").Single()));
        body.Finish();
        using var client = new GrpcClient("unix", _socket, tls: null);
        var health = await client.CallAsync("/grpc.health.v1.Health/Check", new Health.HealthCheckRequest(), Health.HealthCheckResponse.Parser, timeout.Token);
        Assert.Equal(Health.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Stdio_stream_opens_and_health_reports_serving()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = Call("/plugin.GRPCStdio/StreamStdio", new ByteArrayContent(GrpcFraming.Frame(new Google.Protobuf.WellKnownTypes.Empty())));
        using var response = await WithStderr(() => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("grpc-status"));

        using var client = new GrpcClient("unix", _socket, tls: null);
        var health = await WithStderr(() => client.CallAsync("/grpc.health.v1.Health/Check", new Health.HealthCheckRequest { Service = "plugin" }, Health.HealthCheckResponse.Parser, timeout.Token));
        Assert.Equal(Health.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        var unknown = await Assert.ThrowsAsync<GrpcException>(() => WithStderr(() => client.CallAsync("/no.Such/Method", new Empty(), Empty.Parser, timeout.Token)));
        Assert.Equal(GrpcStatusCode.Unimplemented, unknown.Status);
    }

    [Fact]
    public void The_plugin_watches_no_files()
    {
        // Vault's plugin directory is not our configuration: no inotify descriptor, no watcher thread.
        var threads = Directory.GetDirectories($"/proc/{_plugin.Id}/task").Select(t => File.ReadAllText(Path.Combine(t, "comm")).Trim()).ToList();
        var descriptors = Directory.GetFiles($"/proc/{_plugin.Id}/fd").Select(fd => new FileInfo(fd).LinkTarget ?? "").ToList();

        Assert.NotEmpty(threads);
        Assert.DoesNotContain(threads, t => t.Contains("File Watch", StringComparison.Ordinal));
        Assert.DoesNotContain(descriptors, d => d.Contains("inotify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shutdown_answers_then_exits_and_removes_the_socket()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using (var client = new GrpcClient("unix", _socket, tls: null))
        {
            await client.CallAsync("/plugin.GRPCController/Shutdown", new Empty(), Empty.Parser, timeout.Token);
        }

        var stopwatch = Stopwatch.StartNew();
        Assert.True(_plugin.WaitForExit(TimeSpan.FromSeconds(2)), "plugin still running 2 s after Shutdown");
        Assert.Equal(0, _plugin.ExitCode);
        Assert.False(File.Exists(_socket));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2));
    }

    /// <summary>Adds the plugin's log to transport failures, which otherwise say only "connection closed".</summary>
    private async Task<T> WithStderr<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException e)
        {
            await Task.Delay(300);
            throw new HttpRequestException("plugin stderr:\n" + Stderr, e);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        if (!_plugin.HasExited)
        {
            _plugin.Kill();
            _plugin.WaitForExit();
        }

        _plugin.Dispose();
    }
}
