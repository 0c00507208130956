using System.Text;

namespace VaultPathGen.OpenApi
{
    /// <summary>
    /// Where the mount type goes in a compiled OpenAPI document. Vault names operations and their
    /// schemas after the mount type it passes with the help request (<c>requestResponsePrefix</c>),
    /// which is known only at run time, so the generator leaves a placeholder where Vault's default
    /// prefix goes. The placeholders are raw control characters: a JSON writer must escape those in
    /// any string, so no user text can produce them. Linked into the generator and the runtime (and
    /// mirrored by the build task that writes the document file) so all three agree.
    /// </summary>
    internal static class OpenApiMarkers
    {
        /// <summary>In an operationId: the prefix and its hyphen (<c>kv-</c>), or nothing when there is no prefix.</summary>
        public const char HyphenatedPrefix = '\u001E';

        /// <summary>In a schema name: the prefix in title case (<c>Kv</c>), or nothing.</summary>
        public const char TitlePrefix = '\u001F';

        /// <summary>The document with <paramref name="prefix"/> in place of the placeholders.</summary>
        public static string Apply(string document, string? prefix)
        {
            prefix = Sanitize(prefix);
            return document
                .Replace(HyphenatedPrefix.ToString(), prefix.Length == 0 ? "" : prefix + "-")
                .Replace(TitlePrefix.ToString(), TitleCase(prefix));
        }

        /// <summary>
        /// Vault's <c>hyphenatedToTitleCase</c>: each hyphen-separated word with its first letter
        /// upper-cased and the rest kept (<c>kv-read-data</c> → <c>KvReadData</c>).
        /// </summary>
        public static string TitleCase(string hyphenated)
        {
            var sb = new StringBuilder(hyphenated.Length);
            foreach (var word in hyphenated.Split('-'))
            {
                if (word.Length > 0)
                {
                    sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// The prefix as it may appear in an operationId: lower case, Vault's word characters and
        /// hyphens only (a mount type is such a name; anything else would break the JSON or the id).
        /// </summary>
        private static string Sanitize(string? prefix)
        {
            if (string.IsNullOrEmpty(prefix))
            {
                return "";
            }

            var sb = new StringBuilder(prefix!.Length);
            foreach (var c in prefix.ToLowerInvariant())
            {
                var word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                if (word)
                {
                    sb.Append(c);
                }
                else if (sb.Length > 0 && sb[sb.Length - 1] != '-')
                {
                    sb.Append('-');
                }
            }

            return sb.ToString().Trim('-');
        }
    }
}
