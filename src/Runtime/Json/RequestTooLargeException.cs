namespace VaultPathGen.Json;

/// <summary>A request body went past the size limit; Go's <c>http.MaxBytesReader</c> error in Vault.</summary>
internal sealed class RequestTooLargeException : Exception
{
    /// <summary>Vault's error text for it, from Go's net/http.</summary>
    public const string VaultMessage = "http: request body too large";

    public RequestTooLargeException()
        : base(VaultMessage)
    {
    }
}
