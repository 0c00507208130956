namespace VaultPathGen.Tests;

public class OperationTests
{
    [Fact]
    public void Every_operation_round_trips_through_its_wire_name()
    {
        foreach (var op in Enum.GetValues<Operation>())
        {
            Assert.True(OperationNames.TryParse(op.ToWireName(), out var parsed));
            Assert.Equal(op, parsed);
        }
    }

    [Theory]
    [InlineData("alias-lookahead", Operation.AliasLookahead)]
    [InlineData("resolve-role", Operation.ResolveRole)]
    [InlineData("list", Operation.List)]
    public void Wire_names_are_vaults(string name, Operation expected)
    {
        Assert.True(OperationNames.TryParse(name, out var op));
        Assert.Equal(expected, op);
    }

    [Fact]
    public void Unknown_names_are_refused()
    {
        Assert.False(OperationNames.TryParse("scan-all", out _));
        Assert.False(OperationNames.TryParse(null, out _));
    }
}
