namespace VaultPathGen.Generator.Tests;

internal static partial class TestBackends
{
    /// <summary>FieldValue&lt;T&gt; parameters: typed values that also say whether they were sent (Vault's GetOk).</summary>
    public const string FieldValues = """
        namespace Samples;

        [SecretsEngine]
        public partial class FieldValues
        {
            [Path("roles/<name>"), Operation(Update)]
            public JsonObject WriteRole(
                string name,
                [Field(Default = "1h")] FieldValue<TimeSpan> ttl,
                [Field(Default = 5)] FieldValue<int> maxVersions,
                FieldValue<string> description,
                FieldValue<bool> enabled,
                FieldValue<List<string>> policies,
                FieldValue<int[]> ports,
                FieldValue<DateTime> notAfter,
                FieldValue<JsonObject> extra)
            {
                var (versions, versionsSent) = maxVersions;
                return new JsonObject
                {
                    ["name"] = name,
                    ["ttl"] = (long)ttl.Value.TotalSeconds,
                    ["ttl_set"] = ttl.IsSet,
                    ["max_versions"] = versions,
                    ["max_versions_set"] = versionsSent,
                    ["description"] = description.Value,
                    ["description_set"] = description.IsSet,
                    ["enabled"] = enabled.Value,
                    ["enabled_set"] = enabled.IsSet,
                    ["policies"] = policies.Value.Count,
                    ["policies_set"] = policies.IsSet,
                    ["ports"] = ports.Value.Sum(),
                    ["not_after"] = notAfter.IsSet ? notAfter.Value.ToString("O") : null,
                    ["extra_set"] = extra.IsSet,
                };
            }
        }
        """;
}
