namespace KvEngine;

internal static class Program
{
    private static int Main()
    {
        Console.Error.WriteLine("KvEngine: sample under construction.");
        return 1;
    }
}
