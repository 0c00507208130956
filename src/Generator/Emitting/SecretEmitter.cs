using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;
using VaultPathGen.Generator.Parsing;

namespace VaultPathGen.Generator.Emitting
{
    /// <summary>
    /// Writes a backend's secret types and the renew/revoke dispatch, routed by the lease's
    /// <c>secret_type</c> as Vault's framework routes it, whatever the request path.
    /// </summary>
    internal static class SecretEmitter
    {
        private const string V = "global::VaultPathGen.";
        private const string Task = "global::System.Threading.Tasks.ValueTask";
        private const string Ct = "global::System.Threading.CancellationToken";

        /// <summary>The statement HandleRequestAsync runs for renew and revoke.</summary>
        public static string RenewRevokeStatement(BackendSpec backend) => backend.SecretTypes.Count > 0
            ? "return await __VpgRenewRevokeAsync(request, cancellationToken).ConfigureAwait(false);"
            : "throw new " + V + "LogicalException(" + V + "ErrorType.Unknown, request.Secret is null ? \"request has no secret\" : \"secret is unsupported by this backend\");";

        /// <summary>How a path handler's response is returned: secrets it issues get their type's lease settings.</summary>
        public static string ReturnFormat(BackendSpec backend) => backend.SecretTypes.Count > 0
            ? "return " + V + "SecretLeases.Issue(await {0}.ConfigureAwait(false), __VpgSecretTypes);"
            : "return await {0}.ConfigureAwait(false);";

        public static void Emit(SourceWriter w, BackendSpec backend)
        {
            if (backend.SecretTypes.Count == 0)
            {
                return;
            }

            w.Line();
            w.Line("private static readonly " + V + "SecretType[] __VpgSecretTypes =");
            w.Line("{");
            foreach (var type in backend.SecretTypes)
            {
                w.Line("    new " + V + "SecretType(" + ConstantConversion.Literal(type.Name) + ", " + Seconds(type.DefaultTtlSeconds) + ", " + Seconds(type.MaxTtlSeconds) + ", " + (type.Renewable ? "true" : "false") + "),");
            }

            w.Line("};");
            w.Line();
            w.Line("/// <summary>The secret types this backend issues, as declared with <c>[SecretType]</c>.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + V + "SecretType> VaultSecretTypes => __VpgSecretTypes;");
            w.Line();
            w.Open("private async " + Task + "<" + V + "Response?> __VpgRenewRevokeAsync(" + V + "Request request, " + Ct + " cancellationToken)");
            w.Line("var secret = " + V + "SecretLeases.RequireSecret(request);");
            w.Open("switch (" + V + "SecretLeases.TypeOf(secret))");
            for (var i = 0; i < backend.SecretTypes.Count; i++)
            {
                var type = backend.SecretTypes[i];
                w.Line("case " + ConstantConversion.Literal(type.Name) + ":");
                w.Open("");
                w.Open("if (request.Operation == " + V + "Operation.Renew)");
                if (type.Renewable && type.Renew != null)
                {
                    EmitCall(w, backend, type.Renew);
                    w.Line("return await " + V + "SecretLeases.RenewAsync(request, response, __VpgSecretTypes[" + i.ToString(CultureInfo.InvariantCulture) + "], __vpgConfig.SystemView, cancellationToken).ConfigureAwait(false);");
                }
                else
                {
                    w.Line("throw " + V + "LogicalException.UnsupportedOperation();");
                }

                w.Close();
                w.Open("else");
                if (type.Revoke != null)
                {
                    EmitCall(w, backend, type.Revoke);
                    w.Line("return response;");
                }
                else
                {
                    w.Line("throw " + V + "LogicalException.UnsupportedOperation();");
                }

                w.Close();
                w.Close();
            }

            w.Line("default:");
            w.Line("    throw " + V + "SecretLeases.Unsupported();");
            w.Close();
            w.Close();
        }

        private static void EmitCall(SourceWriter w, BackendSpec backend, SecretHandlerSpec handler)
        {
            var args = new List<string>();
            foreach (var a in handler.Arguments)
            {
                switch (a.Kind)
                {
                    case SecretArgumentKind.Request: args.Add("request"); break;
                    case SecretArgumentKind.Storage: args.Add("request.Storage"); break;
                    case SecretArgumentKind.CancellationToken: args.Add("cancellationToken"); break;
                    case SecretArgumentKind.Logger: args.Add("__VpgLogger"); break;
                    case SecretArgumentKind.TypedLogger: args.Add("new global::Microsoft.Extensions.Logging.Logger<" + BackendEmitter.LoggerCategory(a.TypeName) + ">(__vpgLoggerFactory)"); break;
                    case SecretArgumentKind.Config: args.Add("__vpgConfig"); break;
                    case SecretArgumentKind.SystemView: args.Add("__vpgConfig.SystemView"); break;
                    case SecretArgumentKind.Secret: args.Add("secret"); break;
                    case SecretArgumentKind.Increment: args.Add("secret.Lease.Increment"); break;
                    case SecretArgumentKind.InternalDataObject: args.Add("secret.InternalData"); break;
                    case SecretArgumentKind.InternalDataTyped:
                        args.Add(V + "SecretLeases.InternalData<" + a.TypeName + ">(secret, " + V + "HandlerResults.TypeInfo<" + a.TypeName + ">(" + backend.JsonContextType + ".Default))");
                        break;
                }
            }

            var call = (handler.IsStatic ? "" : "this.") + handler.MethodName + "(" + string.Join(", ", args) + ")";
            var awaited = handler.IsAsync ? "await " + call + ".ConfigureAwait(false)" : call;
            if (handler.ReturnsResponse)
            {
                w.Line("var response = " + awaited + ";");
            }
            else
            {
                w.Line(awaited + ";");
                w.Line(V + "Response? response = null;");
            }
        }

        private static string Seconds(long seconds) => seconds == 0
            ? "global::System.TimeSpan.Zero"
            : "global::System.TimeSpan.FromSeconds(" + seconds.ToString(CultureInfo.InvariantCulture) + ")";
    }
}
