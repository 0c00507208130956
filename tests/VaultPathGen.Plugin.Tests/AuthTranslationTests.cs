using VaultPathGen.Plugin.Translation;
using Pb = VaultPathGen.Plugin.Protocol.Pb;

namespace VaultPathGen.Plugin.Tests;

/// <summary>An Auth crosses the wire with every field Vault reads, aliases included, both ways.</summary>
public class AuthTranslationTests
{
    [Fact]
    public void Auth_response_carries_every_field_vault_reads()
    {
        var auth = new Auth
        {
            DisplayName = "alice",
            Policies = ["dev"],
            TokenPolicies = ["dev"],
            IdentityPolicies = ["team"],
            Metadata = { ["username"] = "alice" },
            InternalData = new() { ["salt"] = "x" },
            Lease = new LeaseOptions { Ttl = TimeSpan.FromMinutes(5), MaxTtl = TimeSpan.FromHours(1), Renewable = true },
            Period = TimeSpan.FromMinutes(2),
            NumUses = 3,
            BoundCidrs = ["10.0.0.0/8"],
            ExplicitMaxTtl = TimeSpan.FromHours(2),
            TokenType = 1,
            NoDefaultPolicy = true,
            Alias = new Alias { Name = "alice", Metadata = { ["team"] = "a" }, CustomMetadata = { ["k"] = "v" }, Local = true },
            GroupAliases = [new Alias { Name = "admins" }],
        };

        var proto = ProtoTranslation.ToProto(new Response { Auth = auth }).Auth;

        Assert.Equal("alice", proto.DisplayName);
        Assert.Equal(["dev"], proto.Policies);
        Assert.Equal(["dev"], proto.TokenPolicies);
        Assert.Equal(["team"], proto.IdentityPolicies);
        Assert.Equal("alice", proto.Metadata["username"]);
        Assert.Equal("""{"salt":"x"}""", proto.InternalData);
        Assert.Equal(300_000_000_000, proto.LeaseOptions.TTL);
        Assert.Equal(3_600_000_000_000, proto.LeaseOptions.MaxTTL);
        Assert.True(proto.LeaseOptions.Renewable);
        Assert.Equal(120_000_000_000, proto.Period);
        Assert.Equal(3, proto.NumUses);
        Assert.Equal(["10.0.0.0/8"], proto.BoundCidrs);
        Assert.Equal(7_200_000_000_000, proto.ExplicitMaxTtl);
        Assert.Equal(1u, proto.TokenType);
        Assert.True(proto.NoDefaultPolicy);
        Assert.Equal("alice", proto.Alias.Name);
        Assert.Equal("a", proto.Alias.Metadata["team"]);
        Assert.Equal("v", proto.Alias.CustomMetadata["k"]);
        Assert.True(proto.Alias.Local);
        Assert.Equal("admins", Assert.Single(proto.GroupAliases).Name);
    }

    [Fact]
    public void Renew_request_brings_the_auth_back_with_its_alias()
    {
        var proto = new Pb.Request
        {
            Operation = "renew",
            Path = "login/alice",
            Auth = new Pb.Auth
            {
                DisplayName = "alice",
                ClientToken = "hvs.x",
                Accessor = "acc",
                LeaseOptions = new Pb.LeaseOptions { TTL = 300_000_000_000, Increment = 60_000_000_000, Renewable = true },
                Alias = new Protocol.Logical.Alias { Name = "alice", MountAccessor = "auth_userpass_1" },
            },
        };
        proto.Auth.GroupAliases.Add(new Protocol.Logical.Alias { Name = "g" });

        var request = ProtoTranslation.ToRequest(proto);

        Assert.Equal(Operation.Renew, request.Operation);
        Assert.Equal("hvs.x", request.Auth!.ClientToken);
        Assert.Equal(TimeSpan.FromMinutes(1), request.Auth.Lease.Increment);
        Assert.Equal("auth_userpass_1", request.Auth.Alias!.MountAccessor);
        Assert.Equal("g", Assert.Single(request.Auth.GroupAliases).Name);
    }

    [Fact]
    public void Auth_without_alias_sends_none()
        => Assert.Null(ProtoTranslation.ToProto(new Response { Auth = new Auth() }).Auth.Alias);
}
