using System.Text.Json.Nodes;

namespace VaultPathGen.Generator.Tests;

/// <summary>An [AuthMethod] compiled with the generator: its type, special paths, login, alias lookahead and auth renew.</summary>
public class AuthMethodTests
{
    private static readonly Lazy<IBackend> Login = new(() => GeneratorHarness.Load(TestBackends.Login, "Samples.Login"));

    private static Task<Response?> Send(Request request)
    {
        request.Storage = new InMemoryStorage();
        return Login.Value.HandleRequestAsync(request, CancellationToken.None).AsTask();
    }

    [Fact]
    public void Descriptor_is_a_credential_backend_with_its_special_paths()
    {
        var descriptor = Login.Value.Descriptor;
        Assert.Equal(BackendType.Credential, descriptor.Type);
        Assert.Equal(["login/*"], descriptor.SpecialPaths.Unauthenticated);
        Assert.Equal(["config"], descriptor.SpecialPaths.Root);
        Assert.Equal(["cache/"], descriptor.SpecialPaths.LocalStorage);
        Assert.Equal(["users/"], descriptor.SpecialPaths.SealWrapStorage);
        Assert.Empty(descriptor.SpecialPaths.WriteForwardedStorage);
        Assert.True(descriptor.SpecialPaths.IsUnauthenticated("login/alice"));
        Assert.False(descriptor.SpecialPaths.IsUnauthenticated("config"));
    }

    [Fact]
    public async Task Login_returns_auth_and_a_wrong_password_is_an_error_response()
    {
        var ok = await Send(new Request(Operation.Update, "login/alice") { Data = new JsonObject { ["password"] = "pw" } });
        Assert.Equal("alice", ok!.Auth!.DisplayName);
        Assert.Equal("alice", ok.Auth.Alias!.Name);
        Assert.Equal(["dev"], ok.Auth.Policies);
        Assert.True(ok.Auth.Lease.Renewable);

        var bad = await Send(new Request(Operation.Update, "login/alice") { Data = new JsonObject { ["password"] = "nope" } });
        Assert.Equal("invalid username or password", bad!.ErrorMessage);
        Assert.Null(bad.Auth);
    }

    [Fact]
    public async Task Alias_lookahead_names_the_alias_without_logging_in()
    {
        var response = await Send(new Request(Operation.AliasLookahead, "login/bob") { Data = new JsonObject { ["password"] = "wrong" } });
        Assert.Equal("bob", response!.Auth!.Alias!.Name);
        Assert.Empty(response.Auth.Policies);
    }

    [Fact]
    public async Task Renew_with_auth_goes_to_the_auth_renew_method_whatever_the_path()
    {
        var auth = new Auth { DisplayName = "alice", Lease = new LeaseOptions { Ttl = TimeSpan.FromMinutes(5), Renewable = true } };
        var response = await Send(new Request(Operation.Renew, "login/alice") { Auth = auth });
        Assert.Equal(TimeSpan.FromMinutes(10), response!.Auth!.Lease.Ttl);
        Assert.Equal("alice", response.Auth.DisplayName);

        var anywhere = await Send(new Request(Operation.Renew, "") { Auth = auth });
        Assert.NotNull(anywhere!.Auth);
    }

    [Fact]
    public async Task Renew_without_auth_or_secret_is_still_refused()
    {
        var error = await Assert.ThrowsAsync<LogicalException>(() => Send(new Request(Operation.Renew, "login/alice")));
        Assert.Equal("request has no secret", error.Message);
    }

    [Fact]
    public async Task Auth_method_without_auth_renew_answers_like_vaults_framework()
    {
        var backend = GeneratorHarness.Load("""
            namespace Samples;
            [AuthMethod]
            public partial class NoRenew
            {
                [Path("login"), Operation(Update)]
                public Response LogIn() => new() { Auth = new Auth { DisplayName = "x" } };
            }
            """, "Samples.NoRenew");
        var response = await backend.HandleRequestAsync(new Request(Operation.Renew, "") { Auth = new Auth(), Storage = new InMemoryStorage() }, CancellationToken.None);
        Assert.Equal("this auth type doesn't support renew", response!.ErrorMessage);
        Assert.Equal(BackendType.Credential, backend.Descriptor.Type);
        Assert.Same(SpecialPaths.None, backend.Descriptor.SpecialPaths);
    }
}
