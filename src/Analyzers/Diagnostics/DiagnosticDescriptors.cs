using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace VaultPathGen.Analyzers
{
    /// <summary>
    /// Every diagnostic the VaultPathGen analyzers report (VPG01xx), and the ids of the generator's
    /// diagnostics (VPG00xx) that the code fixes repair. Each id has a page at docs/diagnostics/&lt;ID&gt;.md.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        public const string Category = "VaultPathGen";

        // Reported by the generator; the analyzers never report them again, the code fixes repair them.
        public const string BackendNotPartialId = "VPG0001";
        public const string ContainingTypeNotPartialId = "VPG0003";
        public const string CreateWithoutExistenceCheckId = "VPG0013";
        public const string UnreachablePathId = "VPG0025";

        public const string DeclaredOperationUnhandledId = "VPG0101";
        public const string CreateWithoutUpdateId = "VPG0102";
        public const string ListPathWithoutTrailingSlashId = "VPG0103";
        public const string OperationSwitchIncompleteId = "VPG0104";
        public const string UnboundCaptureId = "VPG0105";
        public const string ParameterMissesCaptureId = "VPG0106";
        public const string ByRefParameterId = "VPG0107";
        public const string ParameterDefaultIgnoredId = "VPG0108";
        public const string MissingHandlerSummaryId = "VPG0109";
        public const string MissingFieldDescriptionId = "VPG0110";
        public const string UnboundRegexGroupId = "VPG0111";
        public const string RegexListWithoutTrailingSlashId = "VPG0112";
        public const string InvalidSpecialPathId = "VPG0120";
        public const string SpecialPathMatchesNothingId = "VPG0121";
        public const string AuthMethodWithoutLoginPathId = "VPG0122";
        public const string AliasLookaheadNotUnauthenticatedId = "VPG0123";
        public const string AuthMethodWithoutRenewId = "VPG0124";
        public const string SecretTypeWithoutRevokeId = "VPG0115";
        public const string UndeclaredSecretTypeId = "VPG0116";
        public const string RenewableWithoutRenewId = "VPG0117";
        public const string MethodHidesOperationId = "VPG0130";
        public const string PluginTypeMismatchId = "VPG0128";

        /// <summary>Diagnostic property keys the code fixes read.</summary>
        public const string TemplateProperty = "Template";
        public const string OperationProperty = "Operation";
        public const string CaptureProperty = "Capture";
        public const string SuggestionProperty = "Suggestion";

        public static readonly DiagnosticDescriptor DeclaredOperationUnhandled = Create(DeclaredOperationUnhandledId, DiagnosticSeverity.Warning,
            "Declared operation has no handler",
            "\"{0}\" declares the {1} operation, but no handler serves it; Vault would answer 405 unsupported operation");

        public static readonly DiagnosticDescriptor CreateWithoutUpdate = Create(CreateWithoutUpdateId, DiagnosticSeverity.Warning,
            "Create without update",
            "'{0}' handles create on \"{1}\", but no handler serves update; once the item exists, every write to it fails with 405");

        public static readonly DiagnosticDescriptor ListPathWithoutTrailingSlash = Create(ListPathWithoutTrailingSlashId, DiagnosticSeverity.Warning,
            "List handler on a path that cannot end in '/'",
            "'{0}' handles list on \"{1}\", but Vault sends list requests with a trailing '/' (\"{2}\"), which \"{1}\" does not match; {3}");

        public static readonly DiagnosticDescriptor OperationSwitchIncomplete = Create(OperationSwitchIncompleteId, DiagnosticSeverity.Warning,
            "Switch over the operation leaves served operations unhandled",
            "This switch in '{0}' has no case for {1}, which '{0}' serves");

        public static readonly DiagnosticDescriptor UnboundCapture = Create(UnboundCaptureId, DiagnosticSeverity.Warning,
            "Capture not bound to a parameter",
            "The capture '{0}' of \"{1}\" is not bound to a parameter of '{2}'; add a parameter named '{0}'");

        public static readonly DiagnosticDescriptor ParameterMissesCapture = Create(ParameterMissesCaptureId, DiagnosticSeverity.Warning,
            "Parameter looks like a capture but binds a body field",
            "Parameter '{0}' binds the body field \"{1}\", not the capture '{2}' of \"{3}\"; write [Field(\"{2}\")] or rename the capture");

        public static readonly DiagnosticDescriptor ByRefParameter = Create(ByRefParameterId, DiagnosticSeverity.Error,
            "Handler parameter passed by reference",
            "Parameter '{0}' of '{1}' is '{2}'; handler parameters receive captures, fields and services by value: remove '{2}'");

        public static readonly DiagnosticDescriptor ParameterDefaultIgnored = Create(ParameterDefaultIgnoredId, DiagnosticSeverity.Warning,
            "C# default value is not the field default",
            "The C# default of parameter '{0}' is never used: an absent field \"{1}\" binds its type's zero value; write [Field(Default = {2})] instead");

        public static readonly DiagnosticDescriptor MissingHandlerSummary = Create(MissingHandlerSummaryId, DiagnosticSeverity.Info,
            "Handler has no summary",
            "'{0}' has no summary for Vault's help and OpenAPI: add an XML <summary> or [Operation(..., Summary = \"...\")]");

        public static readonly DiagnosticDescriptor MissingFieldDescription = Create(MissingFieldDescriptionId, DiagnosticSeverity.Info,
            "Field has no description",
            "Field \"{0}\" of \"{1}\" has no description for Vault's help and OpenAPI: add <param name=\"{2}\"> or [Field(Description = \"...\")]");

        public static readonly DiagnosticDescriptor SecretTypeWithoutRevoke = Create(SecretTypeWithoutRevokeId, DiagnosticSeverity.Warning,
            "Secret type has no revoke method",
            "Secret type \"{0}\" has no [Revoke(\"{0}\")] method: what its leases grant is never removed, and Vault's revoke gets \"unsupported operation\"");

        public static readonly DiagnosticDescriptor UndeclaredSecretType = Create(UndeclaredSecretTypeId, DiagnosticSeverity.Error,
            "Handler issues an undeclared secret type",
            "\"{0}\" is not a secret type of '{1}'; declare [SecretType(\"{0}\")] on the class, or the request fails with an internal error");

        public static readonly DiagnosticDescriptor RenewableWithoutRenew = Create(RenewableWithoutRenewId, DiagnosticSeverity.Warning,
            "Renewable secret type has no renew method",
            "Secret type \"{0}\" is renewable, but no method is marked [Renew(\"{0}\")]: Vault's renew gets \"unsupported operation\"; add one or set Renewable = false");
        public static readonly DiagnosticDescriptor MethodHidesOperation = Create(MethodHidesOperationId, DiagnosticSeverity.Warning,
            "Method named like an operation hides it",
            "Method '{0}' hides the operation {0} inside this type: [Operation({0})] names the method group, which the compiler reports as CS1503 \"cannot convert from 'method group'\"; rename the method (e.g. '{0}Item') or write Operation.{0}");

        /// <summary>Every analyzer descriptor.</summary>
        public static readonly DiagnosticDescriptor InvalidSpecialPath = Create(InvalidSpecialPathId, DiagnosticSeverity.Error,
            "Invalid special path",
            "\"{0}\" is not a valid {1} path: {2}");

        public static readonly DiagnosticDescriptor SpecialPathMatchesNothing = Create(SpecialPathMatchesNothingId, DiagnosticSeverity.Warning,
            "Special path matches no path of the backend",
            "{0} path \"{1}\" matches no path of '{2}'; Vault would apply it to nothing");

        public static readonly DiagnosticDescriptor AuthMethodWithoutLoginPath = Create(AuthMethodWithoutLoginPathId, DiagnosticSeverity.Warning,
            "Auth method has no unauthenticated path",
            "Auth method '{0}' lists no unauthenticated path, so clients need a token to log in; list its login path in [PathsSpecial(Unauthenticated = ...)]");

        public static readonly DiagnosticDescriptor AliasLookaheadNotUnauthenticated = Create(AliasLookaheadNotUnauthenticatedId, DiagnosticSeverity.Warning,
            "Alias lookahead on a path that is not unauthenticated",
            "'{0}' serves alias-lookahead on \"{1}\", which is not an unauthenticated path; Vault sends alias lookahead only ahead of logins to unauthenticated paths");

        public static readonly DiagnosticDescriptor AuthMethodWithoutRenew = Create(AuthMethodWithoutRenewId, DiagnosticSeverity.Info,
            "Auth method without [AuthRenew]",
            "Auth method '{0}' has no [AuthRenew] method: Vault refuses to renew its tokens with \"this auth type doesn't support renew\"");

        public static readonly DiagnosticDescriptor PluginTypeMismatch = Create(PluginTypeMismatchId, DiagnosticSeverity.Warning,
            "Backend kind differs from the project's VaultPluginType",
            "'{0}' is {1}, but the project's VaultPluginType is '{2}': the commands printed after publish would register and enable it as the wrong kind of plugin; set <VaultPluginType>{3}</VaultPluginType> in the project");

        public static readonly DiagnosticDescriptor UnboundRegexGroup = Create(UnboundRegexGroupId, DiagnosticSeverity.Warning,
            "Named group of a regex path not bound to a parameter",
            "The named group '{0}' of the regex path '{1}' is not bound to a parameter of '{2}'; add a parameter named '{0}'");

        public static readonly DiagnosticDescriptor RegexListWithoutTrailingSlash = Create(RegexListWithoutTrailingSlashId, DiagnosticSeverity.Warning,
            "List handler on a regex path that cannot end in '/'",
            "'{0}' handles list on the regex path '{1}', but Vault sends list requests with a trailing '/', and no path ending in '/' matches {2}; let the pattern end in '/' for lists, e.g. with '/?\\z'");

        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
        {
            DeclaredOperationUnhandled,
            CreateWithoutUpdate,
            ListPathWithoutTrailingSlash,
            OperationSwitchIncomplete,
            UnboundCapture,
            ParameterMissesCapture,
            ByRefParameter,
            ParameterDefaultIgnored,
            MissingHandlerSummary,
            MissingFieldDescription,
            InvalidSpecialPath,
            SpecialPathMatchesNothing,
            AuthMethodWithoutLoginPath,
            AliasLookaheadNotUnauthenticated,
            AuthMethodWithoutRenew,
            SecretTypeWithoutRevoke,
            UndeclaredSecretType,
            RenewableWithoutRenew,
            MethodHidesOperation,
            PluginTypeMismatch,
            UnboundRegexGroup,
            RegexListWithoutTrailingSlash,
        };

        private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: VaultPathGen.Generator.HelpLinks.For(id));
    }
}
