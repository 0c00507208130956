using System.Collections.Generic;
using VaultPathGen.Generator.Helpers;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Emitting
{
    /// <summary>What a handler declared for Vault clusters: the forwarding check before the call, and the descriptor flags.</summary>
    internal static class ClusterEmitter
    {
        private const string V = "global::VaultPathGen.";

        public static void EmitForwardingCheck(SourceWriter w, HandlerSpec handler)
        {
            if (handler.ForwardPerformanceStandby || handler.ForwardPerformanceSecondary)
            {
                w.Line("await " + V + "RequestForwarding.ThrowIfForwardedAsync(__vpgConfig.SystemView, " + Bool(handler.ForwardPerformanceStandby) + ", "
                    + Bool(handler.ForwardPerformanceSecondary) + ", cancellationToken).ConfigureAwait(false);");
            }
        }

        /// <summary>The object initializer of an <c>OperationDescriptor</c>, or nothing when every property keeps its default.</summary>
        public static string OperationInitializer(HandlerSpec handler, List<string> requiredFields)
        {
            var parts = new List<string>();
            if (requiredFields.Count > 0)
            {
                parts.Add("RequiredFields = new string[] { " + string.Join(", ", requiredFields) + " }");
            }

            if (handler.ForwardPerformanceStandby)
            {
                parts.Add("ForwardPerformanceStandby = true");
            }

            if (handler.ForwardPerformanceSecondary)
            {
                parts.Add("ForwardPerformanceSecondary = true");
            }

            return parts.Count == 0 ? "" : " { " + string.Join(", ", parts) + " }";
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
