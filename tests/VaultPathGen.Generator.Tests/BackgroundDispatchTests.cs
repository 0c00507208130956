using System.Text;
using System.Text.Json.Nodes;

namespace VaultPathGen.Generator.Tests;

/// <summary>The rollback tick compiled with the generator: periodic work, then WAL rollback after the minimum age.</summary>
public class BackgroundDispatchTests
{
    private static readonly Lazy<Type> LeasesType = new(() => GeneratorHarness.Load(TestBackends.Leases, "Samples.Leases").GetType());

    private static async Task<(IBackend Backend, InMemoryStorage Storage)> Mount()
    {
        var backend = (IBackend)Activator.CreateInstance(LeasesType.Value)!;
        var storage = new InMemoryStorage();
        await backend.SetupAsync(new BackendConfig { Storage = storage }, CancellationToken.None);
        return (backend, storage);
    }

    private static List<string> Calls(IBackend backend) => (List<string>)backend.GetType().GetProperty("Calls")!.GetValue(backend)!;

    private static Task<Response?> Tick(IBackend backend, IStorage storage, bool immediate = false) =>
        backend.HandleRequestAsync(new Request(Operation.Rollback, "") { Storage = storage, Data = immediate ? new JsonObject { ["immediate"] = true } : null }, CancellationToken.None).AsTask();

    private static async Task<string> OldEntry(IStorage storage, string kind, string username, TimeSpan age)
    {
        var id = Guid.NewGuid().ToString();
        var json = new JsonObject { ["type"] = kind, ["data"] = new JsonObject { ["username"] = username }, ["created_at"] = (DateTimeOffset.UtcNow - age).ToUnixTimeSeconds() };
        await storage.PutAsync(new StorageEntry("wal/" + id, Encoding.UTF8.GetBytes(json.ToJsonString())));
        return id;
    }

    [Fact]
    public async Task Entries_older_than_the_minimum_age_are_rolled_back_and_deleted_younger_ones_wait()
    {
        var (backend, storage) = await Mount();
        await storage.PutAsync(new StorageEntry("half/old", [1]));
        var old = await OldEntry(storage, "user", "old", TimeSpan.FromMinutes(2));
        var young = await Wal.PutAsync(storage, "user", new JsonObject { ["username"] = "young" });

        Assert.Null(await Tick(backend, storage));

        Assert.Equal(["periodic", "rollback user old True"], Calls(backend));
        Assert.Null(await storage.GetAsync("half/old"));
        Assert.Equal([young], await Wal.ListAsync(storage));
        Assert.Null(await Wal.GetAsync(storage, old));
    }

    [Fact]
    public async Task Immediate_rolls_back_every_entry_as_in_vault()
    {
        var (backend, storage) = await Mount();
        await Wal.PutAsync(storage, "user", new JsonObject { ["username"] = "fresh" });

        await Tick(backend, storage, immediate: true);

        Assert.Equal(["periodic", "rollback user fresh True"], Calls(backend));
        Assert.Empty(await Wal.ListAsync(storage));
    }

    [Fact]
    public async Task A_failed_rollback_keeps_its_entry_and_is_an_error_response_the_others_still_run()
    {
        var (backend, storage) = await Mount();
        var stuck = await OldEntry(storage, "stuck", "s", TimeSpan.FromHours(1));
        await OldEntry(storage, "user", "u", TimeSpan.FromHours(1));

        var response = await Tick(backend, storage);

        Assert.Equal("error rolling back \"stuck\" entry: cannot undo", response!.ErrorMessage);
        Assert.Equal([stuck], await Wal.ListAsync(storage));
        Assert.Contains("rollback user u True", Calls(backend));
    }

    [Fact]
    public async Task A_failing_periodic_function_does_not_stop_the_rollback_and_its_error_is_returned()
    {
        var (backend, storage) = await Mount();
        backend.GetType().GetProperty("FailPeriodic")!.SetValue(backend, true);
        await OldEntry(storage, "user", "u", TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<LogicalException>(() => Tick(backend, storage));

        Assert.Equal("periodic failed", error.Message);
        Assert.Equal(["periodic", "rollback user u True"], Calls(backend));
        Assert.Empty(await Wal.ListAsync(storage));
    }

    [Fact]
    public async Task A_corrupt_entry_is_reported_and_kept()
    {
        var (backend, storage) = await Mount();
        await storage.PutAsync(new StorageEntry("wal/bad", Encoding.UTF8.GetBytes("not json")));

        var response = await Tick(backend, storage);

        Assert.Equal("WAL entry bad is not valid JSON of a WAL entry", response!.ErrorMessage);
        Assert.Equal(["bad"], await Wal.ListAsync(storage));
    }
}
