// Linked into the generator (netstandard2.0): keep this file free of newer APIs.
namespace VaultPathGen
{
    /// <summary>Vault's field types (<c>framework.FieldType</c>); each has Vault's coercion rules.</summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    enum FieldType
    {
        /// <summary>Not a valid type.</summary>
        Invalid = 0,
        /// <summary><c>TypeString</c>.</summary>
        String,
        /// <summary><c>TypeInt</c> (64-bit in Vault).</summary>
        Int,
        /// <summary><c>TypeInt64</c>.</summary>
        Int64,
        /// <summary><c>TypeBool</c>.</summary>
        Bool,
        /// <summary><c>TypeMap</c>: a JSON object.</summary>
        Map,
        /// <summary><c>TypeDurationSecond</c>: a non-negative duration in whole seconds.</summary>
        DurationSecond,
        /// <summary><c>TypeSignedDurationSecond</c>: a duration in whole seconds that may be negative.</summary>
        SignedDurationSecond,
        /// <summary><c>TypeSlice</c>: a list of any JSON values.</summary>
        Slice,
        /// <summary><c>TypeStringSlice</c>.</summary>
        StringSlice,
        /// <summary><c>TypeCommaStringSlice</c>: strings split on commas.</summary>
        CommaStringSlice,
        /// <summary><c>TypeLowerCaseString</c>.</summary>
        LowerCaseString,
        /// <summary><c>TypeNameString</c>: a name matching <c>^\w(([\w-.]+)?\w)?$</c>.</summary>
        NameString,
        /// <summary><c>TypeKVPairs</c>: a map of strings.</summary>
        KVPairs,
        /// <summary><c>TypeCommaIntSlice</c>: integers split on commas.</summary>
        CommaIntSlice,
        /// <summary><c>TypeHeader</c>: HTTP headers.</summary>
        Header,
        /// <summary><c>TypeFloat</c>.</summary>
        Float,
        /// <summary><c>TypeTime</c>: an absolute time.</summary>
        Time,
    }
}
