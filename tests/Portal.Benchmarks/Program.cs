using BenchmarkDotNet.Running;
using Portal.Benchmarks.Labs;

// `-- ingest` runs the lab-ingestion comparison against Azurite (docs/PERFORMANCE.md); anything else goes to BenchmarkDotNet.
if (args is ["ingest", ..])
{
    return await IngestBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmark).Assembly).Run(args);
return 0;
