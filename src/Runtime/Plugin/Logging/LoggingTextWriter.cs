using System.Text;
using Microsoft.Extensions.Logging;

namespace VaultPathGen.Plugin.Logging;

/// <summary>
/// Takes the place of <see cref="Console.Out"/> after the handshake: stdout belongs to go-plugin,
/// so whatever a backend prints becomes an info log line instead.
/// </summary>
internal sealed partial class LoggingTextWriter(ILogger logger) : TextWriter
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
                LogLine(logger, text);
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Stdout}")]
    private static partial void LogLine(ILogger logger, string stdout);
}
