using System.Text.Json.Nodes;
using VaultPathGen;

namespace KvEngine;

/// <summary>Responses with a status of their own, which Vault's kv engine uses to send data along with a 404.</summary>
internal static class StatusResponses
{
    /// <summary>
    /// Vault's <c>logical.RespondWithStatusCode</c>: a raw response whose body is the whole HTTP answer Vault
    /// would have sent for <paramref name="data"/>, or an empty body when there is no data.
    /// </summary>
    public static Response WithStatus(Request request, int statusCode, JsonObject? data = null)
    {
        var raw = new JsonObject
        {
            ["http_content_type"] = "application/json",
            ["http_status_code"] = statusCode,
        };
        if (data is not null)
        {
            var body = new JsonObject
            {
                ["request_id"] = request.Id,
                ["lease_id"] = "",
                ["renewable"] = false,
                ["lease_duration"] = 0,
                ["data"] = data,
                ["wrap_info"] = null,
                ["warnings"] = null,
                ["auth"] = null,
                ["mount_type"] = "",
            };
            raw["http_raw_body"] = body.ToJsonString();
        }

        return Response.WithData(raw);
    }
}
