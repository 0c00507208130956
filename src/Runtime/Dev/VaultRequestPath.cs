using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace VaultPathGen.Dev;

/// <summary>
/// The request path as Vault's Go server sees it: fully percent-decoded (Kestrel keeps <c>%2F</c>
/// encoded), then cleaned like Go's <c>path.Clean</c> (no empty, <c>.</c> or <c>..</c> segments),
/// keeping a trailing slash, which marks a folder for Vault.
/// </summary>
internal static class VaultRequestPath
{
    public static string Of(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        string decoded;
        if (raw is { Length: > 0 } && raw[0] == '/')
        {
            var end = raw.IndexOfAny(['?', '#']);
            decoded = Uri.UnescapeDataString(end < 0 ? raw : raw[..end]);
        }
        else
        {
            decoded = (context.Request.PathBase + context.Request.Path).Value ?? "/";
        }

        return Clean(decoded);
    }

    /// <summary>Go's <c>path.Clean</c> for an absolute path, keeping a trailing slash.</summary>
    public static string Clean(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        var cleaned = "/" + string.Join('/', segments);
        return path.EndsWith('/') && cleaned.Length > 1 ? cleaned + "/" : cleaned;
    }
}
