using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VaultPathGen.Generator.Emitting;
using VaultPathGen.Generator.Parsing;

namespace VaultPathGen.Generator
{
    /// <summary>
    /// Turns classes marked <c>[SecretsEngine]</c> or <c>[AuthMethod]</c> into <c>IBackend</c> implementations: routing,
    /// field validation, binding and dispatch, plus a descriptor of paths and fields.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class BackendGenerator : IIncrementalGenerator
    {
        /// <summary>The attribute that marks a backend.</summary>
        public const string SecretsEngineAttribute = "VaultPathGen.SecretsEngineAttribute";

        /// <summary>The attribute that marks an auth method.</summary>
        public const string AuthMethodAttribute = "VaultPathGen.AuthMethodAttribute";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            Register(context, SecretsEngineAttribute);
            Register(context, AuthMethodAttribute);
        }

        private static void Register(IncrementalGeneratorInitializationContext context, string backendAttribute)
        {
            var results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    backendAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => BackendParser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.Parse);

            var diagnostics = results
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, list) =>
            {
                foreach (var diagnostic in list)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

            var backends = results
                .Select(static (result, _) => result.Backend)
                .Where(static backend => backend is not null)
                .WithTrackingName(TrackingNames.Backends);
            context.RegisterSourceOutput(backends, static (spc, backend) =>
                spc.AddSource(backend!.HintName + ".g.cs", BackendEmitter.Emit(backend)));
            context.RegisterSourceOutput(backends, static (spc, backend) =>
                spc.AddSource(backend!.HintName + ".OpenApi.g.cs", OpenApiEmitter.Emit(backend)));
        }
    }
}
