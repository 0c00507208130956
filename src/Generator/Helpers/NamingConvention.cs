using System.Text;

namespace VaultPathGen.Generator.Helpers
{
    /// <summary>
    /// C# parameter names to Vault's snake_case wire names: <c>maxVersions</c> → <c>max_versions</c>,
    /// <c>casRequired</c> → <c>cas_required</c>, <c>ttlURL</c> → <c>ttl_url</c>, <c>ipV4</c> → <c>ip_v4</c>.
    /// </summary>
    internal static class NamingConvention
    {
        public static string ToSnakeCase(string name)
        {
            var sb = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c))
                {
                    var previousLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                    var acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if ((previousLower || acronymEnd) && sb.Length > 0 && sb[sb.Length - 1] != '_')
                    {
                        sb.Append('_');
                    }

                    sb.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString().TrimStart('_');
        }

        public static bool IsValidFieldName(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            foreach (var c in name!)
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
