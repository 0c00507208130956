namespace VaultPathGen.Analyzers
{
    internal static class AnalyzerAssembly
    {
    }
}
