using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;
using VaultPathGen.Routing;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>The parser's result: a model when the declarations are valid, and diagnostics.</summary>
    internal sealed record ParseResult(BackendSpec? Backend, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Reads a backend class (symbols and syntax) into a <see cref="BackendSpec"/>.</summary>
    internal sealed partial class BackendParser
    {
        private const string PathAttribute = "VaultPathGen.PathAttribute";
        private const string PathPatternAttribute = "VaultPathGen.PathPatternAttribute";
        private const string OperationAttribute = "VaultPathGen.OperationAttribute";
        private const string ExistenceCheckAttribute = "VaultPathGen.ExistenceCheckAttribute";
        private const string PathOptionsAttribute = "VaultPathGen.PathOptionsAttribute";
        private const string FieldAttribute = "VaultPathGen.FieldAttribute";
        private static readonly string[] HookKinds = { "Initialize", "Clean", "Invalidate", "Periodic" };
        private const string GeneratedRegexAttribute = "System.Text.RegularExpressions.GeneratedRegexAttribute";

        /// <summary>Fully qualified, with <c>?</c> on nullable reference types, for declarations in generated code.</summary>
        private static readonly SymbolDisplayFormat DeclarationFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();
        private readonly CancellationToken _cancellationToken;
        private ResponseSchemas _responseSchemas = ResponseSchemas.ForContext(null);

        private BackendParser(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var parser = new BackendParser(cancellationToken);
            var spec = parser.ParseBackend((INamedTypeSymbol)context.TargetSymbol, (ClassDeclarationSyntax)context.TargetNode, context.Attributes[0]);
            // ParseBackend already returns null when an error was reported; warnings come with a spec.
            return new ParseResult(spec, parser._diagnostics.ToEquatableArray());
        }

        /// <summary>
        /// The first type in <paramref name="type"/> (itself or a type argument) that the compiler could
        /// not resolve, or null: an unresolved <c>Task</c> must be reported as such, not as an
        /// unsupported type.
        /// </summary>
        private static string? Unresolved(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Error)
            {
                return type is INamedTypeSymbol { IsGenericType: true } generic ? generic.Name : type.ToDisplayString();
            }

            if (type is INamedTypeSymbol named)
            {
                foreach (var argument in named.TypeArguments)
                {
                    if (Unresolved(argument) is { } inner)
                    {
                        return inner;
                    }
                }
            }

            return type is IArrayTypeSymbol array ? Unresolved(array.ElementType) : null;
        }

        private void Report(string id, Location? location, params string[] args) =>
            _diagnostics.Add(new DiagnosticInfo(id, LocationInfo.From(location), args.ToEquatableArray()));

        private sealed class PathBuilder
        {
            public PathBuilder(string key, string template, bool isRegex, Location? location)
            {
                Key = key;
                Template = template;
                IsRegex = isRegex;
                Location = location;
            }

            public string Key { get; }
            public string Template { get; }
            public bool IsRegex { get; }
            public Location? Location { get; }
            public PathTemplate? Parsed { get; set; }
            public string VaultPattern { get; set; } = "";
            public string? RegexMethod { get; set; }
            public List<string> Captures { get; } = new List<string>();
            public List<(IMethodSymbol Method, HandlerSpec Spec, Location? Location)> Handlers { get; } = new List<(IMethodSymbol, HandlerSpec, Location?)>();
            public List<(IMethodSymbol Method, HandlerSpec Spec)> ExistenceChecks { get; } = new List<(IMethodSymbol, HandlerSpec)>();
        }

        private BackendSpec? ParseBackend(INamedTypeSymbol type, ClassDeclarationSyntax syntax, AttributeData attribute)
        {
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Report(DiagnosticDescriptors.BackendNotPartialId, syntax.Identifier.GetLocation(), type.Name);
                return null;
            }

            var containing = new List<string>();
            for (var outer = type; outer != null; outer = outer.ContainingType)
            {
                if (outer.IsGenericType)
                {
                    Report(DiagnosticDescriptors.BackendGenericId, syntax.Identifier.GetLocation(), type.Name);
                    return null;
                }

                if (!SymbolEqualityComparer.Default.Equals(outer, type))
                {
                    var outerSyntax = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
                    if (outerSyntax is null || !outerSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        Report(DiagnosticDescriptors.ContainingTypeNotPartialId, syntax.Identifier.GetLocation(), outer.Name, type.Name);
                        return null;
                    }

                    containing.Insert(0, TypeKeyword(outerSyntax) + " " + outer.Name);
                }
            }

            string? help = null;
            var strict = false;
            string? jsonContext = null;
            foreach (var arg in attribute.NamedArguments)
            {
                switch (arg.Key)
                {
                    case "Help": help = arg.Value.Value as string; break;
                    case "StrictFields": strict = arg.Value.Value is true; break;
                    case "JsonContext":
                        if (arg.Value.Value is INamedTypeSymbol ctx)
                        {
                            jsonContext = ctx.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                            _responseSchemas = ResponseSchemas.ForContext(ctx);
                        }

                        break;
                }
            }

            help ??= XmlDocs.For(type, _cancellationToken).Summary;
            var isAuthMethod = attribute.AttributeClass?.ToDisplayString() == AuthParser.AuthMethodAttribute;
            if (AuthParser.HasBothKinds(type))
            {
                if (!isAuthMethod)
                {
                    Report(DiagnosticDescriptors.BothBackendKindsId, syntax.Identifier.GetLocation(), type.Name);
                }

                return null;
            }

            var authMethod = AuthParser.ParseAuthMethod(type, isAuthMethod, Report);

            var paths = new Dictionary<string, PathBuilder>();
            var pathOrder = new List<PathBuilder>();
            var hooks = new Dictionary<string, HookSpec>();
            foreach (var member in type.GetMembers())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary)
                {
                    ParseMethod(type, method, jsonContext, paths, pathOrder);
                    ParseHooks(method, hooks);
                }
            }

            var pathOptions = new Dictionary<string, AttributeData>();
            foreach (var a in type.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() == PathOptionsAttribute && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string t)
                {
                    // A template, or the name of a [PathPattern] regex method.
                    var key = paths.ContainsKey("t:" + t) ? "t:" + t : paths.ContainsKey("r:" + t) ? "r:" + t : null;
                    if (key is null)
                    {
                        Report(DiagnosticDescriptors.UnknownPathOptionsId, AttributeLocation(a), t);
                    }
                    else
                    {
                        pathOptions[key] = a;
                    }
                }
            }

            var pathDisplays = OpenApiDeclarations.ForPaths(type, t => paths.ContainsKey("t:" + t) ? "t:" + t : paths.ContainsKey("r:" + t) ? "r:" + t : null, Report, _cancellationToken);
            var ordered = pathOrder.OrderBy(p => p.IsRegex ? 1 : 0).ThenBy(p => p.RegexMethod ?? p.Template, System.StringComparer.Ordinal).ToList();
            var pathSpecs = new List<PathSpec>();
            for (var i = 0; i < ordered.Count; i++)
            {
                pathOptions.TryGetValue(ordered[i].Key, out var helpAttribute);
                var spec = BuildPath(i, ordered[i], helpAttribute);
                if (spec != null)
                {
                    spec = pathDisplays.TryGetValue(ordered[i].Key, out var display) ? spec with { Display = display } : spec;
                    pathSpecs.Add(spec);
                }
            }

            var routes = BuildRoutes(ordered);
            var secretTypes = SecretTypeParser.Parse(type, jsonContext, _diagnostics, _cancellationToken);
            var walRollback = WalRollbackParser.Parse(type, _diagnostics, _cancellationToken);
            if (_diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
            {
                return null;
            }

            var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
            var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var hintName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "").Replace('<', '_').Replace('>', '_');
            var backend = new BackendSpec(ns, type.Name, fullName, hintName, containing.ToEquatableArray(), help, strict, jsonContext, pathSpecs.ToEquatableArray(), routes.ToEquatableArray(),
                hooks.Values.OrderBy(h => h.Kind, System.StringComparer.Ordinal).ToEquatableArray(), AuthParser.ParseSpecialPaths(type), authMethod) { SecretTypes = secretTypes, WalRollback = walRollback };
            foreach (var (first, second, operationId) in OpenApiChecks.DuplicateOperationIds(backend))
            {
                Report(DiagnosticDescriptors.DuplicateOperationIdId, type.GetMembers(second).FirstOrDefault()?.Locations.FirstOrDefault(), first, second, operationId);
            }

            return backend;
        }

        private void ParseHooks(IMethodSymbol method, Dictionary<string, HookSpec> hooks)
        {
            foreach (var a in method.GetAttributes())
            {
                var name = a.AttributeClass?.ToDisplayString();
                var kind = HookKinds.FirstOrDefault(k => name == "VaultPathGen." + k + "Attribute");
                if (kind is null)
                {
                    continue;
                }

                var location = method.Locations.FirstOrDefault();
                if (hooks.TryGetValue(kind, out var existing))
                {
                    Report(DiagnosticDescriptors.DuplicateHookId, location, existing.MethodName, method.Name, kind);
                    continue;
                }

                var returnType = method.ReturnType.ToDisplayString();
                var isAsync = returnType == "System.Threading.Tasks.Task" || returnType == "System.Threading.Tasks.ValueTask";
                if (!isAsync && !method.ReturnsVoid)
                {
                    Report(DiagnosticDescriptors.InvalidHookId, location, kind, method.Name, "must return void, Task or ValueTask");
                    continue;
                }

                var parameters = new List<ParameterSpec>();
                var ok = true;
                foreach (var p in method.Parameters)
                {
                    var typeName = p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    var injected = typeName == "global::VaultPathGen.BackendConfig" ? ParameterKind.Config : Injectable(p.Type, typeName);
                    if (kind == "Invalidate" && p.Type.SpecialType == SpecialType.System_String)
                    {
                        injected = ParameterKind.Key;
                    }

                    var allowed = injected == ParameterKind.Storage || injected == ParameterKind.CancellationToken || injected == ParameterKind.Logger
                        || injected == ParameterKind.TypedLogger || injected == ParameterKind.Config || injected == ParameterKind.Key || injected == ParameterKind.SystemView
                        || (injected == ParameterKind.Request && kind == "Periodic");
                    if (injected is null || !allowed)
                    {
                        Report(DiagnosticDescriptors.InvalidHookId, p.Locations.FirstOrDefault(), kind, method.Name,
                            "cannot take parameter '" + p.Name + "' of type '" + p.Type.ToDisplayString() + "'; it may take IStorage, ISystemView, BackendConfig, CancellationToken, a logger"
                            + (kind == "Invalidate" ? ", the key as a string" : kind == "Periodic" ? ", the Request" : ""));
                        ok = false;
                        continue;
                    }

                    parameters.Add(new ParameterSpec(p.Name, injected.Value, typeName, null, FieldType.Invalid, ValueConversion.Identity, false, false, null, null));
                }

                if (ok)
                {
                    hooks[kind] = new HookSpec(kind, method.Name, method.IsStatic, isAsync, parameters.ToEquatableArray());
                }
            }
        }

        private static string TypeKeyword(TypeDeclarationSyntax syntax)
        {
            switch (syntax)
            {
                case RecordDeclarationSyntax r: return r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "partial record struct" : "partial record";
                case StructDeclarationSyntax _: return "partial struct";
                case InterfaceDeclarationSyntax _: return "partial interface";
                default: return "partial class";
            }
        }

        private void ParseMethod(INamedTypeSymbol type, IMethodSymbol method, string? jsonContext, Dictionary<string, PathBuilder> paths, List<PathBuilder> order)
        {
            var templates = new List<(AttributeData Attribute, string Text)>();
            var patterns = new List<(AttributeData Attribute, string Method)>();
            AttributeData? operationAttribute = null;
            var isExistenceCheck = false;
            foreach (var a in method.GetAttributes())
            {
                switch (a.AttributeClass?.ToDisplayString())
                {
                    case PathAttribute:
                        if (a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string t)
                        {
                            templates.Add((a, t));
                        }

                        break;
                    case PathPatternAttribute:
                        if (a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string m)
                        {
                            patterns.Add((a, m));
                        }

                        break;
                    case OperationAttribute:
                        operationAttribute = a;
                        break;
                    case ExistenceCheckAttribute:
                        isExistenceCheck = true;
                        break;
                }
            }

            if (templates.Count == 0 && patterns.Count == 0)
            {
                return;
            }

            var location = method.Locations.FirstOrDefault();
            if (operationAttribute is null && !isExistenceCheck)
            {
                Report(DiagnosticDescriptors.NoOperationsId, location, method.Name);
                return;
            }

            var docs = XmlDocs.For(method, _cancellationToken);
            var operations = new List<int>();
            string? summary = null;
            var deprecated = false;
            if (operationAttribute != null)
            {
                if (operationAttribute.ConstructorArguments.Length == 1)
                {
                    foreach (var v in operationAttribute.ConstructorArguments[0].Values)
                    {
                        if (v.Value is int op && !operations.Contains(op))
                        {
                            operations.Add(op);
                        }
                    }
                }

                foreach (var arg in operationAttribute.NamedArguments)
                {
                    if (arg.Key == "Summary")
                    {
                        summary = arg.Value.Value as string;
                    }
                    else if (arg.Key == "Deprecated")
                    {
                        deprecated = arg.Value.Value is true;
                    }
                }
            }

            if (operationAttribute != null && operations.Count == 0 && !isExistenceCheck)
            {
                // The attribute's arguments do not bind (the compiler reports why): generate nothing for it.
                return;
            }

            var parameters = ParseParameters(method, docs);
            var returnKind = ParseReturn(method, isExistenceCheck, jsonContext, out var isAsync, out var typedResult);
            if (parameters is null || returnKind is null)
            {
                return;
            }

            var spec = new HandlerSpec(
                method.Name,
                method.IsStatic,
                operations.ToEquatableArray(),
                summary ?? docs.Summary,
                docs.Remarks,
                deprecated,
                returnKind.Value,
                isAsync,
                typedResult,
                parameters.ToEquatableArray());
            spec = OpenApiDetails.Read(method, spec, _responseSchemas);
            spec = OpenApiDeclarations.WithDeclarations(method, spec, Report, _cancellationToken);
            spec = ClusterParser.WithForwarding(spec, operationAttribute);

            foreach (var (a, text) in templates)
            {
                var key = "t:" + text;
                if (!paths.TryGetValue(key, out var builder))
                {
                    builder = new PathBuilder(key, text, false, AttributeLocation(a));
                    var parsed = PathTemplate.Parse(text, out var error);
                    if (parsed is null)
                    {
                        Report(DiagnosticDescriptors.InvalidTemplateId, TemplateErrorLocation(a, error!), text, error!.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
                        continue;
                    }

                    builder.Parsed = parsed;
                    builder.VaultPattern = parsed.ToVaultRegex();
                    builder.Captures.AddRange(parsed.Captures);
                    paths[key] = builder;
                    order.Add(builder);
                }

                Attach(builder, method, spec, isExistenceCheck, location);
            }

            foreach (var (a, regexMethod) in patterns)
            {
                var key = "r:" + regexMethod;
                if (!paths.TryGetValue(key, out var builder))
                {
                    var pattern = ResolveRegex(type, regexMethod, a);
                    if (pattern is null)
                    {
                        continue;
                    }

                    builder = new PathBuilder(key, pattern, true, AttributeLocation(a)) { RegexMethod = regexMethod, VaultPattern = pattern };
                    builder.Captures.AddRange(RegexGroupNames(pattern));
                    paths[key] = builder;
                    order.Add(builder);
                }

                Attach(builder, method, spec, isExistenceCheck, location);
            }
        }

        private static void Attach(PathBuilder builder, IMethodSymbol method, HandlerSpec spec, bool isExistenceCheck, Location? location)
        {
            if (isExistenceCheck)
            {
                builder.ExistenceChecks.Add((method, spec));
            }

            if (spec.Operations.Count > 0)
            {
                builder.Handlers.Add((method, spec, location));
            }
        }

        private string? ResolveRegex(INamedTypeSymbol type, string methodName, AttributeData attribute)
        {
            var method = type.GetMembers(methodName).OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 0 && m.IsStatic);
            var generated = method?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == GeneratedRegexAttribute);
            if (method is null || generated is null || generated.ConstructorArguments.Length == 0 || !(generated.ConstructorArguments[0].Value is string pattern))
            {
                Report(DiagnosticDescriptors.InvalidPatternId, AttributeLocation(attribute), methodName,
                    "name a static parameterless [GeneratedRegex] method of this class, e.g. [GeneratedRegex(@\"^creds/(?<name>\\w+)\\z\", RegexOptions.ECMAScript)] private static partial Regex CredsPath();");
                return null;
            }

            var options = generated.ConstructorArguments.Length > 1 && generated.ConstructorArguments[1].Value is int o ? o : 0;
            const int ecmaScript = 256;
            if (!pattern.StartsWith("^", System.StringComparison.Ordinal) || !pattern.EndsWith("\\z", System.StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.InvalidPatternId, AttributeLocation(attribute), methodName,
                    "anchor the pattern like Vault does: start it with '^' and end it with '\\z' ('$' would also match before a final newline)");
                return null;
            }

            if ((options & ecmaScript) == 0 && (pattern.Contains("\\w") || pattern.Contains("\\d") || pattern.Contains("\\W") || pattern.Contains("\\D")))
            {
                Report(DiagnosticDescriptors.InvalidPatternId, AttributeLocation(attribute), methodName,
                    "\\w and \\d are Unicode in .NET but ASCII in Vault (Go): add RegexOptions.ECMAScript or spell the class out, e.g. [A-Za-z0-9_]");
                return null;
            }

            return pattern;
        }

        /// <summary>Named groups of a .NET pattern, in order: <c>(?&lt;name&gt;</c> and <c>(?'name'</c>.</summary>
        private static List<string> RegexGroupNames(string pattern)
        {
            var names = new List<string>();
            for (var i = 0; i + 3 < pattern.Length; i++)
            {
                if (pattern[i] == '\\')
                {
                    i++;
                    continue;
                }

                if (pattern[i] == '(' && pattern[i + 1] == '?' && (pattern[i + 2] == '<' || pattern[i + 2] == '\''))
                {
                    var close = pattern[i + 2] == '<' ? '>' : '\'';
                    var end = pattern.IndexOf(close, i + 3);
                    if (end > i + 3)
                    {
                        var name = pattern.Substring(i + 3, end - i - 3);
                        if (name.All(c => char.IsLetterOrDigit(c) || c == '_') && !char.IsDigit(name[0]) && !names.Contains(name))
                        {
                            names.Add(name);
                        }
                    }
                }
            }

            return names;
        }

        private List<ParameterSpec>? ParseParameters(IMethodSymbol method, XmlDocs docs)
        {
            var result = new List<ParameterSpec>();
            var ok = true;
            foreach (var p in method.Parameters)
            {
                var location = p.Locations.FirstOrDefault();
                var typeName = p.Type.ToDisplayString(DeclarationFormat);
                var injected = Injectable(p.Type, p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                if (injected != null)
                {
                    result.Add(new ParameterSpec(p.Name, injected.Value, typeName, null, FieldType.Invalid, ValueConversion.Identity, false, false, null, null));
                    continue;
                }

                var fieldAttribute = p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == FieldAttribute);
                var name = NamingConvention.ToSnakeCase(p.Name);
                FieldType? explicitType = null;
                var required = false;
                TypedConstant? defaultValue = null;
                TypedConstant? allowedValues = null;
                string? description = null;
                var fieldDeprecated = false;
                var query = false;
                var sensitive = false;
                if (fieldAttribute != null)
                {
                    if (fieldAttribute.ConstructorArguments.Length == 1 && fieldAttribute.ConstructorArguments[0].Value is string n)
                    {
                        name = n;
                    }

                    foreach (var arg in fieldAttribute.NamedArguments)
                    {
                        switch (arg.Key)
                        {
                            case "Name": name = arg.Value.Value as string ?? name; break;
                            case "Type":
                                if (arg.Value.Value is int t && t != 0)
                                {
                                    explicitType = (FieldType)t;
                                }

                                break;
                            case "Required": required = arg.Value.Value is true; break;
                            case "Default": defaultValue = arg.Value; break;
                            case "AllowedValues": allowedValues = arg.Value; break;
                            case "Description": description = arg.Value.Value as string; break;
                            case "Deprecated": fieldDeprecated = arg.Value.Value is true; break;
                            case "Query": query = arg.Value.Value is true; break;
                            case "Sensitive": sensitive = arg.Value.Value is true; break;
                        }
                    }
                }

                if (!NamingConvention.IsValidFieldName(name))
                {
                    Report(DiagnosticDescriptors.InvalidFieldNameId, location, name);
                    ok = false;
                    continue;
                }

                var nullable = false;
                var valueType = p.Type;
                if (!UnwrapFieldValue(p, ref valueType, out var valueTypeName))
                {
                    ok = false;
                    continue;
                }

                if (valueType is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    nullable = true;
                    valueType = named.TypeArguments[0];
                }
                else if (valueType.IsReferenceType && p.NullableAnnotation == NullableAnnotation.Annotated)
                {
                    nullable = true;
                    valueType = valueType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
                }

                var bindings = TypeMapping.BindingsFor(valueType);
                if (bindings.Count == 0)
                {
                    var unresolved = Unresolved(p.Type);
                    Report(unresolved is null ? DiagnosticDescriptors.UnsupportedParameterId : DiagnosticDescriptors.UnresolvedTypeId, location, p.Name, unresolved ?? p.Type.ToDisplayString());
                    ok = false;
                    continue;
                }

                var binding = bindings[0];
                if (explicitType != null)
                {
                    var match = bindings.Where(b => b.Type == explicitType.Value).ToList();
                    if (match.Count == 0)
                    {
                        Report(DiagnosticDescriptors.FieldTypeMismatchId, location, explicitType.Value.ToString(), p.Name, p.Type.ToDisplayString(),
                            string.Join(", ", bindings.Select(b => b.Type.ToString())));
                        ok = false;
                        continue;
                    }

                    binding = match[0];
                }

                string? defaultExpression = null;
                string? defaultJson = null;
                if (defaultValue != null)
                {
                    if (required)
                    {
                        Report(DiagnosticDescriptors.RequiredWithDefaultId, location, name);
                        ok = false;
                        continue;
                    }

                    if (!ConstantConversion.TryConvert(binding.Type, defaultValue.Value, out var converted, out var error))
                    {
                        Report(DiagnosticDescriptors.InvalidDefaultId, location, name, binding.Type.ToString(), error);
                        ok = false;
                        continue;
                    }

                    defaultExpression = converted.Expression;
                    defaultJson = converted.Json;
                }

                var allowedJson = new List<string>();
                var allowedExpressions = new List<string>();
                if (allowedValues is { IsNull: false } allowed)
                {
                    foreach (var value in allowed.Values)
                    {
                        if (!ConstantConversion.TryConvert(ElementType(binding.Type), value, out var converted, out var error))
                        {
                            Report(DiagnosticDescriptors.InvalidAllowedValueId, location, name, ElementType(binding.Type).ToString(), error);
                            ok = false;
                            break;
                        }

                        allowedJson.Add(converted.Json);
                        allowedExpressions.Add(converted.Expression);
                    }
                }

                var field = new FieldSpec(name, binding.Type, description ?? docs.Param(p.Name), defaultJson, required, fieldDeprecated, query, sensitive, false,
                    allowedJson.ToEquatableArray(), allowedExpressions.ToEquatableArray());
                field = OpenApiDeclarations.WithDisplay(p, field, Report, _cancellationToken);
                if (valueTypeName != null && required)
                {
                    Report(DiagnosticDescriptors.FieldValueRequiredId, location, p.Name, name);
                }

                result.Add(new ParameterSpec(p.Name, ParameterKind.Field, typeName, name, binding.Type, binding.Conversion, nullable, required, defaultExpression, field)
                {
                    ValueTypeName = valueTypeName,
                });
            }

            return ok ? result : null;
        }

        /// <summary>Allowed values of a list field constrain its elements.</summary>
        private static FieldType ElementType(FieldType type)
        {
            switch (type)
            {
                case FieldType.StringSlice:
                case FieldType.CommaStringSlice:
                    return FieldType.String;
                case FieldType.CommaIntSlice:
                    return FieldType.Int;
                default:
                    return type;
            }
        }

        private static ParameterKind? Injectable(ITypeSymbol type, string name)
        {
            switch (name)
            {
                case "global::VaultPathGen.Request": return ParameterKind.Request;
                case "global::VaultPathGen.IStorage": return ParameterKind.Storage;
                case "global::System.Threading.CancellationToken": return ParameterKind.CancellationToken;
                case "global::Microsoft.Extensions.Logging.ILogger": return ParameterKind.Logger;
                case "global::VaultPathGen.FieldData": return ParameterKind.FieldData;
                case "global::VaultPathGen.BackendConfig": return ParameterKind.Config;
                case "global::VaultPathGen.ISystemView": return ParameterKind.SystemView;
            }

            if (type is INamedTypeSymbol named && named.IsGenericType && named.ConstructedFrom.ToDisplayString() == "Microsoft.Extensions.Logging.ILogger<TCategoryName>")
            {
                return ParameterKind.TypedLogger;
            }

            return null;
        }

        private ReturnKind? ParseReturn(IMethodSymbol method, bool isExistenceCheck, string? jsonContext, out bool isAsync, out string? typedResult)
        {
            isAsync = false;
            typedResult = null;
            var type = method.ReturnType;
            var name = type.OriginalDefinition.ToDisplayString();
            if (name == "System.Threading.Tasks.Task<TResult>" || name == "System.Threading.Tasks.ValueTask<TResult>")
            {
                isAsync = true;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
            }
            else if (name == "System.Threading.Tasks.Task" || name == "System.Threading.Tasks.ValueTask")
            {
                isAsync = true;
                type = null!;
            }

            var location = method.Locations.FirstOrDefault();
            if (isExistenceCheck)
            {
                if (type != null && type.SpecialType == SpecialType.System_Boolean)
                {
                    return ReturnKind.Bool;
                }

                Report(DiagnosticDescriptors.ExistenceCheckReturnId, location, method.Name, method.ReturnType.ToDisplayString());
                return null;
            }

            if (type is null || type.SpecialType == SpecialType.System_Void)
            {
                return ReturnKind.None;
            }

            var full = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            switch (full)
            {
                case "global::VaultPathGen.Response": return ReturnKind.Response;
                case "global::System.Text.Json.Nodes.JsonObject": return ReturnKind.JsonObject;
            }

            var supported = (type.TypeKind == TypeKind.Class || type.TypeKind == TypeKind.Struct) && type.SpecialType == SpecialType.None
                && !(type is INamedTypeSymbol n && n.IsGenericType && n.OriginalDefinition.ToDisplayString().StartsWith("System.Threading.Tasks", System.StringComparison.Ordinal));
            if (!supported)
            {
                var unresolved = Unresolved(method.ReturnType);
                Report(unresolved is null ? DiagnosticDescriptors.UnsupportedReturnId : DiagnosticDescriptors.UnresolvedTypeId, location, method.Name, unresolved ?? method.ReturnType.ToDisplayString());
                return null;
            }

            if (jsonContext is null)
            {
                Report(DiagnosticDescriptors.TypedResultWithoutContextId, location, method.Name, type.ToDisplayString());
                return null;
            }

            typedResult = full;
            return ReturnKind.Typed;
        }

        private PathSpec? BuildPath(int index, PathBuilder builder, AttributeData? helpAttribute)
        {
            var handlers = new List<HandlerSpec>();
            var byOperation = new Dictionary<int, string>();
            foreach (var (method, spec, location) in builder.Handlers.OrderBy(h => h.Spec.MethodName, System.StringComparer.Ordinal))
            {
                foreach (var op in spec.Operations)
                {
                    if (byOperation.TryGetValue(op, out var other))
                    {
                        Report(DiagnosticDescriptors.DuplicateHandlerId, location, other, method.Name, OperationNames.WireName(op), builder.Template);
                    }
                    else
                    {
                        byOperation[op] = method.Name;
                    }
                }

                handlers.Add(spec);
            }

            HandlerSpec? existence = null;
            if (builder.ExistenceChecks.Count > 1)
            {
                var sorted = builder.ExistenceChecks.Select(e => e.Method.Name).OrderBy(x => x, System.StringComparer.Ordinal).ToList();
                Report(DiagnosticDescriptors.DuplicateExistenceCheckId, builder.Location, sorted[0], sorted[1], builder.Template);
            }
            else if (builder.ExistenceChecks.Count == 1)
            {
                existence = builder.ExistenceChecks[0].Spec;
            }

            if (existence is null && byOperation.ContainsKey(OperationNames.Create))
            {
                Report(DiagnosticDescriptors.CreateWithoutExistenceCheckId, builder.Location, builder.Template);
            }

            ReportFieldValueCaptures(builder);
            var fields = BuildFields(builder, handlers, existence);
            var synopsis = PathSynopsis.Combine(handlers);
            var description = PathSynopsis.Ordered(handlers).Select(h => h.Description).FirstOrDefault(s => s.Length > 0) ?? "";
            var arbitrary = false;
            var deprecated = false;
            if (helpAttribute != null)
            {
                foreach (var arg in helpAttribute.NamedArguments)
                {
                    switch (arg.Key)
                    {
                        case "Synopsis": synopsis = arg.Value.Value as string ?? synopsis; break;
                        case "Description": description = arg.Value.Value as string ?? description; break;
                        case "TakesArbitraryInput": arbitrary = arg.Value.Value is true; break;
                        case "Deprecated": deprecated = arg.Value.Value is true; break;
                    }
                }
            }

            if (fields is null)
            {
                return null;
            }

            return new PathSpec(
                index,
                builder.Template,
                builder.IsRegex,
                builder.VaultPattern,
                builder.RegexMethod,
                builder.Captures.ToEquatableArray(),
                fields.ToEquatableArray(),
                handlers.ToEquatableArray(),
                existence,
                synopsis,
                description,
                arbitrary,
                deprecated);
        }

        private List<FieldSpec>? BuildFields(PathBuilder builder, List<HandlerSpec> handlers, HandlerSpec? existence)
        {
            var fields = new Dictionary<string, (FieldSpec Spec, string Method)>();
            var all = handlers.Concat(existence is null ? Enumerable.Empty<HandlerSpec>() : new[] { existence });
            var ok = true;
            foreach (var handler in all)
            {
                foreach (var p in handler.Parameters.Where(p => p.Kind == ParameterKind.Field))
                {
                    var isCapture = builder.Captures.Contains(p.FieldName!);
                    var spec = p.Field! with { IsCapture = isCapture, Required = p.Required && !isCapture };
                    if (fields.TryGetValue(p.FieldName!, out var existing))
                    {
                        if (existing.Spec.Type != p.FieldType)
                        {
                            Report(DiagnosticDescriptors.ConflictingFieldId, builder.Location, p.FieldName!, builder.Template, existing.Spec.Type.ToString(), existing.Method, p.FieldType.ToString(), handler.MethodName);
                            ok = false;
                            continue;
                        }

                        fields[p.FieldName!] = (Merge(existing.Spec, spec), existing.Method);
                    }
                    else
                    {
                        fields[p.FieldName!] = (spec, handler.MethodName);
                    }
                }
            }

            foreach (var capture in builder.Captures)
            {
                if (!fields.ContainsKey(capture))
                {
                    fields[capture] = (new FieldSpec(capture, FieldType.String, "", null, false, false, false, false, true, EquatableArray<string>.Empty, EquatableArray<string>.Empty), "");
                }
            }

            var names = fields.Keys.OrderBy(k => k, System.StringComparer.Ordinal).ToList();
            for (var i = 0; i < names.Count; i++)
            {
                for (var j = i + 1; j < names.Count; j++)
                {
                    if (string.Equals(names[i], names[j], System.StringComparison.OrdinalIgnoreCase))
                    {
                        Report(DiagnosticDescriptors.FieldCaseConflictId, builder.Location, names[i], names[j], builder.Template);
                        ok = false;
                    }
                }
            }

            if (!ok)
            {
                return null;
            }

            return builder.Captures.Select(c => fields[c].Spec)
                .Concat(names.Where(n => !builder.Captures.Contains(n)).Select(n => fields[n].Spec))
                .ToList();
        }

        private static FieldSpec Merge(FieldSpec a, FieldSpec b) => a with
        {
            Description = a.Description.Length > 0 ? a.Description : b.Description,
            DefaultJson = a.DefaultJson ?? b.DefaultJson,
            Required = a.Required || b.Required,
            Deprecated = a.Deprecated || b.Deprecated,
            Query = a.Query || b.Query,
            Sensitive = a.Sensitive || b.Sensitive,
            AllowedJson = a.AllowedJson.Count > 0 ? a.AllowedJson : b.AllowedJson,
            AllowedExpressions = a.AllowedExpressions.Count > 0 ? a.AllowedExpressions : b.AllowedExpressions,
            Display = a.Display ?? b.Display,
        };

        private List<RouteSpec> BuildRoutes(List<PathBuilder> ordered)
        {
            var variants = new List<(TemplateVariant Variant, int PathIndex, PathBuilder Builder)>();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].Parsed is { } parsed)
                {
                    foreach (var v in parsed.Variants)
                    {
                        variants.Add((v, i, ordered[i]));
                    }
                }
            }

            variants.Sort((x, y) => TemplateVariant.Precedence.Compare(x.Variant, y.Variant));
            var byShape = new Dictionary<string, (TemplateVariant Variant, PathBuilder Builder)>();
            var ambiguous = new HashSet<PathBuilder>();
            foreach (var (variant, _, builder) in variants)
            {
                if (byShape.TryGetValue(variant.Shape, out var other) && !ReferenceEquals(other.Builder, builder))
                {
                    Report(DiagnosticDescriptors.AmbiguousPathsId, builder.Location, other.Builder.Template, builder.Template, variant.ExamplePath());
                    ambiguous.Add(builder);
                }
                else
                {
                    byShape[variant.Shape] = (variant, builder);
                }
            }

            var facts = ordered.Where(b => b.Parsed != null && !ambiguous.Contains(b)).Select(b => new ReachabilityCheck.PathFacts(
                b.Template, b.Location, b.Handlers.SelectMany(h => h.Spec.Operations.Select(op => (h.Spec.MethodName, op, h.Location))).ToList())).ToList();
            foreach (var finding in ReachabilityCheck.Check(variants.Select(v => v.Variant).ToList(), facts, _cancellationToken))
            {
                Report(finding.Id, finding.Location, finding.Arguments);
            }

            var routes = variants.Select(v => new RouteSpec(
                v.PathIndex,
                v.Variant.Parts.Select(p => new PartSpec((int)p.Kind, p.Text)).ToEquatableArray(),
                v.Variant.OmittedCaptures.ToEquatableArray())).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].IsRegex)
                {
                    routes.Add(new RouteSpec(i, EquatableArray<PartSpec>.Empty, EquatableArray<string>.Empty));
                }
            }

            return routes;
        }

        private Location? AttributeLocation(AttributeData attribute) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation();

        /// <summary>The location of the error inside the template's string literal, when it can be pinned down.</summary>
        private Location? TemplateErrorLocation(AttributeData attribute, TemplateError error)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax syntax
                && syntax.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal)
            {
                var token = literal.Token;
                var quote = token.Text.StartsWith("@", System.StringComparison.Ordinal) ? 2 : 1;
                if (token.Text.Length - quote - 1 == token.ValueText.Length)
                {
                    var start = token.SpanStart + quote + error.Position;
                    var length = System.Math.Max(1, System.Math.Min(error.Length, token.ValueText.Length - error.Position));
                    if (error.Position >= token.ValueText.Length)
                    {
                        start = token.SpanStart;
                        length = token.Span.Length;
                    }

                    return Location.Create(syntax.SyntaxTree, new Microsoft.CodeAnalysis.Text.TextSpan(start, length));
                }

                return literal.GetLocation();
            }

            return AttributeLocation(attribute);
        }
    }
}
