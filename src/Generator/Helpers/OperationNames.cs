namespace VaultPathGen.Generator.Helpers
{
    /// <summary>
    /// The runtime's <c>Operation</c> enum as the generator sees it (attribute arguments arrive as
    /// their underlying int): member names for emitted code, wire names for messages.
    /// </summary>
    internal static class OperationNames
    {
        public const int Create = 0;
        public const int Help = 6;

        private static readonly string[] Members = { "Create", "Read", "Update", "Patch", "Delete", "List", "Help", "AliasLookahead", "ResolveRole", "Header", "Renew", "Revoke", "Rollback" };
        private static readonly string[] Wire = { "create", "read", "update", "patch", "delete", "list", "help", "alias-lookahead", "resolve-role", "header", "renew", "revoke", "rollback" };

        public static string Member(int op) =>
            op >= 0 && op < Members.Length ? Members[op] : op.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The enum value of a member name, or -1.</summary>
        public static int Value(string member) => System.Array.IndexOf(Members, member);

        public static string WireName(int op) =>
            op >= 0 && op < Wire.Length ? Wire[op] : op.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
