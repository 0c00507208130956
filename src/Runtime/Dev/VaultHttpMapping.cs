using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VaultPathGen.Json;

namespace VaultPathGen.Dev;

/// <summary>
/// How Vault's HTTP layer turns a request into a logical operation (vault/http/logical.go):
/// GET → read (or list with <c>?list=true</c>), LIST → list, POST/PUT → write, PATCH → patch,
/// DELETE → delete, HEAD → header, <c>?help=1</c> → help.
/// </summary>
internal static class VaultHttpMapping
{
    public const string MergePatchContentType = "application/merge-patch+json";
    /// <summary>Vault's default <c>max_request_size</c>.</summary>
    public const long MaxRequestBytes = 32L * 1024 * 1024;

    /// <summary>The operation, or an HTTP error (status and message) when the method is not Vault's.</summary>
    public static (Operation Operation, int ErrorStatus, string? Error) OperationFor(HttpRequest request)
    {
        var query = request.Query;
        if (IsTrue(query["help"]))
        {
            return (Operation.Help, 0, null);
        }

        switch (request.Method.ToUpperInvariant())
        {
            case "GET":
                return (IsTrue(query["list"]) ? Operation.List : Operation.Read, 0, null);
            case "LIST":
                return (Operation.List, 0, null);
            case "POST":
            case "PUT":
                return (Operation.Update, 0, null);
            case "PATCH":
                var contentType = request.ContentType?.Split(';')[0].Trim();
                return string.Equals(contentType, MergePatchContentType, StringComparison.OrdinalIgnoreCase)
                    ? (Operation.Patch, 0, null)
                    : (Operation.Patch, StatusCodes.Status415UnsupportedMediaType, "PATCH requires Content-Type: " + MergePatchContentType);
            case "DELETE":
                return (Operation.Delete, 0, null);
            case "HEAD":
                return (Operation.Header, 0, null);
            default:
                return (Operation.Read, StatusCodes.Status405MethodNotAllowed, "unsupported operation");
        }
    }

    /// <summary>
    /// Request data: query parameters for GET, LIST, DELETE and HEAD (a repeated key becomes a
    /// list; <c>list</c> and <c>help</c> are Vault's own), the JSON body for writes.
    /// </summary>
    public static async Task<(JsonObject? Data, int ErrorStatus, string? Error)> ReadDataAsync(HttpRequest request, Operation operation, CancellationToken cancellationToken)
    {
        if (operation is Operation.Read or Operation.List or Operation.Delete or Operation.Header or Operation.Help)
        {
            JsonObject? data = null;
            foreach (var (key, values) in request.Query)
            {
                if (key is "list" or "help")
                {
                    continue;
                }

                data ??= [];
                if (values.Count == 1)
                {
                    data[key] = JsonValue.Create(values[0]);
                }
                else
                {
                    var list = new JsonArray();
                    foreach (var value in values)
                    {
                        list.Add((JsonNode?)JsonValue.Create(value));
                    }

                    data[key] = list;
                }
            }

            return (data, 0, null);
        }

        if (request.ContentLength > MaxRequestBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, RequestTooLargeException.VaultMessage);
        }

        try
        {
            await LargeRequestMemory.AdmitAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
            var (node, _, bytes) = await VaultJsonReader.ParseAsync(request.Body, MaxRequestBytes, cancellationToken).ConfigureAwait(false);
            LargeRequestMemory.Track(request.HttpContext, bytes);
            return node switch
            {
                JsonObject obj => (obj, 0, null),
                null => (null, 0, null),
                _ => (null, StatusCodes.Status400BadRequest, "failed to parse JSON input: the body must be a JSON object"),
            };
        }
        catch (Exception e) when (e is RequestTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return (null, StatusCodes.Status413PayloadTooLarge, RequestTooLargeException.VaultMessage);
        }
        catch (JsonException e)
        {
            return (null, StatusCodes.Status400BadRequest, "failed to parse JSON input: " + e.Message);
        }
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count > 0 && VaultParse.TryParseBool(values[0] ?? "", out var b) && b;
}
