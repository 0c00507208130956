namespace VaultPathGen.Generator.Tests;

/// <summary>Operations declared ForwardPerformanceStandby/Secondary answer Vault's read-only error where Vault must forward them.</summary>
public class ForwardingTests
{
    private static async Task<(Response? Response, LogicalException? Error)> WriteConfig(ReplicationState state, bool localMount = false)
    {
        var backend = GeneratorHarness.Load(TestBackends.Login, "Samples.Login");
        await backend.SetupAsync(new BackendConfig { SystemView = new StaticSystemView { ReplicationState = state, LocalMount = localMount } }, CancellationToken.None);
        try
        {
            return (await backend.HandleRequestAsync(new Request(Operation.Update, "config") { Storage = new InMemoryStorage() }, CancellationToken.None), null);
        }
        catch (LogicalException e)
        {
            return (null, e);
        }
    }

    [Theory]
    [InlineData(ReplicationState.PerformanceStandby, false)]
    [InlineData(ReplicationState.PerformanceSecondary, false)]
    [InlineData(ReplicationState.PerformanceStandby | ReplicationState.PerformanceSecondary, true)]
    public async Task Forwarded_operations_answer_vaults_read_only_error(ReplicationState state, bool localMount)
    {
        var (_, error) = await WriteConfig(state, localMount);
        Assert.Equal(ErrorType.Unknown, error!.Type);
        Assert.Equal("cannot write to readonly storage", error.Message);
    }

    [Theory]
    [InlineData(ReplicationState.Unknown, false)]
    [InlineData(ReplicationState.PerformancePrimary, false)]
    [InlineData(ReplicationState.PerformanceSecondary, true)]
    [InlineData(ReplicationState.DRPrimary, false)]
    public async Task The_active_node_and_local_mounts_run_them(ReplicationState state, bool localMount)
    {
        var (response, error) = await WriteConfig(state, localMount);
        Assert.Null(error);
        Assert.True(response!.Data!["written"]!.GetValue<bool>());
    }

    [Fact]
    public void Descriptor_records_the_forwarding_flags()
    {
        var config = GeneratorHarness.Load(TestBackends.Login, "Samples.Login").Descriptor.Paths.Single(p => p.Template == "config");
        var update = config.Operations.Single(o => o.Operation == Operation.Update);
        var read = config.Operations.Single(o => o.Operation == Operation.Read);
        Assert.True(update.ForwardPerformanceStandby && update.ForwardPerformanceSecondary);
        Assert.False(read.ForwardPerformanceStandby || read.ForwardPerformanceSecondary);
    }
}
