namespace KvEngine.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_runs_and_shows_vaults_answers()
    {
        var output = new StringWriter();
        await Demo.RunAsync(output);
        var text = output.ToString();

        Assert.Contains($"{"write data/hello",-28} -> 200 (create)", text, StringComparison.Ordinal);
        Assert.Contains($"{"write data/hello cas=1",-28} -> 200 (update)", text, StringComparison.Ordinal);
        Assert.Contains($"{"write data/hello cas=1",-28} -> 400 (update)", text, StringComparison.Ordinal);
        Assert.Contains("errors:   check-and-set parameter did not match the current version", text, StringComparison.Ordinal);
        Assert.Contains($"{"read  data/hello",-28} -> 404 (read)", text, StringComparison.Ordinal);
        Assert.Contains("""data:     {"keys":["app/","hello"]}""", text, StringComparison.Ordinal);
        Assert.Contains("errors:   no data provided", text, StringComparison.Ordinal);
    }
}
