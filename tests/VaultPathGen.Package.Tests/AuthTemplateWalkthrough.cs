using System.Diagnostics;

namespace VaultPathGen.Package.Tests;

/// <summary>
/// The <c>vault-auth</c> template as a new user takes it, on the same machine as
/// <see cref="TemplateWalkthrough"/> (feed, packages folder, installed templates and Go host shared):
/// create, build, test, make an auth-specific mistake, publish single-file and NativeAOT (net9.0,
/// the one AOT publish of the suite), and have the Go host mount both as a credential backend and
/// log in.
/// </summary>
public sealed class AuthTemplateWalkthrough : Walkthrough
{
    public const string Name = "AcmeAuth";
    public const string PluginVersion = "v0.1.0";

    /// <summary>The framework whose NativeAOT compiler this machine's package source serves (docs/deploying.md).</summary>
    public const string AotFramework = "net9.0";

    public AuthTemplateWalkthrough(PackedFeed feed)
    {
        var clock = Stopwatch.StartNew();
        if (!feed.Runtime.Succeeded || feed.Templates is not { Succeeded: true })
        {
            return;
        }

        var outside = feed.Outside;
        AotPublishDir = Path.Combine(outside.Work, "publish-auth-aot");
        // Also the wrong plugin type for an auth method, which only the compiler can tell (VPG0128).
        if (!CreateBuildAndTest(outside, "vault-auth", Name, "publish-auth", MistakesSource, "-p:VaultPluginType=secret"))
        {
            return;
        }

        // The framework option, without a restore: only what it writes is checked.
        NewOnNet9 = outside.New("vault-auth", Name + "Net9", "--framework", AotFramework, "--skipRestore");

        PublishAndRunGoHost(outside, "template-auth", PluginVersion);

        AotPublish = Processes.Dotnet(outside.Environment, "publish", PluginProject, "-c", "Release", "-r", "linux-x64", "-o", AotPublishDir,
            "-p:PublishAot=true", "-p:VaultAotTargetFramework=" + AotFramework);
        if (AotPublish.Succeeded && File.Exists(AotPluginPath))
        {
            (AotGoHost, AotChecks) = outside.RunGoHost(AotPluginPath, "template-auth", PluginVersion);
        }

        Elapsed = clock.Elapsed;
    }

    public string AotPublishDir { get; } = "";

    public string AotPluginPath => Path.Combine(AotPublishDir, Name);

    public CommandResult? NewOnNet9 { get; }

    public CommandResult? AotPublish { get; }

    public CommandResult? AotGoHost { get; }

    public Dictionary<string, (bool Ok, string Detail)> AotChecks { get; } = [];

    protected override IEnumerable<CommandResult?> Steps => [Install, New, Build, Test, Mistake, NewOnNet9, Publish, GoHost, AotPublish];

    // One mistake for the generator (a second [AuthRenew]), one for the analyzers (alias lookahead on
    // a path that needs a token): both auth-specific, both must be reported from the package.
    private const string MistakesSource = $$"""
        using VaultPathGen;
        using static VaultPathGen.Operation;

        namespace {{Name}};

        public partial class {{Name}}Method
        {
            /// <summary>A second renewal.</summary>
            [AuthRenew]
            public static Auth RenewAgain(Auth auth) => auth;

            /// <summary>A lookahead Vault never sends here.</summary>
            /// <param name="username">The user.</param>
            [Path("users/<username>"), Operation(AliasLookahead)]
            public static Response UserLookahead(string username) => new() { Auth = new Auth { Alias = new Alias { Name = username } } };
        }
        """;
}
