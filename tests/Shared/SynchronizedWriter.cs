namespace VaultPathGen.Tests.Shared;

/// <summary>
/// Collects the text dev mode writes (banner, console log) from several threads; lets a test read it
/// or wait for a line. Linked into the test projects that run dev mode.
/// </summary>
internal sealed class SynchronizedWriter : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        Write(value + NewLine);
        return Task.CompletedTask;
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }

    public async Task<string> WaitForAsync(string prefix, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = ToString().Split('\n').FirstOrDefault(l => l.Contains(prefix, StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..].Trim();
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
