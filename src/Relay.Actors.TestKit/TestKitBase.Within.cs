using System.Diagnostics;
using Xunit;

namespace Relay.Actors.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>
    /// Runs <paramref name="actionAsync"/>, which must finish within <paramref name="max"/> (dilated); expectations
    /// without an explicit timeout inside it wait at most for the time left (Akka's <c>within</c>).
    /// </summary>
    /// <param name="max">The time limit.</param>
    /// <param name="actionAsync">The block.</param>
    /// <param name="epsilonValue">Extra slack after the limit (default 0).</param>
    /// <param name="cancellationToken">Passed through.</param>
    public Task WithinAsync(TimeSpan max, Func<Task> actionAsync, TimeSpan? epsilonValue = null,
        CancellationToken cancellationToken = default) =>
        WithinAsync(TimeSpan.Zero, max, actionAsync, null, epsilonValue, cancellationToken);

    /// <summary>Like <see cref="WithinAsync(TimeSpan, Func{Task}, TimeSpan?, CancellationToken)"/>, also
    /// requiring the block to take at least <paramref name="min"/>.</summary>
    /// <param name="min">The minimum duration.</param>
    /// <param name="max">The time limit.</param>
    /// <param name="actionAsync">The block.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="epsilonValue">Extra slack after the limit (default 0).</param>
    /// <param name="cancellationToken">Passed through.</param>
    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> actionAsync, string? hint = null,
        TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actionAsync);
        await WithinAsync(min, max, async () =>
        {
            await actionAsync().ConfigureAwait(false);
            return true;
        }, hint, epsilonValue, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="function"/> within <paramref name="max"/> (dilated) and returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="max">The time limit.</param>
    /// <param name="function">The block.</param>
    /// <param name="epsilonValue">Extra slack after the limit (default 0).</param>
    /// <param name="cancellationToken">Passed through.</param>
    public Task<T> WithinAsync<T>(TimeSpan max, Func<Task<T>> function, TimeSpan? epsilonValue = null,
        CancellationToken cancellationToken = default) =>
        WithinAsync(TimeSpan.Zero, max, function, null, epsilonValue, cancellationToken);

    /// <summary>Runs <paramref name="function"/>, which must take between <paramref name="min"/> and
    /// <paramref name="max"/> (dilated), and returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="min">The minimum duration.</param>
    /// <param name="max">The time limit.</param>
    /// <param name="function">The block.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="epsilonValue">Extra slack after the limit (default 0).</param>
    /// <param name="cancellationToken">Passed through.</param>
    public async Task<T> WithinAsync<T>(TimeSpan min, TimeSpan max, Func<Task<T>> function, string? hint = null,
        TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        cancellationToken.ThrowIfCancellationRequested();
        var dilatedMax = Dilated(max);
        var start = DateTimeOffset.UtcNow;
        var outer = _end;
        var end = start + dilatedMax;
        _end = outer is { } o && o < end ? o : end;
        var clock = Stopwatch.StartNew();
        T result;
        try
        {
            result = await function().ConfigureAwait(false);
        }
        finally
        {
            _end = outer;
        }
        var elapsed = clock.Elapsed;
        if (elapsed < min)
            Assert.Fail($"Failed: block took {elapsed}, should at least have been {min}{HintSuffix(hint)}");
        var limit = dilatedMax + (epsilonValue ?? TimeSpan.Zero);
        if (elapsed > limit)
            Assert.Fail($"Failed: block took {elapsed}, exceeding {limit}{HintSuffix(hint)}");
        return result;
    }
}
