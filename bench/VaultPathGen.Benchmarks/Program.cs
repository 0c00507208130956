using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(VaultPathGen.Benchmarks.RoutingBenchmarks).Assembly).Run(args);
