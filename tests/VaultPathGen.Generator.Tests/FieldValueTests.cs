namespace VaultPathGen.Generator.Tests;

/// <summary>FieldValue&lt;T&gt; parameters (Vault's GetOk with typed binding), compiled and run.</summary>
public class FieldValueTests
{
    private static readonly Lazy<IBackend> Backend = new(() => GeneratorHarness.Load(TestBackends.FieldValues, "Samples.FieldValues"));

    [Fact]
    public async Task Absent_fields_are_not_set_and_hold_the_default_or_zero_value()
    {
        var data = (await CompileAndRunTests.Send(Backend.Value, Operation.Update, "roles/web", "{}"))!.Data!;

        Assert.Equal(3600, data["ttl"]!.GetValue<long>());
        Assert.False(data["ttl_set"]!.GetValue<bool>());
        Assert.Equal(5, data["max_versions"]!.GetValue<int>());
        Assert.False(data["max_versions_set"]!.GetValue<bool>());
        Assert.Equal("", data["description"]!.GetValue<string>());
        Assert.False(data["description_set"]!.GetValue<bool>());
        Assert.False(data["enabled"]!.GetValue<bool>());
        Assert.False(data["enabled_set"]!.GetValue<bool>());
        Assert.Equal(0, data["policies"]!.GetValue<int>());
        Assert.False(data["policies_set"]!.GetValue<bool>());
        Assert.Null(data["not_after"]);
        Assert.False(data["extra_set"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sent_fields_are_set_even_when_they_equal_the_default_or_zero_value()
    {
        var data = (await CompileAndRunTests.Send(Backend.Value, Operation.Update, "roles/web", """
            {"ttl": "1h", "max_versions": "5", "description": "", "enabled": false, "policies": "a",
             "ports": "80,443", "not_after": "2030-01-02T03:04:05Z", "extra": {}}
            """))!.Data!;

        Assert.Equal(3600, data["ttl"]!.GetValue<long>());
        Assert.True(data["ttl_set"]!.GetValue<bool>());
        Assert.Equal(5, data["max_versions"]!.GetValue<int>());
        Assert.True(data["max_versions_set"]!.GetValue<bool>());
        Assert.True(data["description_set"]!.GetValue<bool>());
        Assert.True(data["enabled_set"]!.GetValue<bool>());
        Assert.Equal(1, data["policies"]!.GetValue<int>());
        Assert.True(data["policies_set"]!.GetValue<bool>());
        Assert.Equal(523, data["ports"]!.GetValue<int>());
        Assert.Equal("2030-01-02T03:04:05.0000000Z", data["not_after"]!.GetValue<string>());
        Assert.True(data["extra_set"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_sent_value_that_does_not_convert_is_the_usual_400()
    {
        var response = await CompileAndRunTests.Send(Backend.Value, Operation.Update, "roles/web", """{"max_versions": "many"}""");
        Assert.True(response!.IsError);
        Assert.Contains("error converting input for field \"max_versions\"", response.ErrorMessage!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_int_field_value_is_range_checked_like_an_int()
    {
        var response = await CompileAndRunTests.Send(Backend.Value, Operation.Update, "roles/web", """{"max_versions": 4294967296}""");
        Assert.True(response!.IsError);
        Assert.Contains("out of range for a 32-bit integer", response.ErrorMessage!, StringComparison.Ordinal);
    }
}
