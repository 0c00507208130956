using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace VaultPathGen.Analyzers.Tests;

/// <summary>VPG0128 (the backend's kind against the project's VaultPluginType, as the package shows it to the compiler).</summary>
public partial class AnalyzerTests
{
    private const string PluginAuthMethod = """
        /// <summary>Test auth method.</summary>
        [[|AuthMethod|]]
        public partial class A
        {
        }
        """;

    private const string PluginSecretsEngine = """
        /// <summary>Test engine.</summary>
        [[|SecretsEngine|]]
        public partial class E
        {
        }
        """;

    [Theory]
    [InlineData(PluginAuthMethod, "secret", "'A' is an auth method, but the project's VaultPluginType is 'secret': the commands printed after publish would register and enable it as the wrong kind of plugin; set <VaultPluginType>auth</VaultPluginType> in the project")]
    [InlineData(PluginSecretsEngine, "auth", "'E' is a secrets engine, but the project's VaultPluginType is 'auth': the commands printed after publish would register and enable it as the wrong kind of plugin; set <VaultPluginType>secret</VaultPluginType> in the project")]
    public void VPG0128_backend_kind_differs_from_the_plugin_type(string markup, string pluginType, string message)
    {
        var (source, span) = Harness.Markup(markup);
        var diagnostic = Assert.Single(PluginTypeDiagnostics(source, pluginType));
        Assert.Equal("VPG0128", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.EndsWith("docs/diagnostics/VPG0128.md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PluginAuthMethod, "auth")]
    [InlineData(PluginAuthMethod, "Auth")]
    [InlineData(PluginSecretsEngine, "secret")]
    [InlineData(PluginAuthMethod, null)]
    [InlineData(PluginSecretsEngine, null)]
    public void VPG0128_not_reported_when_the_kinds_agree_or_the_project_shows_no_plugin_type(string markup, string? pluginType)
        => Assert.Empty(PluginTypeDiagnostics(Harness.Markup(markup).Source, pluginType));

    /// <summary>Only this analyzer's diagnostics, with <c>build_property.VaultPluginType</c> set as MSBuild's editorconfig would (null: not visible).</summary>
    private static ImmutableArray<Diagnostic> PluginTypeDiagnostics(string source, string? pluginType)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(IBackend).Assembly.Location).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Plugin", [CSharpSyntaxTree.ParseText(Harness.Usings + source, Harness.ParseOptions, path: "Backend0.cs")], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var options = new AnalyzerOptions([], new OptionsProvider(pluginType is null ? [] : new() { ["build_property.VaultPluginType"] = pluginType }));
        return compilation.WithAnalyzers([new PluginTypeAnalyzer()], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private sealed class OptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
