namespace VaultPathGen;

/// <summary>The operations Vault sends to a backend (Vault's <c>logical.Operation</c>).</summary>
public enum Operation
{
    /// <summary><c>create</c>: a write to a path whose existence check found nothing.</summary>
    Create,
    /// <summary><c>read</c>.</summary>
    Read,
    /// <summary><c>update</c>: a write to an existing item, or to a path with no existence check.</summary>
    Update,
    /// <summary><c>patch</c>: an HTTP PATCH (JSON merge patch).</summary>
    Patch,
    /// <summary><c>delete</c>.</summary>
    Delete,
    /// <summary><c>list</c>: the path always arrives with a trailing slash.</summary>
    List,
    /// <summary><c>help</c>.</summary>
    Help,
    /// <summary><c>alias-lookahead</c> (auth methods).</summary>
    AliasLookahead,
    /// <summary><c>resolve-role</c> (auth methods).</summary>
    ResolveRole,
    /// <summary><c>header</c>: an HTTP HEAD.</summary>
    Header,
    /// <summary><c>renew</c>: routed by secret type, not by path.</summary>
    Renew,
    /// <summary><c>revoke</c>: routed by secret type, not by path.</summary>
    Revoke,
    /// <summary><c>rollback</c>: the periodic tick.</summary>
    Rollback,
}

/// <summary>Vault's wire names for <see cref="Operation"/>.</summary>
public static class OperationNames
{
    /// <summary>The name Vault uses on the wire, e.g. <c>alias-lookahead</c>.</summary>
    public static string ToWireName(this Operation operation) => operation switch
    {
        Operation.Create => "create",
        Operation.Read => "read",
        Operation.Update => "update",
        Operation.Patch => "patch",
        Operation.Delete => "delete",
        Operation.List => "list",
        Operation.Help => "help",
        Operation.AliasLookahead => "alias-lookahead",
        Operation.ResolveRole => "resolve-role",
        Operation.Header => "header",
        Operation.Renew => "renew",
        Operation.Revoke => "revoke",
        Operation.Rollback => "rollback",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>Parses Vault's wire name; false for names this runtime does not know.</summary>
    public static bool TryParse(string? name, out Operation operation)
    {
        switch (name)
        {
            case "create": operation = Operation.Create; return true;
            case "read": operation = Operation.Read; return true;
            case "update": operation = Operation.Update; return true;
            case "patch": operation = Operation.Patch; return true;
            case "delete": operation = Operation.Delete; return true;
            case "list": operation = Operation.List; return true;
            case "help": operation = Operation.Help; return true;
            case "alias-lookahead": operation = Operation.AliasLookahead; return true;
            case "resolve-role": operation = Operation.ResolveRole; return true;
            case "header": operation = Operation.Header; return true;
            case "renew": operation = Operation.Renew; return true;
            case "revoke": operation = Operation.Revoke; return true;
            case "rollback": operation = Operation.Rollback; return true;
            default: operation = default; return false;
        }
    }
}
