using System.Security.Cryptography;
using System.Text;

namespace MyAuth;

/// <summary>
/// Salted PBKDF2 (HMAC-SHA-256) password hashes, stored as <c>&lt;salt&gt;$&lt;hash&gt;</c> in base64.
/// Swap in what your organisation mandates; the stored form is private to this plugin.
/// </summary>
internal static class PasswordHash
{
    private const int Iterations = 100_000;

    /// <summary>A hash no password matches: unknown users cost as much time as wrong passwords, so timing does not reveal who exists.</summary>
    private static readonly string Nobody = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String(salt) + "$" + Convert.ToBase64String(Derive(password, salt));
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>; a null <paramref name="stored"/> never matches but takes as long.</summary>
    public static bool Verify(string password, string? stored)
    {
        var parts = (stored ?? Nobody).Split('$');
        var matches = CryptographicOperations.FixedTimeEquals(Derive(password, Convert.FromBase64String(parts[0])), Convert.FromBase64String(parts[1]));
        return matches && stored is not null;
    }

    private static byte[] Derive(string password, byte[] salt)
        => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
