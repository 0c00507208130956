namespace VaultPathGen;

/// <summary>Narrowing conversions the generated binding applies to Vault's 64-bit values.</summary>
public static class FieldConversions
{
    /// <summary>Converts every element to <c>int</c>; false when one does not fit.</summary>
    public static bool TryToInt32Array(long[] values, out int[] result)
    {
        ArgumentNullException.ThrowIfNull(values);
        result = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is < int.MinValue or > int.MaxValue)
            {
                result = [];
                return false;
            }

            result[i] = (int)values[i];
        }

        return true;
    }
}
