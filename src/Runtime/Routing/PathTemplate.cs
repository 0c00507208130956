// Linked into the generator (netstandard2.0). Placeholder: the parser lands with the generator.
namespace VaultPathGen.Routing
{
    internal static class PathTemplatePlaceholder
    {
    }
}
