namespace VaultPathGen.Generator.Model
{
    internal sealed partial record BackendSpec
    {
        /// <summary>The [WalRollback] method, if any.</summary>
        public WalRollbackSpec? WalRollback { get; init; }
    }
}
