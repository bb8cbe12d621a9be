using BenchmarkDotNet.Running;

// Benchmarks run by hand, never by the tests: dotnet run -c Release --project bench/PacsEdge.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
