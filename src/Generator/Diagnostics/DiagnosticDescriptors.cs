using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace VaultPathGen.Generator
{
    /// <summary>Every diagnostic the VaultPathGen generator reports. Each id has a page at docs/diagnostics/&lt;ID&gt;.md.</summary>
    public static class DiagnosticDescriptors
    {
        /// <summary>The category of every VaultPathGen diagnostic.</summary>
        public const string Category = "VaultPathGen";

        /// <summary>Id of VPG0001.</summary>
        public const string BackendNotPartialId = "VPG0001";
        /// <summary>Id of VPG0002.</summary>
        public const string BackendGenericId = "VPG0002";
        /// <summary>Id of VPG0003.</summary>
        public const string ContainingTypeNotPartialId = "VPG0003";
        /// <summary>Id of VPG0004.</summary>
        public const string InvalidTemplateId = "VPG0004";
        /// <summary>Id of VPG0005.</summary>
        public const string AmbiguousPathsId = "VPG0005";
        /// <summary>Id of VPG0006.</summary>
        public const string NoOperationsId = "VPG0006";
        /// <summary>Id of VPG0007.</summary>
        public const string DuplicateHandlerId = "VPG0007";
        /// <summary>Id of VPG0008.</summary>
        public const string UnsupportedParameterId = "VPG0008";
        /// <summary>Id of VPG0009.</summary>
        public const string FieldTypeMismatchId = "VPG0009";
        /// <summary>Id of VPG0010.</summary>
        public const string InvalidDefaultId = "VPG0010";
        /// <summary>Id of VPG0011.</summary>
        public const string ConflictingFieldId = "VPG0011";
        /// <summary>Id of VPG0012.</summary>
        public const string UnsupportedReturnId = "VPG0012";
        /// <summary>Id of VPG0013.</summary>
        public const string CreateWithoutExistenceCheckId = "VPG0013";
        /// <summary>Id of VPG0014.</summary>
        public const string TypedResultWithoutContextId = "VPG0014";
        /// <summary>Id of VPG0015.</summary>
        public const string InvalidPatternId = "VPG0015";
        /// <summary>Id of VPG0016.</summary>
        public const string ExistenceCheckReturnId = "VPG0016";
        /// <summary>Id of VPG0017.</summary>
        public const string DuplicateExistenceCheckId = "VPG0017";
        /// <summary>Id of VPG0018.</summary>
        public const string InvalidAllowedValueId = "VPG0018";
        /// <summary>Id of VPG0019.</summary>
        public const string RequiredWithDefaultId = "VPG0019";
        /// <summary>Id of VPG0020.</summary>
        public const string FieldCaseConflictId = "VPG0020";
        /// <summary>Id of VPG0021.</summary>
        public const string UnknownPathOptionsId = "VPG0021";
        /// <summary>Id of VPG0022.</summary>
        public const string InvalidFieldNameId = "VPG0022";

        /// <summary>Id of VPG0023.</summary>
        public const string InvalidHookId = "VPG0023";

        /// <summary>Id of VPG0024.</summary>
        public const string DuplicateHookId = "VPG0024";
        /// <summary>Id of VPG0050.</summary>
        public const string DuplicateOperationIdId = "VPG0050";

        /// <summary>Id of VPG0025.</summary>
        public const string UnreachablePathId = "VPG0025";

        /// <summary>Id of VPG0026.</summary>
        public const string UnreachableListId = "VPG0026";

        /// <summary>Id of VPG0030.</summary>
        public const string InvalidSecretTypeId = "VPG0030";
        /// <summary>Id of VPG0031.</summary>
        public const string UnknownSecretTypeId = "VPG0031";
        /// <summary>Id of VPG0032.</summary>
        public const string DuplicateSecretHandlerId = "VPG0032";
        /// <summary>Id of VPG0033.</summary>
        public const string InvalidSecretHandlerId = "VPG0033";
        /// <summary>Id of VPG0034.</summary>
        public const string InvalidWalRollbackId = "VPG0034";
        /// <summary>Id of VPG0035.</summary>
        public const string DuplicateWalRollbackId = "VPG0035";
        /// <summary>Id of VPG0060.</summary>
        public const string UnresolvedTypeId = "VPG0060";
        /// <summary>Id of VPG0061.</summary>
        public const string FieldValueNullableId = "VPG0061";
        /// <summary>Id of VPG0062.</summary>
        public const string FieldValueRequiredId = "VPG0062";
        /// <summary>Id of VPG0063.</summary>
        public const string FieldValueCaptureId = "VPG0063";

        /// <summary>FieldValueNullable.</summary>
        public static readonly DiagnosticDescriptor FieldValueNullable = Error(FieldValueNullableId,
            "FieldValue of an optional type",
            "Parameter '{0}' is '{1}': FieldValue<T> already says whether the field was sent (IsSet) and is never null; declare it '{2}'");

        /// <summary>FieldValueRequired.</summary>
        public static readonly DiagnosticDescriptor FieldValueRequired = Warning(FieldValueRequiredId,
            "FieldValue of a required field",
            "Parameter '{0}' binds the required field \"{1}\" as a FieldValue, whose IsSet is then always true; bind the value itself");

        /// <summary>FieldValueCapture.</summary>
        public static readonly DiagnosticDescriptor FieldValueCapture = Warning(FieldValueCaptureId,
            "FieldValue of a path capture",
            "Parameter '{0}' binds the capture '{1}' of \"{2}\" as a FieldValue, whose IsSet is then always true (a capture is always in the request, empty when an optional ending is left out); declare it '{3}'");

        /// <summary>BackendNotPartial.</summary>
        public static readonly DiagnosticDescriptor BackendNotPartial = Error(BackendNotPartialId,
            "Backend class must be partial",
            "The backend class '{0}' must be declared partial so the generated dispatch can be added to it");

        /// <summary>BackendGeneric.</summary>
        public static readonly DiagnosticDescriptor BackendGeneric = Error(BackendGenericId,
            "Backend class cannot be generic",
            "The backend class '{0}' cannot be generic or nested in a generic type: Vault instantiates one concrete backend");

        /// <summary>ContainingTypeNotPartial.</summary>
        public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(ContainingTypeNotPartialId,
            "Type containing a backend must be partial",
            "The type '{0}' contains the backend '{1}' and must be declared partial");

        /// <summary>InvalidTemplate.</summary>
        public static readonly DiagnosticDescriptor InvalidTemplate = Error(InvalidTemplateId,
            "Invalid path template",
            "Invalid path template \"{0}\" at position {1}: {2}");

        /// <summary>AmbiguousPaths.</summary>
        public static readonly DiagnosticDescriptor AmbiguousPaths = Error(AmbiguousPathsId,
            "Ambiguous paths",
            "The paths \"{0}\" and \"{1}\" match the same requests with equal precedence, e.g. \"{2}\"; change one of them");

        /// <summary>UnreachablePath.</summary>
        public static readonly DiagnosticDescriptor UnreachablePath = Error(UnreachablePathId,
            "Path can never be reached",
            "The path \"{0}\" can never be reached: paths of higher precedence take every path it matches, e.g. \"{1}\" goes to \"{2}\"{3}");

        /// <summary>UnreachableList.</summary>
        public static readonly DiagnosticDescriptor UnreachableList = Error(UnreachableListId,
            "List handler can never be reached",
            "The list handler '{0}' on \"{1}\" can never be reached: list requests end in '/', and paths of higher precedence take every such path it matches, e.g. \"{2}\" goes to \"{3}\"{4}");

        /// <summary>NoOperations.</summary>
        public static readonly DiagnosticDescriptor NoOperations = Error(NoOperationsId,
            "Path handler declares no operation",
            "'{0}' has a path but no [Operation(...)] or [ExistenceCheck]; Vault could never call it");

        /// <summary>DuplicateHandler.</summary>
        public static readonly DiagnosticDescriptor DuplicateHandler = Error(DuplicateHandlerId,
            "Two handlers for one operation",
            "Both '{0}' and '{1}' handle the {2} operation on \"{3}\"");

        /// <summary>UnsupportedParameter.</summary>
        public static readonly DiagnosticDescriptor UnsupportedParameter = Error(UnsupportedParameterId,
            "Parameter cannot be bound",
            "Parameter '{0}' of type '{1}' cannot be bound: it is not a supported field type (see docs/field-types.md) nor an injectable (Request, IStorage, CancellationToken, ILogger, FieldData)");

        /// <summary>FieldTypeMismatch.</summary>
        public static readonly DiagnosticDescriptor FieldTypeMismatch = Error(FieldTypeMismatchId,
            "Field type does not fit the parameter type",
            "Field type {0} cannot be bound to parameter '{1}' of type '{2}'; allowed: {3}");

        /// <summary>InvalidDefault.</summary>
        public static readonly DiagnosticDescriptor InvalidDefault = Error(InvalidDefaultId,
            "Default value does not convert to the field type",
            "The default of field \"{0}\" does not convert to {1}: {2}");

        /// <summary>ConflictingField.</summary>
        public static readonly DiagnosticDescriptor ConflictingField = Error(ConflictingFieldId,
            "One field with two types",
            "Field \"{0}\" of \"{1}\" is {2} in '{3}' but {4} in '{5}'; a path's field has one type");

        /// <summary>UnsupportedReturn.</summary>
        public static readonly DiagnosticDescriptor UnsupportedReturn = Error(UnsupportedReturnId,
            "Unsupported handler return type",
            "'{0}' returns '{1}', which cannot be response data (always a JSON object); return Response, JsonObject, a class or struct serialized through the backend's JsonContext, or nothing, directly or as Task/ValueTask");

        /// <summary>UnresolvedType.</summary>
        public static readonly DiagnosticDescriptor UnresolvedType = Error(UnresolvedTypeId,
            "Handler type does not resolve",
            "'{0}' uses '{1}', which does not resolve: is a using directive missing (without ImplicitUsings, 'Task' needs 'using System.Threading.Tasks;' and 'CancellationToken' needs 'using System.Threading;')?");

        /// <summary>CreateWithoutExistenceCheck.</summary>
        public static readonly DiagnosticDescriptor CreateWithoutExistenceCheck = Error(CreateWithoutExistenceCheckId,
            "Create handler without an existence check",
            "\"{0}\" handles create but has no [ExistenceCheck]; Vault only sends create after an existence check finds nothing");

        /// <summary>TypedResultWithoutContext.</summary>
        public static readonly DiagnosticDescriptor TypedResultWithoutContext = Error(TypedResultWithoutContextId,
            "Typed result needs a JSON context",
            "'{0}' returns '{1}', which needs source-generated JSON metadata: set [SecretsEngine(JsonContext = typeof(...))] to a JsonSerializerContext that includes it");

        /// <summary>InvalidPattern.</summary>
        public static readonly DiagnosticDescriptor InvalidPattern = Error(InvalidPatternId,
            "Invalid regular-expression path",
            "[PathPattern(\"{0}\")]: {1}");

        /// <summary>ExistenceCheckReturn.</summary>
        public static readonly DiagnosticDescriptor ExistenceCheckReturn = Error(ExistenceCheckReturnId,
            "Existence check must return bool",
            "Existence check '{0}' returns '{1}'; it must return bool, Task<bool> or ValueTask<bool>");

        /// <summary>DuplicateExistenceCheck.</summary>
        public static readonly DiagnosticDescriptor DuplicateExistenceCheck = Error(DuplicateExistenceCheckId,
            "Two existence checks for one path",
            "Both '{0}' and '{1}' are existence checks for \"{2}\"");

        /// <summary>InvalidAllowedValue.</summary>
        public static readonly DiagnosticDescriptor InvalidAllowedValue = Error(InvalidAllowedValueId,
            "Allowed value does not convert to the field type",
            "An allowed value of field \"{0}\" does not convert to {1}: {2}");

        /// <summary>RequiredWithDefault.</summary>
        public static readonly DiagnosticDescriptor RequiredWithDefault = Error(RequiredWithDefaultId,
            "Required field with a default",
            "Field \"{0}\" is required and also has a default, which would never apply");

        /// <summary>FieldCaseConflict.</summary>
        public static readonly DiagnosticDescriptor FieldCaseConflict = Error(FieldCaseConflictId,
            "Field names differ only by case",
            "Fields \"{0}\" and \"{1}\" of \"{2}\" differ only by case; clients would confuse them");

        /// <summary>UnknownPathOptions.</summary>
        public static readonly DiagnosticDescriptor UnknownPathOptions = Error(UnknownPathOptionsId,
            "Options for an undeclared path",
            "[PathOptions(\"{0}\")] names no template or [PathPattern] method declared by a handler of this backend");

        /// <summary>InvalidFieldName.</summary>
        public static readonly DiagnosticDescriptor InvalidFieldName = Error(InvalidFieldNameId,
            "Invalid field name",
            "\"{0}\" is not a valid field name: use letters, digits, '_' and '-'");

        /// <summary>InvalidHook.</summary>
        public static readonly DiagnosticDescriptor InvalidHook = Error(InvalidHookId,
            "Invalid lifecycle method",
            "[{0}] method '{1}' {2}");

        /// <summary>DuplicateHook.</summary>
        public static readonly DiagnosticDescriptor DuplicateHook = Error(DuplicateHookId,
            "Two lifecycle methods of one kind",
            "Both '{0}' and '{1}' are marked [{2}]; a backend has one");

        /// <summary>DuplicateOperationId.</summary>
        public static readonly DiagnosticDescriptor DuplicateOperationId = new DiagnosticDescriptor(DuplicateOperationIdId,
            "Two operations get the same OpenAPI operationId",
            "The handlers '{0}' and '{1}' both get the OpenAPI operationId '{2}'; give one an [OperationId] so generated clients can tell them apart",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(DuplicateOperationIdId));

        /// <summary>Id of VPG0051.</summary>
        public const string InvalidResponseId = "VPG0051";
        /// <summary>Id of VPG0052.</summary>
        public const string InvalidResponseFieldId = "VPG0052";
        /// <summary>Id of VPG0053.</summary>
        public const string DeclaredResponseConflictId = "VPG0053";
        /// <summary>Id of VPG0054.</summary>
        public const string IneffectiveDisplayAttributesId = "VPG0054";

        /// <summary>InvalidResponse.</summary>
        public static readonly DiagnosticDescriptor InvalidResponse = Error(InvalidResponseId,
            "Invalid declared response",
            "The handler '{0}' cannot declare a response with status code {1}: {2}");

        /// <summary>InvalidResponseField.</summary>
        public static readonly DiagnosticDescriptor InvalidResponseField = Error(InvalidResponseFieldId,
            "Invalid declared response field",
            "The response field '{0}' of handler '{1}' is invalid: {2}");

        /// <summary>DeclaredResponseConflict.</summary>
        public static readonly DiagnosticDescriptor DeclaredResponseConflict = new DiagnosticDescriptor(DeclaredResponseConflictId,
            "Declared response does not match the handler's result",
            "The response declared on '{0}' does not match what the handler returns: {1}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(DeclaredResponseConflictId));

        /// <summary>IneffectiveDisplayAttributes.</summary>
        public static readonly DiagnosticDescriptor IneffectiveDisplayAttributes = new DiagnosticDescriptor(IneffectiveDisplayAttributesId,
            "Display attributes have no effect",
            "[DisplayAttributes] {0} has no effect: {1}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(IneffectiveDisplayAttributesId));
        /// <summary>Id of VPG0040.</summary>
        public const string BothBackendKindsId = "VPG0040";
        /// <summary>Id of VPG0041.</summary>
        public const string InvalidAuthRenewId = "VPG0041";
        /// <summary>Id of VPG0042.</summary>
        public const string DuplicateAuthRenewId = "VPG0042";
        /// <summary>Id of VPG0043.</summary>
        public const string AuthRenewOnSecretsEngineId = "VPG0043";

        /// <summary>BothBackendKinds.</summary>
        public static readonly DiagnosticDescriptor BothBackendKinds = Error(BothBackendKindsId,
            "A backend is a secrets engine or an auth method, not both",
            "'{0}' is marked both [SecretsEngine] and [AuthMethod]; keep the one Vault should mount it as");

        /// <summary>InvalidAuthRenew.</summary>
        public static readonly DiagnosticDescriptor InvalidAuthRenew = Error(InvalidAuthRenewId,
            "Invalid [AuthRenew] method",
            "[AuthRenew] method '{0}' {1}");

        /// <summary>DuplicateAuthRenew.</summary>
        public static readonly DiagnosticDescriptor DuplicateAuthRenew = Error(DuplicateAuthRenewId,
            "Two [AuthRenew] methods",
            "Both '{0}' and '{1}' are marked [AuthRenew]; an auth method has one");

        /// <summary>AuthRenewOnSecretsEngine.</summary>
        public static readonly DiagnosticDescriptor AuthRenewOnSecretsEngine = Error(AuthRenewOnSecretsEngineId,
            "[AuthRenew] on a secrets engine",
            "'{0}' is marked [AuthRenew] but '{1}' is a secrets engine; only an [AuthMethod] issues tokens to renew");
        /// <summary>InvalidSecretType.</summary>
        public static readonly DiagnosticDescriptor InvalidSecretType = Error(InvalidSecretTypeId,
            "Invalid secret type",
            "[SecretType(\"{0}\")] {1}");

        /// <summary>UnknownSecretType.</summary>
        public static readonly DiagnosticDescriptor UnknownSecretType = Error(UnknownSecretTypeId,
            "Renew or revoke for an undeclared secret type",
            "[{0}(\"{1}\")] on '{2}' names no secret type of this backend; declare it with [SecretType(\"{1}\")] on the class");

        /// <summary>DuplicateSecretHandler.</summary>
        public static readonly DiagnosticDescriptor DuplicateSecretHandler = Error(DuplicateSecretHandlerId,
            "Two renew or revoke methods for one secret type",
            "Both '{0}' and '{1}' are marked [{2}(\"{3}\")]; a secret type has one");

        /// <summary>InvalidSecretHandler.</summary>
        public static readonly DiagnosticDescriptor InvalidSecretHandler = Error(InvalidSecretHandlerId,
            "Invalid renew or revoke method",
            "[{0}] method '{1}' {2}");

        /// <summary>InvalidWalRollback.</summary>
        public static readonly DiagnosticDescriptor InvalidWalRollback = Error(InvalidWalRollbackId,
            "Invalid WAL rollback method",
            "[WalRollback] method '{0}' {1}");

        /// <summary>DuplicateWalRollback.</summary>
        public static readonly DiagnosticDescriptor DuplicateWalRollback = Error(DuplicateWalRollbackId,
            "Two WAL rollback methods",
            "Both '{0}' and '{1}' are marked [WalRollback]; a backend has one, which switches on the entry's kind");

        private static readonly Dictionary<string, DiagnosticDescriptor> All = new Dictionary<string, DiagnosticDescriptor>
        {
            [BackendNotPartialId] = BackendNotPartial,
            [BackendGenericId] = BackendGeneric,
            [ContainingTypeNotPartialId] = ContainingTypeNotPartial,
            [InvalidTemplateId] = InvalidTemplate,
            [AmbiguousPathsId] = AmbiguousPaths,
            [NoOperationsId] = NoOperations,
            [DuplicateHandlerId] = DuplicateHandler,
            [UnsupportedParameterId] = UnsupportedParameter,
            [FieldTypeMismatchId] = FieldTypeMismatch,
            [InvalidDefaultId] = InvalidDefault,
            [ConflictingFieldId] = ConflictingField,
            [UnsupportedReturnId] = UnsupportedReturn,
            [CreateWithoutExistenceCheckId] = CreateWithoutExistenceCheck,
            [TypedResultWithoutContextId] = TypedResultWithoutContext,
            [InvalidPatternId] = InvalidPattern,
            [ExistenceCheckReturnId] = ExistenceCheckReturn,
            [DuplicateExistenceCheckId] = DuplicateExistenceCheck,
            [InvalidAllowedValueId] = InvalidAllowedValue,
            [RequiredWithDefaultId] = RequiredWithDefault,
            [FieldCaseConflictId] = FieldCaseConflict,
            [UnknownPathOptionsId] = UnknownPathOptions,
            [InvalidFieldNameId] = InvalidFieldName,
            [InvalidHookId] = InvalidHook,
            [DuplicateHookId] = DuplicateHook,
            [UnreachablePathId] = UnreachablePath,
            [UnreachableListId] = UnreachableList,
            [DuplicateOperationIdId] = DuplicateOperationId,
            [InvalidResponseId] = InvalidResponse,
            [InvalidResponseFieldId] = InvalidResponseField,
            [DeclaredResponseConflictId] = DeclaredResponseConflict,
            [IneffectiveDisplayAttributesId] = IneffectiveDisplayAttributes,
            [BothBackendKindsId] = BothBackendKinds,
            [InvalidAuthRenewId] = InvalidAuthRenew,
            [DuplicateAuthRenewId] = DuplicateAuthRenew,
            [AuthRenewOnSecretsEngineId] = AuthRenewOnSecretsEngine,
            [InvalidSecretTypeId] = InvalidSecretType,
            [UnknownSecretTypeId] = UnknownSecretType,
            [DuplicateSecretHandlerId] = DuplicateSecretHandler,
            [InvalidSecretHandlerId] = InvalidSecretHandler,
            [InvalidWalRollbackId] = InvalidWalRollback,
            [DuplicateWalRollbackId] = DuplicateWalRollback,
            [UnresolvedTypeId] = UnresolvedType,
            [FieldValueNullableId] = FieldValueNullable,
            [FieldValueRequiredId] = FieldValueRequired,
            [FieldValueCaptureId] = FieldValueCapture,
        };

        /// <summary>Every descriptor.</summary>
        public static IEnumerable<DiagnosticDescriptor> Descriptors => All.Values;

        /// <summary>The descriptor with <paramref name="id"/>.</summary>
        public static DiagnosticDescriptor ById(string id) => All[id];

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
    }
}
