namespace Relay.LoadGenerator.Output;

/// <summary>A scenario's outcome: serialised whole for <c>--json</c>, shown as rows otherwise.</summary>
internal interface IScenarioResult
{
    /// <summary>The scenario's command name.</summary>
    string Scenario { get; }

    /// <summary>Whether every expected answer arrived (OKs, deliveries, EOSEs, connections); the exit code is 1 otherwise.</summary>
    bool Complete { get; }

    /// <summary>Label and value pairs for the human-readable table, in display order.</summary>
    IEnumerable<(string Label, string Value)> Rows();
}
