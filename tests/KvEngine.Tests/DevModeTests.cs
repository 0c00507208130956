using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KvEngine.Tests;

/// <summary>README's main command: the sample binary in dev mode, driven over HTTP like a user would.</summary>
public partial class DevModeTests
{
    [GeneratedRegex(@"Api Address: (?<address>http://\S+)")]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"Root Token: (?<token>\S+)")]
    private static partial Regex TokenLine();

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "KvEngine.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("VAULT_BACKEND_PLUGIN");
        return Process.Start(start)!;
    }

    [Fact]
    public async Task Dev_mode_serves_vaults_api_until_sigterm()
    {
        using var process = Start("--dev", "--dev-listen-address=127.0.0.1:0");
        try
        {
            var banner = new StringBuilder();
            string? address = null;
            string? token = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (address is null || token is null)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("dev mode exited:\n" + banner + await process.StandardError.ReadToEndAsync());
                banner.AppendLine(line);
                address ??= AddressLine().Match(line) is { Success: true } a ? a.Groups["address"].Value : null;
                token ??= TokenLine().Match(line) is { Success: true } t ? t.Groups["token"].Value : null;
            }

            Assert.StartsWith("hvs.", token, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/v1/secret/config")).StatusCode);
            http.DefaultRequestHeaders.Add("X-Vault-Token", token);
            var help = await http.GetAsync("/v1/secret/?help=1");
            Assert.Equal(HttpStatusCode.OK, help.StatusCode);
            Assert.Contains("\"help\"", await help.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Started_by_hand_it_explains_itself_naming_dev_and_exits_1()
    {
        using var process = Start();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("--dev", error, StringComparison.Ordinal);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }
}
