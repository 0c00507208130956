using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Userpass;

/// <summary>
/// Salted password hashes with the platform's PBKDF2 (HMAC-SHA-256): what is stored is
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (base64), never the password. Vault's
/// userpass uses bcrypt; the stored form is private to this plugin, so either does.
/// </summary>
internal static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>
    /// Iterations for new hashes. OWASP suggests 600,000 for PBKDF2-SHA-256; this sample trades some
    /// of that for logins that stay quick on small hosts. The count is stored, so it can be raised later.
    /// </summary>
    internal const int Iterations = 100_000;

    /// <summary>A hash nobody's password matches, so unknown users cost the same time as known ones.</summary>
    private static readonly string Dummy = Hash("dummy password for timing");

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>; null or malformed hashes never match but take as long.</summary>
    public static bool Verify(string password, string? stored)
    {
        var parts = (stored ?? Dummy).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            parts = Dummy.Split('$');
            iterations = Iterations;
            stored = null;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(password, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations)
        => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
