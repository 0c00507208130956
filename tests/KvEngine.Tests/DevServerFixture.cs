using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VaultPathGen.Dev;

namespace KvEngine.Tests;

/// <summary>The sample engine behind dev mode in this process, on a free loopback port.</summary>
public sealed class DevServerFixture : IAsyncLifetime
{
    public const string Token = "hvs.fixture-token";

    internal VaultDevServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await VaultDevServer.StartAsync(new KvEngine(), new VaultDevServerOptions
        {
            ListenAddress = new IPEndPoint(IPAddress.Loopback, 0),
            RootToken = Token,
            MountType = "kv",
            MountOptions = new Dictionary<string, string> { ["version"] = "2" },
        });
        Http = new HttpClient { BaseAddress = Server.Address };
        Http.DefaultRequestHeaders.Add("X-Vault-Token", Token);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Sends raw body bytes; returns the status and the body text.</summary>
    public async Task<(int Status, string Body)> SendAsync(string method, string path, byte[]? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<(int Status, string Body)> SendAsync(string method, string path, string body, string contentType = "application/json")
        => SendAsync(method, path, Encoding.UTF8.GetBytes(body), contentType);
}
