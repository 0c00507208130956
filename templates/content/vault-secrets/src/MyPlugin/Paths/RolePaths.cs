using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace MyPlugin;

[PathOptions("roles/<name>", Synopsis = "Manages roles.")]
public partial class MyPluginEngine
{
    private const string RolePrefix = "roles/";

    /// <summary>Whether the role exists: Vault sends create when it does not, update when it does.</summary>
    [Path("roles/<name>"), ExistenceCheck]
    public static async Task<bool> RoleExists(string name, IStorage storage, CancellationToken cancellationToken)
        => await storage.GetAsync(RolePrefix + name, cancellationToken) is not null;

    /// <summary>Create or update a role.</summary>
    /// <param name="name">The name of the role.</param>
    /// <param name="ttl">How long credentials issued for the role live.</param>
    /// <param name="policies">Policies attached to issued credentials.</param>
    [Path("roles/<name>"), Operation(Create, Update)]
    public static async Task WriteRole(
        string name,
        [Field(Default = "1h")] TimeSpan ttl,
        [Field(Type = FieldType.CommaStringSlice)] string[] policies,
        IStorage storage,
        CancellationToken cancellationToken)
        => await storage.PutJsonAsync(RolePrefix + name, new Role((long)ttl.TotalSeconds, policies), StoredJson.Default.Role, cancellationToken);

    /// <summary>Read a role.</summary>
    /// <param name="name">The name of the role.</param>
    [Path("roles/<name>"), Operation(Read)]
    public static async Task<Response?> ReadRole(string name, IStorage storage, CancellationToken cancellationToken)
    {
        // No response for a read is Vault's 404.
        if (await storage.GetJsonAsync(RolePrefix + name, StoredJson.Default.Role, cancellationToken) is not { } role)
        {
            return null;
        }

        return Response.WithData(new JsonObject
        {
            ["ttl"] = role.TtlSeconds,
            ["policies"] = new JsonArray(Array.ConvertAll(role.Policies, policy => (JsonNode?)policy)),
        });
    }

    /// <summary>Delete a role.</summary>
    /// <param name="name">The name of the role.</param>
    [Path("roles/<name>"), Operation(Delete)]
    public static async Task DeleteRole(string name, IStorage storage, CancellationToken cancellationToken)
        => await storage.DeleteAsync(RolePrefix + name, cancellationToken);

    /// <summary>List the roles.</summary>
    [Path("roles[/]"), Operation(List)]
    public static async Task<Response> ListRoles(IStorage storage, CancellationToken cancellationToken)
        => Response.List(await storage.ListAsync(RolePrefix, cancellationToken));
}
