using System.Globalization;

namespace Relay.Actors.TestKit;

/// <summary>
/// Timing of the TestKit's expectations (Akka.TestKit's settings). Default timeouts are multiplied by
/// <see cref="TestTimeFactor"/>, read from the <c>RELAY_TESTKIT_DILATION</c> environment variable
/// (Akka's <c>akka.test.timefactor</c>), so a slow or loaded machine can be given more time without
/// touching the tests.
/// </summary>
public sealed record TestKitSettings
{
    /// <summary>The environment variable holding the time factor (a positive number, e.g. <c>2.5</c>).</summary>
    public const string DilationVariable = "RELAY_TESTKIT_DILATION";

    /// <summary>Settings read from the environment once.</summary>
    public static TestKitSettings Default { get; } = FromEnvironment();

    /// <summary>Factor applied to default timeouts and to durations passed through <c>Dilated</c>.</summary>
    public double TestTimeFactor { get; init; } = 1.0;

    /// <summary>
    /// Timeout of an expectation without an explicit one: 3 s, Akka's <c>single-expect-default</c>; ample for
    /// a message to cross a loaded machine, short enough that a missing message fails fast.
    /// </summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long disposing a TestKit waits for its actor system to terminate: 10 s (Akka's
    /// <c>default-timeout</c> for shutdown verification is 5 s; stopping thousands of stress-test actors
    /// on two loaded cores can take longer).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reads <see cref="DilationVariable"/>; invalid or non-positive values mean 1.</summary>
    public static TestKitSettings FromEnvironment() => FromDilation(Environment.GetEnvironmentVariable(DilationVariable));

    internal static TestKitSettings FromDilation(string? raw)
    {
        var factor = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
            && f > 0 && double.IsFinite(f) ? f : 1.0;
        return new TestKitSettings { TestTimeFactor = factor };
    }

    /// <summary>Scales <paramref name="duration"/> by <see cref="TestTimeFactor"/>.</summary>
    /// <param name="duration">The nominal duration.</param>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TestTimeFactor));
}
