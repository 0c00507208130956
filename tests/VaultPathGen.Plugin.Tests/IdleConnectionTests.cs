using System.Diagnostics;
using System.Net.Security;
using System.Reflection;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VaultPathGen.Plugin.Grpc;
using Health = VaultPathGen.Plugin.Protocol.Health;

namespace VaultPathGen.Plugin.Tests;

/// <summary>
/// Issue 10, item 3: Vault keeps one authenticated HTTP/2 connection to the plugin and may leave it
/// without a stream for a long time. The plugin must neither close it nor stop because it closed.
/// </summary>
public sealed class IdleConnectionTests
{
    /// <summary>
    /// Kestrel, the plugin's server before its own, sent GOAWAY about a second after the last stream
    /// closed when the keep-alive timeout was infinite, and the plugin stopped 0.5 s later: several
    /// times that is enough to see any server that closes an idle connection.
    /// </summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_idle_authenticated_connection_survives_and_the_plugin_keeps_serving()
    {
        using var hostKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=HashiCorp", hostKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));
        using var hostCertificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);

        var path = typeof(IdleConnectionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestPluginPath").Value!;
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["VAULT_BACKEND_PLUGIN"] = "6669da05-b1c8-4f49-97d9-c8e5bed98e20";
        info.Environment["PLUGIN_PROTOCOL_VERSIONS"] = "5";
        info.Environment["PLUGIN_CLIENT_CERT"] = hostCertificate.ExportCertificatePem();
        using var plugin = Process.Start(info)!;
        var stderr = new System.Text.StringBuilder();
        plugin.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        plugin.BeginErrorReadLine();
        try
        {
            var parts = (plugin.StandardOutput.ReadLine() ?? throw new InvalidOperationException("no handshake line")).Split('|');
            var padded = parts[5] + new string('=', (4 - (parts[5].Length % 4)) % 4);
            using var pluginCertificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(padded));
            var tls = new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = [hostCertificate],
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pluginCertificate.RawData),
            };
            using var client = new GrpcClient(parts[2], parts[3], tls);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var check = new Health.HealthCheckRequest { Service = "plugin" };

            await client.CallAsync("/grpc.health.v1.Health/Check", check, Health.HealthCheckResponse.Parser, timeout.Token);
            await Task.Delay(Idle, timeout.Token);

            Assert.False(plugin.HasExited, "the plugin stopped while its host's connection was idle:\n" + stderr);
            var health = await client.CallAsync("/grpc.health.v1.Health/Check", check, Health.HealthCheckResponse.Parser, timeout.Token);
            Assert.Equal(Health.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
            lock (stderr)
            {
                Assert.DoesNotContain("plugin stopping", stderr.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            if (!plugin.HasExited)
            {
                plugin.Kill();
                plugin.WaitForExit();
            }
        }
    }
}
