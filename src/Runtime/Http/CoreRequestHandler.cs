namespace VaultPathGen.Http;

/// <summary>
/// The part of Vault's core that stands between a client and a mounted backend, without tokens,
/// policies, leases or audit: refuse writes to folder paths, run the existence check to choose
/// create or update (<c>Core.checkToken</c> in vault/request_handling.go), call the backend, and work
/// out the HTTP answer with <see cref="VaultStatus"/>. Backend exceptions never escape; they become
/// error answers the way the plugin transport reports them.
/// </summary>
public static class CoreRequestHandler
{
    /// <summary>
    /// Handles <paramref name="request"/> as Vault's core would. The request is changed in place like
    /// Vault changes it: a write's operation becomes <see cref="Operation.Create"/> or
    /// <see cref="Operation.Update"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<CoreResult> HandleAsync(IBackend backend, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(request);

        ExistenceCheckResult? existence = null;
        if (request.Operation is Operation.Create or Operation.Update)
        {
            if (request.Path.EndsWith('/'))
            {
                var refusal = Response.Error(VaultErrorText.WriteToFolder);
                return new CoreResult(request, existence, reachedBackend: false, refusal, null, VaultStatus.Evaluate(request.Operation, refusal, null));
            }

            try
            {
                existence = await backend.HandleExistenceCheckAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (LogicalException e) when (e.Type == ErrorType.UnsupportedPath)
            {
                // Core lets the request go on so the handler reports the bad path itself.
                existence = ExistenceCheckResult.NotFound;
            }
            catch (Exception e)
            {
                return ExistenceCheckFailed(request, e);
            }

            request.Operation = existence.Value is { CheckFound: true, Exists: false } ? Operation.Create : Operation.Update;
        }

        return await CallBackendAsync(backend, request, existence, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls the backend's request handler; what it throws becomes the result's error, as Vault reports it.</summary>
    internal static async ValueTask<CoreResult> CallBackendAsync(IBackend backend, Request request, ExistenceCheckResult? existence, CancellationToken cancellationToken)
    {
        Response? response = null;
        Exception? error = null;
        try
        {
            response = await backend.HandleRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            error = e;
        }

        ReturnedErrors.MoveToError(ref response, ref error);
        return new CoreResult(request, existence, reachedBackend: true, response, error, VaultStatus.Evaluate(request.Operation, response, error));
    }

    private static CoreResult ExistenceCheckFailed(Request request, Exception error)
    {
        // Core passes a user error's text on as an invalid request; anything else is hidden behind
        // its internal error, wrapped in a go-multierror list.
        VaultHttpOutcome outcome;
        Response? response = null;
        if (error is LogicalException { Type: ErrorType.UserError })
        {
            response = Response.Error(error.Message);
            outcome = VaultStatus.Evaluate(request.Operation, response, LogicalException.InvalidRequest(error.Message));
        }
        else
        {
            var hidden = new LogicalException(ErrorType.Unknown, $"1 error occurred:\n\t* {VaultErrorText.InternalError}\n\n");
            outcome = VaultStatus.Evaluate(request.Operation, null, hidden);
        }

        return new CoreResult(request, null, reachedBackend: false, response, error, outcome);
    }
}

/// <summary>What happened to one request in <see cref="CoreRequestHandler"/>.</summary>
public sealed class CoreResult
{
    internal CoreResult(Request request, ExistenceCheckResult? existenceCheck, bool reachedBackend, Response? response, Exception? exception, VaultHttpOutcome outcome)
    {
        Request = request;
        Operation = request.Operation;
        ExistenceCheck = existenceCheck;
        ReachedBackend = reachedBackend;
        Response = response;
        Exception = exception;
        Outcome = outcome;
    }

    /// <summary>The request, as sent to the backend.</summary>
    public Request Request { get; }

    /// <summary>The operation the backend received (for a write: create or update, as core chose).</summary>
    public Operation Operation { get; }

    /// <summary>The existence check's answer, when one ran and succeeded.</summary>
    public ExistenceCheckResult? ExistenceCheck { get; }

    /// <summary>Whether the backend's request handler was called.</summary>
    public bool ReachedBackend { get; }

    /// <summary>
    /// The response: the handler's, or core's own error response when core refused the request
    /// before the handler ran. Null when there was none.
    /// </summary>
    public Response? Response { get; }

    /// <summary>The exception the backend threw (from the handler or the existence check), if any.</summary>
    public Exception? Exception { get; }

    /// <summary>The HTTP answer Vault gives.</summary>
    public VaultHttpOutcome Outcome { get; }
}
