[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DynamicCreds.Tests")]
