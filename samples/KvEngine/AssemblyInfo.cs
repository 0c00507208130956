[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("KvEngine.Tests")]
