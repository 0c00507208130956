using VaultPathGen.Routing;

namespace VaultPathGen.Tests.Routing;

/// <summary>The character classes routing scans names with, against Go's classes spelled out: <c>\w</c> is <c>[0-9A-Za-z_]</c>.</summary>
public class PathMatchTests
{
    private static bool Word(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    [Fact]
    public void Every_char_is_classed_as_Go_classes_it()
    {
        var wrong = new List<string>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (PathMatch.IsWordChar(c) != Word(c)
                || PathMatch.IsNameChar(c, allowAt: false) != (Word(c) || c is '-' or '.')
                || PathMatch.IsNameChar(c, allowAt: true) != (Word(c) || c is '-' or '.' or '@'))
            {
                wrong.Add("U+" + i.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("roles/web-1", 6, false, 11)]
    [InlineData("roles/web-1/rotate", 6, false, 11)]
    [InlineData("u/me@corp.com", 2, true, 13)]
    [InlineData("u/me@corp.com", 2, false, 4)]
    [InlineData("u/-x", 2, false, -1)]
    [InlineData("u/x-", 2, false, -1)]
    [InlineData("u/x-/y", 2, false, -1)]
    [InlineData("u/", 2, false, -1)]
    [InlineData("u/é", 2, false, -1)]
    [InlineData("u/aé", 2, false, 3)]
    [InlineData("u/a", 2, false, 3)]
    [InlineData("u", 2, false, -1)]
    [InlineData("u/me@", 2, true, -1)]
    [InlineData("u/a.b-c_d", 2, false, 9)]
    [InlineData("u/a..", 2, false, -1)]
    [InlineData("u/@a", 2, true, -1)]
    public void ScanName_takes_the_longest_run_that_starts_and_ends_with_a_word_char(string path, int start, bool allowAt, int end)
        => Assert.Equal(end, PathMatch.ScanName(path, start, allowAt));
}
