namespace VaultPathGen.Generator.Tests;
