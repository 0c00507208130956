using System.Text;
using Microsoft.Extensions.Logging;
using static VaultPathGen.RuntimeLog;

namespace VaultPathGen.Plugin.Logging;

/// <summary>
/// Takes the place of <see cref="Console.Out"/> and <see cref="Console.Error"/> after the
/// handshake: stdout belongs to go-plugin and every stderr line should be hclog JSON, so whatever
/// a backend prints becomes a log line (info for stdout, error for stderr) instead.
/// </summary>
internal sealed partial class LoggingTextWriter(ILogger logger, LogLevel level) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                var text = _line.ToString().TrimEnd('\r');
                _line.Clear();
                LogLine(logger, level, text);
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }
}
