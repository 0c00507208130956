using VaultPathGen.Generator.Helpers;

namespace VaultPathGen.Generator.Model
{
    internal sealed partial record BackendSpec
    {
        /// <summary>The declared secret types, in ordinal order of name.</summary>
        public EquatableArray<SecretTypeSpec> SecretTypes { get; init; }
    }
}
