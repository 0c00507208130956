using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using VaultPathGen;
using static VaultPathGen.Operation;

namespace DynamicCreds;

[PathOptions("creds/<name>", Synopsis = "Issue a credential for a role.")]
public partial class DynamicCredsEngine
{
    private const string UsernameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string PasswordAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Issue a new username and password for the role, under a lease.</summary>
    /// <param name="name">The role to issue for.</param>
    [Path("creds/<name>"), Operation(Read)]
    [OperationResponse(200, "A new credential, under a lease.")]
    [ResponseField(200, "username", FieldType.String, Description = "The user name.", Required = true)]
    [ResponseField(200, "password", FieldType.String, Description = "The password.", Required = true, Sensitive = true)]
    public async Task<Response> IssueCredential(string name, Request request, IStorage storage, ISystemView systemView, CancellationToken cancellationToken)
    {
        var role = await ReadRoleAsync(storage, name, cancellationToken);
        if (role is null)
        {
            return Response.Error("unknown role: " + name);
        }

        var username = role.UsernamePrefix + name + "-" + RandomNumberGenerator.GetString(UsernameAlphabet, 8);
        var password = role.PasswordPolicy.Length > 0
            ? await systemView.GeneratePasswordFromPolicyAsync(role.PasswordPolicy, cancellationToken)
            : RandomNumberGenerator.GetString(PasswordAlphabet, 24);
        var (requestedBy, groups) = await RequesterAsync(request, systemView, cancellationToken);
        var issuedAt = Now;
        var maxTtl = await EffectiveMaxTtlAsync(role, systemView, cancellationToken);

        // Should the process die between creating the credential and returning its lease, nothing
        // would ever revoke it: the WAL entry lets the rollback tick remove it.
        var walId = await Wal.PutAsync(storage, PendingWalKind, JsonSerializer.SerializeToNode(new PendingCredential(username), CredsJson.Default.PendingCredential), cancellationToken);
        await storage.PutJsonAsync(IssuedPrefix + username, new IssuedCredential(username, name, issuedAt, issuedAt + maxTtl) { RequestedBy = requestedBy, RequesterGroups = groups }, CredsJson.Default.IssuedCredential, cancellationToken);
        await Wal.DeleteAsync(storage, walId, cancellationToken);

        var response = Response.WithSecret(CredsType,
            new JsonObject { ["username"] = username, ["password"] = password },
            JsonSerializer.SerializeToNode(new CredsLease(username, name), CredsJson.Default.CredsLease)!.AsObject());
        response.Secret!.Lease = response.Secret.Lease with { Ttl = role.Ttl, MaxTtl = role.MaxTtl };
        return response;
    }

    /// <summary>Who asked, from Vault's identity store: the entity's name and its groups' names.</summary>
    private static async ValueTask<(string? Name, IReadOnlyList<string>? Groups)> RequesterAsync(Request request, ISystemView systemView, CancellationToken cancellationToken)
    {
        if (request.EntityId.Length == 0 || await systemView.EntityInfoAsync(request.EntityId, cancellationToken) is not { } entity)
        {
            return (null, null);
        }

        var groups = await systemView.GroupsForEntityAsync(request.EntityId, cancellationToken);
        return (entity.Name, [.. groups.Select(g => g.Name)]);
    }

    /// <summary>The longest a credential of <paramref name="role"/> may live: the smaller set value of the role's, the type's and the mount's maximum.</summary>
    private static async ValueTask<TimeSpan> EffectiveMaxTtlAsync(Role role, ISystemView systemView, CancellationToken cancellationToken)
    {
        var max = await systemView.MaxLeaseTtlAsync(cancellationToken);
        foreach (var limit in new[] { role.MaxTtl, TypeMaxTtl })
        {
            if (limit > TimeSpan.Zero && limit < max)
            {
                max = limit;
            }
        }

        return max;
    }

    private static TimeSpan TypeMaxTtl => VaultSecretTypes.Single(t => t.Name == CredsType).MaxTtl;
}
