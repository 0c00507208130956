namespace VaultPathGen.Package.Tests;

/// <summary>
/// A clean copy of what `dotnet pack` reads (src/, templates/ and the repository-wide MSBuild
/// files), without bin/ and obj/: packs start from nothing, and the repository's own build
/// outputs are never touched.
/// </summary>
internal static class SourceCopy
{
    private static readonly string[] Folders = ["src", "templates"];
    private static readonly string[] Files = ["Directory.Build.props", "Directory.Packages.props", ".editorconfig"];

    public static void Make(string repoRoot, string destination)
    {
        foreach (var folder in Folders)
        {
            CopyTree(Path.Combine(repoRoot, folder), Path.Combine(destination, folder));
        }

        foreach (var file in Files)
        {
            File.Copy(Path.Combine(repoRoot, file), Path.Combine(destination, file));
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            if (Path.GetFileName(directory) is not ("bin" or "obj"))
            {
                CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }
    }
}
