using System.Globalization;
using System.Linq;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Emitting
{
    /// <summary>Writes the rollback tick of a backend with a [WalRollback] method: periodic work, then WAL rollback.</summary>
    internal static class BackgroundEmitter
    {
        private const string V = "global::VaultPathGen.";

        public static bool HandlesRollback(BackendSpec backend) => backend.WalRollback != null;

        public const string RollbackStatement = "return await __VpgRollbackAsync(request, cancellationToken).ConfigureAwait(false);";

        public static void Emit(SourceWriter w, BackendSpec backend)
        {
            var wal = backend.WalRollback;
            if (wal is null)
            {
                return;
            }

            var periodic = backend.Hooks.FirstOrDefault(h => h.Kind == "Periodic");
            w.Line();
            w.Line("private global::System.Threading.Tasks.ValueTask<" + V + "Response?> __VpgRollbackAsync(" + V + "Request request, global::System.Threading.CancellationToken cancellationToken)");
            w.Line("    => " + V + "RollbackTick.RunAsync(");
            w.Line("        request,");
            w.Line("        " + (periodic is null ? "null" : "async () => " + BackendEmitter.HookCall(periodic, "request.Storage")) + ",");
            w.Line("        " + (wal.MinAgeSeconds == 0 ? V + "Wal.DefaultMinAge" : "global::System.TimeSpan.FromSeconds(" + wal.MinAgeSeconds.ToString(CultureInfo.InvariantCulture) + ")") + ",");
            w.Line("        async entry => " + Call(wal) + ",");
            w.Line("        cancellationToken);");
        }

        private static string Call(WalRollbackSpec wal)
        {
            var args = wal.Arguments.Select(a =>
            {
                switch (a.Kind)
                {
                    case WalArgumentKind.Request: return "request";
                    case WalArgumentKind.Storage: return "request.Storage";
                    case WalArgumentKind.CancellationToken: return "cancellationToken";
                    case WalArgumentKind.Logger: return "__VpgLogger";
                    case WalArgumentKind.TypedLogger: return "new global::Microsoft.Extensions.Logging.Logger<" + BackendEmitter.LoggerCategory(a.TypeName) + ">(__vpgLoggerFactory)";
                    case WalArgumentKind.Config: return "__vpgConfig";
                    case WalArgumentKind.SystemView: return "__vpgConfig.SystemView";
                    case WalArgumentKind.Entry: return "entry";
                    case WalArgumentKind.Kind: return "entry.Kind";
                    default: return "entry.Data";
                }
            });
            var call = (wal.IsStatic ? "" : "this.") + wal.MethodName + "(" + string.Join(", ", args) + ")";
            return wal.IsAsync ? "await " + call + ".ConfigureAwait(false)" : call;
        }
    }
}
