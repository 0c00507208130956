using VaultPathGen.Generator.Model;

namespace VaultPathGen.Generator.Emitting.OpenApi
{
    /// <summary>
    /// <c>x-vault-displayAttrs</c> as Vault writes it (sdk/framework/path.go, <c>DisplayAttributes</c>,
    /// through openapi.go's <c>withoutOperationHints</c>): the set attributes in Vault's order, the
    /// operationId hints never, and nothing at all when only hints are set.
    /// </summary>
    internal static class OpenApiDisplayAttributes
    {
        public const string Key = "x-vault-displayAttrs";

        /// <summary>The object for <paramref name="display"/>, with <c>sensitive</c> forced by <paramref name="sensitive"/>; null when empty.</summary>
        public static JsonObj? For(DisplaySpec? display, bool sensitive = false)
        {
            if ((display is null || !display.HasShownAttributes) && !sensitive)
            {
                return null;
            }

            var o = new JsonObj();
            if (display?.Name != null)
            {
                o.Set("name", display.Name);
            }

            if (display?.Description != null)
            {
                o.Set("description", display.Description);
            }

            if (display?.ValueJson != null)
            {
                o.Set("value", JsonTree.Raw(display.ValueJson));
            }

            if (sensitive || display?.Sensitive == true)
            {
                o.Set("sensitive", JsonTree.Bool(true));
            }

            if (display?.Navigation == true)
            {
                o.Set("navigation", JsonTree.Bool(true));
            }

            if (display?.ItemType != null)
            {
                o.Set("itemType", display.ItemType);
            }

            if (display?.Group != null)
            {
                o.Set("group", display.Group);
            }

            if (display?.Action != null)
            {
                o.Set("action", display.Action);
            }

            if (display?.EditType != null)
            {
                o.Set("editType", display.EditType);
            }

            return o;
        }
    }
}
