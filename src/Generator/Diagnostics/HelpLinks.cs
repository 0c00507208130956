namespace VaultPathGen.Generator
{
    /// <summary>
    /// Where every diagnostic's help link points: the one place that names the address, shared by the
    /// generator and the analyzers (linked in). Each id's page is <c>docs/diagnostics/&lt;ID&gt;.md</c>;
    /// a test checks that every link lands on a page that exists.
    /// </summary>
    internal static class HelpLinks
    {
        /// <summary>The address of docs/diagnostics/ in the repository, with a trailing slash.</summary>
        public const string Base = "https://github.com/vaultpathgen/vaultpathgen/blob/main/docs/diagnostics/";

        /// <summary>The help link of <paramref name="id"/>.</summary>
        public static string For(string id) => Base + id + ".md";
    }
}
