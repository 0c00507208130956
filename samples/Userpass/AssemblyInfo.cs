[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Userpass.Tests")]
