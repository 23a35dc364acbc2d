using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Grader.Benchmarks.TapeBenchmarks).Assembly).Run(args);
