using System.Linq;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;
using VaultPathGen.Generator.Parsing;

namespace VaultPathGen.Generator.Emitting
{
    /// <summary>The parts of a backend that make it an auth method, and its special paths.</summary>
    internal static class AuthEmitter
    {
        private const string V = "global::VaultPathGen.";

        /// <summary>
        /// Auth renewal, ahead of secret renew/revoke: like Go's framework, a renew that carries an Auth
        /// goes to the auth method's renew function whatever the path.
        /// </summary>
        public static void EmitRenewCase(SourceWriter w, BackendSpec backend)
        {
            if (backend.AuthMethod is null)
            {
                return;
            }

            w.Line("case " + V + "Operation.Renew when request.Auth is not null:");
            var renew = backend.AuthMethod.Renew;
            if (renew is null)
            {
                w.Line("    return " + V + "Response.Error(\"this auth type doesn't support renew\");");
                return;
            }

            w.Open("");
            var args = renew.Parameters.Select(p =>
            {
                switch (p.Kind)
                {
                    case ParameterKind.Request: return "request";
                    case ParameterKind.Auth: return "request.Auth";
                    case ParameterKind.Storage: return "request.Storage";
                    case ParameterKind.Config: return "__vpgConfig";
                    case ParameterKind.SystemView: return "__vpgConfig.SystemView";
                    case ParameterKind.CancellationToken: return "cancellationToken";
                    case ParameterKind.Logger: return "__VpgLogger";
                    default: return "new global::Microsoft.Extensions.Logging.Logger<" + LoggerCategory(p.TypeName) + ">(__vpgLoggerFactory)";
                }
            });
            var call = (renew.IsStatic ? "" : "this.") + renew.MethodName + "(" + string.Join(", ", args) + ")";
            var awaited = renew.IsAsync ? "await " + call + ".ConfigureAwait(false)" : call;
            if (renew.ReturnsAuth)
            {
                w.Line("var renewed = " + awaited + ";");
                w.Line("return renewed is null ? null : new " + V + "Response { Auth = renewed };");
            }
            else
            {
                w.Line("return " + awaited + ";");
            }

            w.Close();
        }

        public static string BackendType(BackendSpec backend) =>
            V + "BackendType." + (backend.AuthMethod is null ? "Logical" : "Credential");

        public static string SpecialPaths(BackendSpec backend)
        {
            var paths = backend.SpecialPaths;
            if (paths.IsEmpty)
            {
                return V + "SpecialPaths.None";
            }

            var parts = new[]
            {
                List("Root", paths.Root),
                List("Unauthenticated", paths.Unauthenticated),
                List("LocalStorage", paths.LocalStorage),
                List("SealWrapStorage", paths.SealWrapStorage),
                List("WriteForwardedStorage", paths.WriteForwardedStorage),
            }.Where(p => p != null);
            return "new " + V + "SpecialPaths { " + string.Join(", ", parts) + " }";
        }

        private static string? List(string name, EquatableArray<string> items) =>
            items.Count == 0 ? null : name + " = new string[] { " + string.Join(", ", items.Select(ConstantConversion.Literal)) + " }";

        private static string LoggerCategory(string typeName)
        {
            var start = typeName.IndexOf('<');
            return typeName.Substring(start + 1, typeName.Length - start - 2);
        }
    }
}
