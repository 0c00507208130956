using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace VaultPathGen.Plugin.Logging;

/// <summary>
/// Writes log entries the way hclog's JSON format does, one object per line on stderr, which is
/// what go-plugin's host parses: <c>@level</c>, <c>@message</c>, <c>@timestamp</c> (exactly six
/// fractional digits, or the host logs the line raw), <c>@module</c>, then the entry's values.
/// </summary>
internal sealed class HclogLoggerProvider : ILoggerProvider
{
    private readonly Stream _output;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Func<DateTimeOffset> _clock;

    public HclogLoggerProvider(Stream output, Func<DateTimeOffset>? clock = null)
    {
        _output = output;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public ILogger CreateLogger(string categoryName) => new HclogLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        _ => "error",
    };

    /// <summary>Go's <c>2006-01-02T15:04:05.000000Z07:00</c>.</summary>
    internal static string FormatTimestamp(DateTimeOffset time)
    {
        var text = time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return time.Offset == TimeSpan.Zero ? text + "Z" : text + time.ToString("zzz", CultureInfo.InvariantCulture);
    }

    internal void Write(LogLevel level, string category, string message, IReadOnlyList<KeyValuePair<string, object?>>? values, Exception? exception)
    {
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartObject();
                json.WriteString("@level", LevelName(level));
                json.WriteString("@message", Cap(message));
                json.WriteString("@module", category);
                json.WriteString("@timestamp", FormatTimestamp(_clock()));
                if (values is not null)
                {
                    foreach (var (key, value) in values)
                    {
                        if (key == "{OriginalFormat}" || key.StartsWith('@'))
                        {
                            continue;
                        }

                        WriteValue(json, key, value);
                    }
                }

                if (exception is not null)
                {
                    json.WriteString("error", Cap($"{exception.GetType().FullName}: {exception.Message}"));
                }

                json.WriteEndObject();
            }

            _buffer.Write("\n"u8);
            try
            {
                _output.Write(_buffer.WrittenSpan);
                _output.Flush();
            }
            catch (IOException)
            {
                // The host closed our stderr: nothing left to tell it.
            }
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                json.WriteString(key, Cap(formattable.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                json.WriteString(key, Cap(value.ToString()));
                break;
        }
    }

    /// <summary>The host splits lines longer than 64 KiB, and a split line is no longer JSON.</summary>
    internal static string? Cap(string? text)
        => text is { Length: > MaxValueLength } ? string.Concat(text.AsSpan(0, MaxValueLength), "…(truncated)") : text;

    private const int MaxValueLength = 8 * 1024;

    private sealed class HclogLogger(HclogLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            provider.Write(logLevel, category, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>>, exception);
        }
    }
}
