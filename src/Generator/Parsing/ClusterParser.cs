using Microsoft.CodeAnalysis;
using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Parsing
{
    /// <summary>Reads what a handler declares for Vault clusters: its forwarding flags.</summary>
    internal static class ClusterParser
    {
        public static HandlerSpec WithForwarding(HandlerSpec spec, AttributeData? operationAttribute)
        {
            if (operationAttribute is null)
            {
                return spec;
            }

            var standby = false;
            var secondary = false;
            foreach (var arg in operationAttribute.NamedArguments)
            {
                switch (arg.Key)
                {
                    case "ForwardPerformanceStandby": standby = arg.Value.Value is true; break;
                    case "ForwardPerformanceSecondary": secondary = arg.Value.Value is true; break;
                }
            }

            return standby || secondary ? spec with { ForwardPerformanceStandby = standby, ForwardPerformanceSecondary = secondary } : spec;
        }
    }
}
