namespace VaultPathGen;

/// <summary>Where a host puts an error the backend returned with <see cref="Response.FromError"/>.</summary>
internal static class ReturnedErrors
{
    /// <summary>
    /// Moves a returned error to where a thrown one would be, so everything after the call (status,
    /// proto error, <see cref="Http.CoreResult.Exception"/>) sees one shape whichever way it came.
    /// </summary>
    public static void MoveToError(ref Response? response, ref Exception? error)
    {
        if (error is null && response?.LogicalError is { } returned)
        {
            error = returned;
            response = null;
        }
    }
}
