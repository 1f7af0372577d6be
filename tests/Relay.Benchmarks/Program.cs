using BenchmarkDotNet.Running;

namespace Relay.Benchmarks;

/// <summary>
/// Entry point. Run one area:  dotnet run -c Release --project tests/Relay.Benchmarks -- --filter '*Frame*'
/// Run all:                     dotnet run -c Release --project tests/Relay.Benchmarks -- --filter '*'
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
