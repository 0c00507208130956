using System.Reflection;

namespace VaultPathGen.Generator.Tests;

/// <summary>
/// The generator's internal helpers, reached by reflection: the generator links runtime files
/// (FieldType, PathTemplate…) as internal types, so granting this assembly its internals would
/// make those names ambiguous with the runtime's.
/// </summary>
internal static class GeneratorInternals
{
    private static readonly Assembly Generator = typeof(BackendGenerator).Assembly;

    public static List<string>? Expand(string vaultRegex)
    {
        var method = Generator.GetType("VaultPathGen.Generator.Emitting.OpenApi.VaultRegexExpansion", throwOnError: true)!.GetMethod("Expand")!;
        return (List<string>?)method.Invoke(null, [vaultRegex, null]);
    }

    public static string Separated(string name, char separator, bool lower) =>
        (string)Static("VaultPathGen.Generator.Parsing.ResponseSchemas", "Separated", name, separator, lower);

    public static string CamelCase(string name) =>
        (string)Static("VaultPathGen.Generator.Parsing.ResponseSchemas", "CamelCase", name);

    /// <summary>The document with the mount type in place, as the runtime and the build task do it.</summary>
    public static string ApplyMountType(string document, string mountType) =>
        (string)Static("VaultPathGen.OpenApi.OpenApiMarkers", "Apply", document, mountType);

    /// <summary>An operationId from the path's and the operation's hints, with the mount type in place.</summary>
    public static string OperationId(string path, int pathIndex, string?[] pathHints, string?[] operationHints, string operation, string mountType)
    {
        var method = Generator.GetType("VaultPathGen.Generator.Emitting.OpenApi.OpenApiOperationIds", throwOnError: true)!.GetMethods()
            .Single(m => m.Name == "Build" && m.GetParameters().Length == 9);
        var id = (string)method.Invoke(null, [path, pathIndex, pathHints[0], pathHints[1], pathHints[2], operationHints[0], operationHints[1], operationHints[2], operation])!;
        return ApplyMountType(id, mountType);
    }

    private static object Static(string type, string method, params object[] args) =>
        Generator.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, args)!;
}
