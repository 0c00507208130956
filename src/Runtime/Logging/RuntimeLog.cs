using Microsoft.Extensions.Logging;

namespace VaultPathGen;

/// <summary>
/// Every source-generated log method of the runtime, in one class: the logging generator emits
/// the classes it serves in no fixed order, and one class keeps the build reproducible.
/// </summary>
internal static partial class RuntimeLog
{
    // Dev mode's request lines: fixed event ids, so the log category shows no hash-like id.
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} ({Operation}) -> {Status}")]
    internal static partial void LogExchange(ILogger logger, string method, string path, string operation, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Method} {Path} ({Operation}) -> {Status}")]
    internal static partial void LogFailure(ILogger logger, string method, string path, string operation, int status, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "rollback tick or lease expiry failed: {Error}")]
    internal static partial void LogBackgroundFailed(ILogger logger, string error, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "failed to revoke expired lease {LeaseId}: {Errors}")]
    internal static partial void LogRevokeFailed(ILogger logger, string leaseId, string errors, Exception? exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC method {Method} ended by the host: {ErrorType}: {Error}")]
    internal static partial void LogCallEnded(ILogger logger, string method, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "plugin serving on {Network} {Address}")]
    internal static partial void LogServing(ILogger logger, string network, string address);

    [LoggerMessage(Level = LogLevel.Error, Message = "plugin failed to start serving after its handshake")]
    internal static partial void LogServerStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TLS handshake failed on connection {ConnectionId}")]
    internal static partial void LogTlsHandshakeFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "accepting a connection failed: {ErrorCode}: {Error}")]
    internal static partial void LogAcceptFailed(ILogger logger, string errorCode, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "connection {ConnectionId} closed on a protocol error: {Error}")]
    internal static partial void LogConnectionFailed(ILogger logger, string connectionId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "plugin stopping: {Reason}")]
    internal static partial void LogStopping(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "request failed: {Operation} {Path}: {ErrorType}: {Error}")]
    internal static partial void LogRequestFailed(ILogger logger, string operation, string path, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "backend setup failed for mount {MultiplexId}: {ErrorType}: {Error}")]
    internal static partial void LogSetupFailed(ILogger logger, string multiplexId, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "backend set up for mount {MultiplexId} (uuid {BackendUuid})")]
    internal static partial void LogSetup(ILogger logger, string multiplexId, string backendUuid);

    [LoggerMessage(Level = LogLevel.Debug, Message = "backend cleaned up for mount {MultiplexId}")]
    internal static partial void LogCleanup(ILogger logger, string multiplexId);

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC method {Method} failed: {ErrorType}: {Error}")]
    internal static partial void LogMethodFailed(ILogger logger, string method, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "idle for {IdleMs} ms: memory returned to the OS in {TrimMs:F1} ms (C heap trimmed: {CHeapTrimmed})")]
    internal static partial void LogIdleMemoryTrimmed(ILogger logger, long idleMs, double trimMs, bool cHeapTrimmed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "idle memory trim failed: {ErrorType}: {Error}")]
    internal static partial void LogIdleMemoryTrimFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(Message = "{Output}")]
    internal static partial void LogLine(ILogger logger, LogLevel level, string output);
}
