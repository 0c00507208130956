using System.Text;

namespace VaultPathGen.Generator.Helpers
{
    /// <summary>A minimal indented writer for generated C#.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private int _indent;

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _sb.Append(' ', _indent * 4);
            }

            _sb.Append(text).Append('\n');
            return this;
        }

        public SourceWriter Open(string text)
        {
            if (text.Length > 0)
            {
                Line(text);
            }

            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        public override string ToString() => _sb.ToString();
    }
}
