using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>Reads a backend's [WalRollback] method.</summary>
    internal static class WalRollbackParser
    {
        private const string WalRollbackAttribute = "VaultPathGen.WalRollbackAttribute";

        /// <summary>The method, or null when there is none or it is invalid (then with diagnostics).</summary>
        public static WalRollbackSpec? Parse(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            WalRollbackSpec? found = null;
            string? first = null;
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!(member is IMethodSymbol method) || method.MethodKind != MethodKind.Ordinary)
                {
                    continue;
                }

                var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == WalRollbackAttribute);
                if (attribute is null)
                {
                    continue;
                }

                var location = method.Locations.FirstOrDefault();
                if (first != null)
                {
                    Report(diagnostics, DiagnosticDescriptors.DuplicateWalRollbackId, location, first, method.Name);
                    continue;
                }

                first = method.Name;
                found = ParseMethod(method, attribute, diagnostics, location);
            }

            return found;
        }

        private static void Report(List<DiagnosticInfo> diagnostics, string id, Location? location, params string[] args) =>
            diagnostics.Add(new DiagnosticInfo(id, LocationInfo.From(location), args.ToEquatableArray()));

        private static WalRollbackSpec? ParseMethod(IMethodSymbol method, AttributeData attribute, List<DiagnosticInfo> diagnostics, Location? location)
        {
            long minAge = 0;
            foreach (var arg in attribute.NamedArguments)
            {
                if (arg.Key == "MinAge")
                {
                    var text = arg.Value.Value as string ?? "";
                    if (!VaultParse.TryParseDurationSeconds(text, out minAge, out var error) || minAge < 0)
                    {
                        Report(diagnostics, DiagnosticDescriptors.InvalidWalRollbackId, location, method.Name, "has an invalid MinAge \"" + text + "\": " + (error ?? "durations cannot be negative"));
                        return null;
                    }
                }
            }

            var returnName = method.ReturnType.ToDisplayString();
            var isAsync = returnName == "System.Threading.Tasks.Task" || returnName == "System.Threading.Tasks.ValueTask";
            if (!isAsync && !method.ReturnsVoid)
            {
                Report(diagnostics, DiagnosticDescriptors.InvalidWalRollbackId, location, method.Name, "must return void, Task or ValueTask; throw to keep the entry for the next tick");
                return null;
            }

            var arguments = new List<WalArgumentSpec>();
            foreach (var p in method.Parameters)
            {
                var typeName = p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                var kind = Kind(p, typeName);
                if (kind is null)
                {
                    Report(diagnostics, DiagnosticDescriptors.InvalidWalRollbackId, p.Locations.FirstOrDefault(), method.Name,
                        "cannot take parameter '" + p.Name + "' of type '" + p.Type.ToDisplayString()
                        + "'; it may take the WalEntry, 'string kind', 'JsonNode? data', Request, IStorage, ISystemView, BackendConfig, a logger and a CancellationToken");
                    return null;
                }

                arguments.Add(new WalArgumentSpec(kind.Value, typeName));
            }

            return new WalRollbackSpec(method.Name, method.IsStatic, isAsync, minAge, arguments.ToEquatableArray());
        }

        private static WalArgumentKind? Kind(IParameterSymbol p, string typeName)
        {
            if (p.RefKind != RefKind.None)
            {
                return null;
            }

            switch (typeName)
            {
                case "global::VaultPathGen.Request": return WalArgumentKind.Request;
                case "global::VaultPathGen.IStorage": return WalArgumentKind.Storage;
                case "global::System.Threading.CancellationToken": return WalArgumentKind.CancellationToken;
                case "global::Microsoft.Extensions.Logging.ILogger": return WalArgumentKind.Logger;
                case "global::VaultPathGen.BackendConfig": return WalArgumentKind.Config;
                case "global::VaultPathGen.ISystemView": return WalArgumentKind.SystemView;
                case "global::VaultPathGen.WalEntry": return WalArgumentKind.Entry;
                case "string": return p.Name == "kind" ? WalArgumentKind.Kind : (WalArgumentKind?)null;
                case "global::System.Text.Json.Nodes.JsonNode": return p.Name == "data" ? WalArgumentKind.Data : (WalArgumentKind?)null;
            }

            if (p.Type is INamedTypeSymbol named && named.IsGenericType && named.ConstructedFrom.ToDisplayString() == "Microsoft.Extensions.Logging.ILogger<TCategoryName>")
            {
                return WalArgumentKind.TypedLogger;
            }

            return null;
        }
    }
}
