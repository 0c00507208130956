using System.Text.Json;
using System.Text.Json.Nodes;

namespace VaultPathGen.Tests.Fields;

public class CoercionTableTests
{
    public static TheoryData<FieldType, string, string> Rows()
    {
        var data = new TheoryData<FieldType, string, string>();
        foreach (var (type, input, expected) in CoercionTable.Rows)
        {
            data.Add(type, input, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Input_is_coerced_like_vault(FieldType type, string input, string expected)
    {
        var ok = FieldCoercion.TryCoerce(type, JsonNode.Parse(input), out var value, out var error);

        if (expected.StartsWith("error", StringComparison.Ordinal))
        {
            Assert.False(ok, $"expected an error, got {FieldCoercion.ToJson(type, value)?.ToJsonString()}");
            Assert.Null(value);
            Assert.False(string.IsNullOrWhiteSpace(error));
            if (expected.StartsWith("error:", StringComparison.Ordinal))
            {
                Assert.Contains(expected["error:".Length..], error, StringComparison.Ordinal);
            }

            return;
        }

        Assert.True(ok, error);
        Assert.Null(error);
        if (expected == "absent")
        {
            Assert.Null(value);
            return;
        }

        AssertJsonEqual(expected, FieldCoercion.ToJson(type, value));
    }

    [Fact]
    public void The_table_covers_every_field_type_with_accepted_and_rejected_input()
    {
        foreach (var type in Enum.GetValues<FieldType>().Where(t => t != FieldType.Invalid))
        {
            var rows = CoercionTable.Rows.Where(r => r.Type == type).ToList();
            Assert.True(rows.Any(r => !r.Expected.StartsWith("error", StringComparison.Ordinal)), $"{type} has no accepted input");
            // Vault's TypeSlice wraps any single value, so no JSON input is an error for it.
            if (type != FieldType.Slice)
            {
                Assert.True(rows.Any(r => r.Expected.StartsWith("error", StringComparison.Ordinal)), $"{type} has no rejected input");
            }

            Assert.Contains(rows, r => r.Input == "null");
        }

        Assert.True(CoercionTable.Rows.Length >= 250, $"only {CoercionTable.Rows.Length} rows");
        Assert.Equal(CoercionTable.Rows.Length, CoercionTable.Rows.Select(r => (r.Type, r.Input)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Errors_never_echo_the_input(FieldType type)
    {
        const string Secret = "s3cr3t-P4ss";
        var inputs = new[]
        {
            $"\"{Secret}\"",
            $"[\"{Secret}\"]",
            $"{{\"{Secret}\":[\"{Secret}\"]}}",
            $"{{\"k\":{{\"{Secret}\":1}}}}",
            $"[\"{Secret}\",{{\"{Secret}\":1}}]",
            $"\"{Secret},{Secret}\"",
        };

        foreach (var input in inputs)
        {
            if (!FieldCoercion.TryCoerce(type, JsonNode.Parse(input), out _, out var error))
            {
                Assert.DoesNotContain("s3cr3t", error, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    public static TheoryData<FieldType> EveryType() => [.. Enum.GetValues<FieldType>().Where(t => t != FieldType.Invalid)];

    internal static void AssertJsonEqual(string expected, JsonNode? actual)
    {
        using var expectedDoc = JsonDocument.Parse(expected);
        using var actualDoc = JsonDocument.Parse(actual?.ToJsonString() ?? "null");
        Assert.True(
            JsonElement.DeepEquals(expectedDoc.RootElement, actualDoc.RootElement),
            $"expected {expected}, got {actual?.ToJsonString() ?? "null"}");
    }
}
