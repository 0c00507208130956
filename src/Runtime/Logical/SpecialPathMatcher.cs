// Linked into the analyzers (netstandard2.0): the analyzers validate special paths with the rules
// the runtime matches them by. Keep it free of newer APIs.
#pragma warning disable CA1510, CA1847, CA1865, CA2249
using System;
using System.Collections.Generic;

namespace VaultPathGen
{
    /// <summary>Which list of Vault's <c>logical.Paths</c> a pattern belongs to; each has its own matching rule.</summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    enum SpecialPathKind
    {
        /// <summary>API paths that need sudo (a root token in dev mode): exact, or a prefix with a final <c>*</c>.</summary>
        Root,
        /// <summary>API paths reachable without a token: exact, a final <c>*</c> prefix, and <c>+</c> for one whole segment.</summary>
        Unauthenticated,
        /// <summary>Storage prefixes not replicated to other clusters: every entry is a prefix.</summary>
        LocalStorage,
        /// <summary>Storage keys seal-wrapped by a capable seal: exact, or a prefix when it ends with <c>/</c>.</summary>
        SealWrapStorage,
        /// <summary>Storage prefixes whose writes a performance secondary forwards to the primary.</summary>
        WriteForwardedStorage,
    }

    /// <summary>
    /// Vault's matching of special paths (vault/router.go): for API paths the longest listed prefix
    /// decides (a final <c>*</c> makes an entry a prefix, otherwise it must equal the path), then, for
    /// unauthenticated paths only, entries with <c>+</c> segments are tried segment by segment.
    /// </summary>
#if VAULTPATHGEN_GENERATOR
    internal
#else
    public
#endif
    sealed class SpecialPathMatcher
    {
        private readonly SpecialPathKind _kind;
        private readonly List<KeyValuePair<string, bool>> _plain = new List<KeyValuePair<string, bool>>();
        private readonly List<KeyValuePair<string[], bool>> _wildcards = new List<KeyValuePair<string[], bool>>();

        /// <summary>A matcher for <paramref name="patterns"/>; invalid patterns throw (check them with <see cref="Validate"/>).</summary>
        public SpecialPathMatcher(SpecialPathKind kind, IEnumerable<string> patterns)
        {
            if (patterns is null)
            {
                throw new ArgumentNullException(nameof(patterns));
            }

            _kind = kind;
            foreach (var pattern in patterns)
            {
                var error = Validate(kind, pattern);
                if (error != null)
                {
                    throw new ArgumentException(error, nameof(patterns));
                }

                var text = pattern;
                var prefix = IsPrefix(kind, text);
                if (text.EndsWith("*", StringComparison.Ordinal))
                {
                    text = text.Substring(0, text.Length - 1);
                }

                if (kind == SpecialPathKind.Unauthenticated && text.IndexOf('+') >= 0)
                {
                    _wildcards.Add(new KeyValuePair<string[], bool>(text.Split('/'), prefix));
                }
                else
                {
                    _plain.Add(new KeyValuePair<string, bool>(text, prefix));
                }
            }
        }

        /// <summary>Whether <paramref name="path"/> (relative to the mount, no leading slash) is one of the listed paths.</summary>
        public bool Matches(string path)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            // The longest listed prefix of the path decides, as in Vault's radix tree lookup: an exact
            // entry that is only a prefix of the path hides any shorter prefix entry.
            string? longest = null;
            var longestIsPrefix = false;
            foreach (var entry in _plain)
            {
                if (path.StartsWith(entry.Key, StringComparison.Ordinal) && (longest is null || entry.Key.Length > longest.Length))
                {
                    longest = entry.Key;
                    longestIsPrefix = entry.Value;
                }
            }

            if (longest != null && (longestIsPrefix || longest.Length == path.Length))
            {
                return true;
            }

            if (_kind == SpecialPathKind.Root)
            {
                return false;
            }

            if (_wildcards.Count == 0)
            {
                return false;
            }

            var parts = path.Split('/');
            foreach (var wildcard in _wildcards)
            {
                if (SegmentsMatch(parts, wildcard.Key, wildcard.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Why <paramref name="pattern"/> is not a valid entry of <paramref name="kind"/>, or null when it is.</summary>
        public static string? Validate(SpecialPathKind kind, string pattern)
        {
            if (pattern is null || pattern.Length == 0)
            {
                return "a special path cannot be empty";
            }

            if (pattern.StartsWith("/", StringComparison.Ordinal))
            {
                return "special paths are relative to the mount and have no leading '/'";
            }

            var stars = Count(pattern, '*');
            var storage = kind == SpecialPathKind.LocalStorage || kind == SpecialPathKind.SealWrapStorage || kind == SpecialPathKind.WriteForwardedStorage;
            if (storage && stars > 0)
            {
                return "storage paths are prefixes or exact keys, without '*'"
                    + (kind == SpecialPathKind.SealWrapStorage ? "; end a prefix with '/'" : "");
            }

            if (stars > 1)
            {
                return "only one '*' is allowed";
            }

            if (stars == 1 && pattern[pattern.Length - 1] != '*')
            {
                return "'*' is only allowed at the end of a path";
            }

            if (pattern.IndexOf('+') < 0)
            {
                return null;
            }

            if (kind != SpecialPathKind.Unauthenticated)
            {
                return "'+' wildcards are only allowed in unauthenticated paths";
            }

            if (pattern.IndexOf("+*", StringComparison.Ordinal) >= 0)
            {
                return "'+*' is not allowed";
            }

            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '+' && ((i > 0 && pattern[i - 1] != '/') || (i + 1 < pattern.Length && pattern[i + 1] != '/')))
                {
                    return "'+' must be a whole path segment, as in 'roles/+/login'";
                }
            }

            return null;
        }

        private static bool IsPrefix(SpecialPathKind kind, string pattern)
        {
            switch (kind)
            {
                case SpecialPathKind.LocalStorage:
                case SpecialPathKind.WriteForwardedStorage:
                    return true;
                case SpecialPathKind.SealWrapStorage:
                    return pattern.EndsWith("/", StringComparison.Ordinal);
                default:
                    return pattern.EndsWith("*", StringComparison.Ordinal);
            }
        }

        private static bool SegmentsMatch(string[] path, string[] wildcard, bool isPrefix)
        {
            if (path.Length < wildcard.Length || (!isPrefix && path.Length != wildcard.Length))
            {
                return false;
            }

            for (var i = 0; i < wildcard.Length; i++)
            {
                var part = wildcard[i];
                var last = i == wildcard.Length - 1;
                if (part == "+" || part == path[i] || (isPrefix && last && path[i].StartsWith(part, StringComparison.Ordinal)))
                {
                    continue;
                }

                return false;
            }

            return true;
        }

        private static int Count(string text, char c)
        {
            var n = 0;
            foreach (var x in text)
            {
                if (x == c)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
