using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace DynamicCreds;

[PathOptions("issued[/]", Synopsis = "List the credentials alive now.")]
public partial class DynamicCredsEngine
{
    /// <summary>List the usernames of credentials alive now, with their role and expiry; revoked ones disappear.</summary>
    [Path("issued[/]"), Operation(List)]
    public static async Task<Response> ListIssued(IStorage storage, CancellationToken cancellationToken)
    {
        var usernames = await storage.ListAsync(IssuedPrefix, cancellationToken);
        var info = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var username in usernames)
        {
            if (await storage.GetJsonAsync(IssuedPrefix + username, CredsJson.Default.IssuedCredential, cancellationToken) is { } issued)
            {
                info[username] = new JsonObject
                {
                    ["role"] = issued.Role,
                    ["expires_at"] = issued.ExpiresAt.ToString("O"),
                    ["requested_by"] = issued.RequestedBy,
                    ["requester_groups"] = issued.RequesterGroups is { } groups ? new JsonArray([.. groups.Select(g => (JsonNode?)JsonValue.Create(g))]) : null,
                };
            }
        }

        return Response.ListWithInfo(usernames, info);
    }
}
