using System.Collections.Generic;
using System.Globalization;
using System.Text;
using VaultPathGen.OpenApi;

namespace VaultPathGen.Generator.Emitting.OpenApi
{
    /// <summary>
    /// A tiny ordered JSON tree for writing the OpenAPI document: the generator runs on
    /// netstandard2.0 inside the compiler, where System.Text.Json is not available.
    /// </summary>
    internal abstract class JsonTree
    {
        public abstract void Write(StringBuilder sb, int indent);

        public string ToJson()
        {
            var sb = new StringBuilder();
            Write(sb, 0);
            return sb.ToString();
        }

        public static JsonTree Str(string s) => new JsonRaw(Quote(s));

        /// <summary>An operationId or schema reference, which may hold <see cref="OpenApiMarkers"/> placeholders.</summary>
        public static JsonTree Id(string s) => new JsonRaw(Quote(s, keepMarkers: true));

        public static JsonTree Bool(bool b) => new JsonRaw(b ? "true" : "false");

        public static JsonTree Int(int i) => new JsonRaw(i.ToString(CultureInfo.InvariantCulture));

        /// <summary>A JSON literal written as is (defaults and allowed values arrive as JSON text).</summary>
        public static JsonTree Raw(string json) => new JsonRaw(json);

        /// <summary>
        /// A JSON string with control characters escaped. With <paramref name="keepMarkers"/>, the
        /// placeholders <see cref="OpenApiMarkers"/> defines stay raw: only names the generator makes
        /// are written that way, so no user text can ever produce one.
        /// </summary>
        public static string Quote(string s, bool keepMarkers = false)
        {
            var sb = new StringBuilder(s.Length + 2).Append('"');
            foreach (var c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < ' ' && !(keepMarkers && (c == OpenApiMarkers.HyphenatedPrefix || c == OpenApiMarkers.TitlePrefix)))
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }

        protected static void NewLine(StringBuilder sb, int indent) => sb.Append('\n').Append(' ', indent * 2);
    }

    internal sealed class JsonRaw : JsonTree
    {
        private readonly string _text;

        public JsonRaw(string text) => _text = text;

        public string Text => _text;

        /// <summary>Multi-line text (a schema written as a tree elsewhere) is indented to its place.</summary>
        public override void Write(StringBuilder sb, int indent) => sb.Append(_text.Replace("\n", "\n" + new string(' ', indent * 2)));
    }

    /// <summary>An object whose properties keep insertion order; setting a key again replaces its value in place.</summary>
    internal sealed class JsonObj : JsonTree
    {
        private readonly List<KeyValuePair<string, JsonTree>> _properties = new List<KeyValuePair<string, JsonTree>>();
        private readonly HashSet<string> _idKeys = new HashSet<string>();

        public int Count => _properties.Count;

        public JsonObj Set(string key, JsonTree value)
        {
            for (var i = 0; i < _properties.Count; i++)
            {
                if (_properties[i].Key == key)
                {
                    _properties[i] = new KeyValuePair<string, JsonTree>(key, value);
                    return this;
                }
            }

            _properties.Add(new KeyValuePair<string, JsonTree>(key, value));
            return this;
        }

        public JsonObj Set(string key, string value) => Set(key, Str(value));

        /// <summary>A property whose key is a generated name that may hold placeholders (a schema name).</summary>
        public JsonObj SetId(string key, JsonTree value)
        {
            _idKeys.Add(key);
            return Set(key, value);
        }

        public JsonTree? Get(string key)
        {
            foreach (var p in _properties)
            {
                if (p.Key == key)
                {
                    return p.Value;
                }
            }

            return null;
        }

        public override void Write(StringBuilder sb, int indent)
        {
            if (_properties.Count == 0)
            {
                sb.Append("{}");
                return;
            }

            sb.Append('{');
            for (var i = 0; i < _properties.Count; i++)
            {
                NewLine(sb, indent + 1);
                sb.Append(Quote(_properties[i].Key, _idKeys.Contains(_properties[i].Key))).Append(": ");
                _properties[i].Value.Write(sb, indent + 1);
                if (i + 1 < _properties.Count)
                {
                    sb.Append(',');
                }
            }

            NewLine(sb, indent);
            sb.Append('}');
        }
    }

    internal sealed class JsonArr : JsonTree
    {
        private readonly List<JsonTree> _items = new List<JsonTree>();

        public JsonArr()
        {
        }

        public JsonArr(IEnumerable<JsonTree> items) => _items.AddRange(items);

        public int Count => _items.Count;

        public JsonArr Add(JsonTree item)
        {
            _items.Add(item);
            return this;
        }

        public override void Write(StringBuilder sb, int indent)
        {
            if (_items.Count == 0)
            {
                sb.Append("[]");
                return;
            }

            sb.Append('[');
            for (var i = 0; i < _items.Count; i++)
            {
                NewLine(sb, indent + 1);
                _items[i].Write(sb, indent + 1);
                if (i + 1 < _items.Count)
                {
                    sb.Append(',');
                }
            }

            NewLine(sb, indent);
            sb.Append(']');
        }
    }
}
