namespace VaultPathGen.Generator
{
    /// <summary>Names of the generator's pipeline steps; tests read them to assert caching.</summary>
    public static class TrackingNames
    {
        /// <summary>Symbols and syntax read into a model plus diagnostics.</summary>
        public const string Parse = "VaultPathGen.Parse";

        /// <summary>The diagnostics of a backend.</summary>
        public const string Diagnostics = "VaultPathGen.Diagnostics";

        /// <summary>The model of a valid backend, which the emitter reads.</summary>
        public const string Backends = "VaultPathGen.Backends";
    }
}
