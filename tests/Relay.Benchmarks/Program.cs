using BenchmarkDotNet.Running;

namespace Relay.Benchmarks;

/// <summary>
/// Entry point. Run one area:  dotnet run -c Release --project tests/Relay.Benchmarks -- --filter '*Frame*'
/// Run all:                     dotnet run -c Release --project tests/Relay.Benchmarks -- --filter '*'
/// Import data:                 dotnet run -c Release --project tests/Relay.Benchmarks -- generate-signed-events --count 1000000 --out FILE
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Not a BenchmarkDotNet benchmark: `relay import` is measured as a whole process (docs/benchmarks.md, "Import").
        if (args is ["generate-signed-events", ..])
        {
            return Import.SignedEventFile.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
