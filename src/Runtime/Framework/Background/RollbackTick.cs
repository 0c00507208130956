namespace VaultPathGen;

/// <summary>
/// What the generated dispatch does on Vault's rollback tick (Vault's <c>handleRollback</c>): run the
/// periodic function, then roll back old WAL entries. A failure of one does not stop the other; all
/// failures are returned together as one error, which Vault logs and which stops nothing.
/// </summary>
public static class RollbackTick
{
    /// <summary>Runs the tick.</summary>
    /// <exception cref="LogicalException">The periodic function or some rollback failed; the message lists every failure.</exception>
    public static async ValueTask<Response?> RunAsync(Request request, Func<ValueTask>? periodic, TimeSpan walMinAge, Func<WalEntry, ValueTask>? walRollback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        if (periodic is not null)
        {
            try
            {
                await periodic().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Add(e.Message);
            }
        }

        Response? response = null;
        if (walRollback is not null)
        {
            var failures = await Wal.RollbackAsync(request, walMinAge, walRollback, cancellationToken).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                // Vault's framework answers WAL failures with an error response, not an error.
                response = Response.Error(string.Join("; ", failures));
            }
        }

        if (errors.Count > 0)
        {
            if (response?.ErrorMessage is { } walErrors)
            {
                errors.Add(walErrors);
            }

            throw new LogicalException(ErrorType.Unknown, errors.Count == 1 ? errors[0] : errors.Count + " errors occurred: " + string.Join("; ", errors));
        }

        return response;
    }
}
