using System.Text.Json.Nodes;

namespace KvEngine;

/// <summary>JSON merge patch (RFC 7386), what Vault applies for PATCH requests.</summary>
internal static class JsonMergePatch
{
    /// <summary>
    /// <paramref name="patch"/> applied to <paramref name="target"/>, which is changed in place: a
    /// <c>null</c> member removes the key, an object member merges recursively, anything else replaces.
    /// </summary>
    public static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject)
            {
                var existing = target[key] as JsonObject ?? [];
                target.Remove(key);
                target[key] = Apply(existing, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }

        return target;
    }
}
