using System.Diagnostics;

namespace VaultPathGen.Package.Tests;

/// <summary>
/// The <c>vault-auth</c> template as a new user takes it, on the same machine as
/// <see cref="TemplateWalkthrough"/> (feed, packages folder, installed templates and Go host shared):
/// create, build, test, make an auth-specific mistake, publish (NativeAOT, the default: the one
/// NativeAOT publish from the package in the suite; <see cref="TemplateWalkthrough"/> publishes the
/// single-file opt-out) and have the Go host mount it as a credential backend and log in.
/// </summary>
public sealed class AuthTemplateWalkthrough : Walkthrough
{
    public const string Name = "AcmeAuth";
    public const string PluginVersion = "v0.1.0";

    /// <summary>The other choice of the templates' <c>--framework</c> option.</summary>
    public const string OtherFramework = "net9.0";

    public AuthTemplateWalkthrough(PackedFeed feed)
    {
        var clock = Stopwatch.StartNew();
        if (!feed.Runtime.Succeeded || feed.Templates is not { Succeeded: true })
        {
            return;
        }

        var outside = feed.Outside;
        // Also the wrong plugin type for an auth method, which only the compiler can tell (VPG0128).
        if (!CreateBuildAndTest(outside, "vault-auth", Name, "publish-auth", MistakesSource, "-p:VaultPluginType=secret"))
        {
            return;
        }

        // The framework option, without a restore: only what it writes is checked.
        NewOnOtherFramework = outside.New("vault-auth", Name + "Net9", "--framework", OtherFramework, "--skipRestore");

        (Publish, GoHost, Checks) = PublishAndRunGoHost(outside, PublishDir, "template-auth", PluginVersion);

        Elapsed = clock.Elapsed;
    }

    public CommandResult? NewOnOtherFramework { get; }

    protected override IEnumerable<CommandResult?> Steps => [Install, New, Build, Test, Mistake, NewOnOtherFramework, Publish, GoHost];

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
