using System.Threading.Channels;

namespace Relay.Benchmarks.Actors;

/// <summary>
/// The baseline consumer: an unbounded single-reader channel drained by one async loop on the thread pool
/// (<c>WaitToReadAsync</c> then <c>TryRead</c> until empty), counting each message.
/// </summary>
public sealed class ChannelConsumer
{
    private readonly Channel<object> _channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public ChannelConsumer(Completion completion)
    {
        var reader = _channel.Reader;
        _loop = Task.Run(async () =>
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out _)) completion.Count();
            }
        });
    }

    public ChannelWriter<object> Writer => _channel.Writer;

    public Task StopAsync()
    {
        _channel.Writer.Complete();
        return _loop;
    }
}
