using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace DynamicCreds;

[PathOptions("roles/<name>", Synopsis = "Manage the roles credentials are issued for.")]
[PathOptions("roles[/]", Synopsis = "List the roles.")]
[DisplayAttributes("roles/<name>", ItemType = "Role", Action = "Create")]
public partial class DynamicCredsEngine
{
    /// <summary>Whether the role exists.</summary>
    [Path("roles/<name>"), ExistenceCheck]
    public static async Task<bool> RoleExists(string name, IStorage storage, CancellationToken cancellationToken)
        => await storage.GetAsync(RolesPrefix + name, cancellationToken) is not null;

    /// <summary>Create or update a role; fields not given keep their value (or their default for a new role).</summary>
    /// <param name="name">The role's name.</param>
    /// <param name="ttl">How long a credential's lease lasts before it must be renewed; 0 uses the mount's default.</param>
    /// <param name="maxTtl">How long a credential may live, renewals included; 0 uses the mount's maximum.</param>
    /// <param name="usernamePrefix">What generated usernames start with.</param>
    /// <param name="passwordPolicy">A Vault password policy to generate passwords with; empty for 24 random characters.</param>
    [Path("roles/<name>"), Operation(Create, Update)]
    public static async Task<Response?> WriteRole(
        string name,
        TimeSpan? ttl,
        TimeSpan? maxTtl,
        string? usernamePrefix,
        [DisplayAttributes(Name = "Password policy", Group = "Advanced")] string? passwordPolicy,
        IStorage storage,
        CancellationToken cancellationToken)
    {
        var role = await ReadRoleAsync(storage, name, cancellationToken) ?? new Role(name, 0, 0, "v-");
        role = role with
        {
            TtlSeconds = ttl is { } t ? (long)t.TotalSeconds : role.TtlSeconds,
            MaxTtlSeconds = maxTtl is { } m ? (long)m.TotalSeconds : role.MaxTtlSeconds,
            UsernamePrefix = usernamePrefix ?? role.UsernamePrefix,
            PasswordPolicy = passwordPolicy ?? role.PasswordPolicy,
        };
        if (role.MaxTtlSeconds > 0 && role.TtlSeconds > role.MaxTtlSeconds)
        {
            return Response.Error("ttl cannot be greater than max_ttl");
        }

        await storage.PutJsonAsync(RolesPrefix + name, role, CredsJson.Default.Role, cancellationToken);
        return null;
    }

    /// <summary>Read a role.</summary>
    /// <param name="name">The role's name.</param>
    [Path("roles/<name>"), Operation(Read)]
    [OperationResponse(200, "OK")]
    [ResponseField(200, "ttl", FieldType.Int, Description = "How long issued credentials live, in seconds; 0: the mount's default.", Required = true)]
    [ResponseField(200, "max_ttl", FieldType.Int, Description = "The longest issued credentials live, in seconds; 0: the mount's maximum.", Required = true)]
    [ResponseField(200, "username_prefix", FieldType.String, Description = "What generated usernames start with.", Required = true)]
    [ResponseField(200, "password_policy", FieldType.String, Description = "The Vault password policy passwords are generated with; empty for 24 random characters.", Required = true)]
    [OperationResponse(404, "No such role.")]
    public static async Task<Response?> ReadRole(string name, IStorage storage, CancellationToken cancellationToken)
    {
        var role = await ReadRoleAsync(storage, name, cancellationToken);
        return role is null ? null : Response.WithData(new JsonObject
        {
            ["ttl"] = role.TtlSeconds,
            ["max_ttl"] = role.MaxTtlSeconds,
            ["username_prefix"] = role.UsernamePrefix,
            ["password_policy"] = role.PasswordPolicy,
        });
    }

    /// <summary>Delete a role; credentials already issued for it live on until revoked.</summary>
    /// <param name="name">The role's name.</param>
    [Path("roles/<name>"), Operation(Delete)]
    public static ValueTask DeleteRole(string name, IStorage storage, CancellationToken cancellationToken)
        => storage.DeleteAsync(RolesPrefix + name, cancellationToken);

    /// <summary>List the roles.</summary>
    [Path("roles[/]"), Operation(List)]
    public static async Task<Response> ListRoles(IStorage storage, CancellationToken cancellationToken)
        => Response.List(await storage.ListAsync(RolesPrefix, cancellationToken));
}
