namespace VaultPathGen;

/// <summary>
/// A field's value together with whether the request sent it: Vault's <c>d.GetOk("name")</c>
/// with typed binding. Declare a handler parameter as <c>FieldValue&lt;int&gt;</c> (any supported
/// field type) and the generator binds it: <see cref="IsSet"/> is true when the field was in the
/// request, and <see cref="Value"/> is the sent value, or else the field's <c>Default</c>, or else
/// Vault's zero value, exactly what a plain <c>int</c> parameter would get.
/// </summary>
/// <typeparam name="T">A field type (docs/field-types.md), not nullable: absence is <see cref="IsSet"/>.</typeparam>
public readonly struct FieldValue<T> : IEquatable<FieldValue<T>>
{
    /// <summary>A value and whether it was sent.</summary>
    public FieldValue(T value, bool isSet)
    {
        Value = value;
        IsSet = isSet;
    }

    /// <summary>The sent value, or the default the field has when it was not sent.</summary>
    public T Value { get; }

    /// <summary>Whether the request (body, query or path) carried the field, as Vault's <c>GetOk</c> says.</summary>
    public bool IsSet { get; }

    /// <summary>Both at once, as Go's <c>value, ok := d.GetOk(…)</c>: <c>var (ttl, sent) = ttlField;</c>.</summary>
    public void Deconstruct(out T value, out bool isSet)
    {
        value = Value;
        isSet = IsSet;
    }

    /// <summary>Whether two field values hold equal values and were both sent or both not.</summary>
    public static bool operator ==(FieldValue<T> left, FieldValue<T> right) => left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    public static bool operator !=(FieldValue<T> left, FieldValue<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(FieldValue<T> other) => IsSet == other.IsSet && EqualityComparer<T>.Default.Equals(Value, other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldValue<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsSet, Value);

    // The value may be a secret (Sensitive fields): string conversion never shows it.

    /// <summary>Whether the field was sent, never its value (which may be a secret).</summary>
    public override string ToString() => IsSet ? "FieldValue (set)" : "FieldValue (not set)";
}
