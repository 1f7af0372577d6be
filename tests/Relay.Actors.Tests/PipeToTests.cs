namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's PipeToSupportSpec.</summary>
public sealed class PipeToTests : TestKit.TestKit
{
    [Fact]
    public async Task A_completed_task_sends_its_result()
    {
        var source = new TaskCompletionSource<string>();
        _ = source.Task.PipeTo(TestActor);
        source.SetResult("done");
        await ExpectMsgAsync("done");
    }

    [Fact]
    public async Task A_faulted_task_sends_Status_Failure_with_the_exception()
    {
        var source = new TaskCompletionSource<string>();
        _ = source.Task.PipeTo(TestActor);
        source.SetException(new InvalidOperationException("failed"));
        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.IsType<InvalidOperationException>(failure.Cause);
        Assert.Equal("failed", failure.Cause.Message);
    }

    [Fact]
    public async Task A_cancelled_task_sends_Status_Failure_with_TaskCanceledException()
    {
        var source = new TaskCompletionSource<string>();
        _ = source.Task.PipeTo(TestActor);
        source.SetCanceled();
        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.IsType<TaskCanceledException>(failure.Cause);
    }

    [Fact]
    public async Task Success_and_failure_mappers_shape_the_messages()
    {
        _ = Task.FromResult(21).PipeTo(TestActor, success: i => $"result {i * 2}");
        await ExpectMsgAsync("result 42");
        _ = Task.FromException<int>(new InvalidOperationException("x")).PipeTo(TestActor, failure: e => $"error {e.Message}");
        await ExpectMsgAsync("error x");
    }

    [Fact]
    public async Task The_given_sender_is_the_sender_the_recipient_sees()
    {
        var probe = CreateTestProbe();
        _ = Task.FromResult("hi").PipeTo(TestActor, probe.Ref);
        await ExpectMsgAsync("hi");
        Assert.Equal(probe.Ref, LastSender);
        _ = Task.FromResult("anonymous").PipeTo(TestActor);
        await ExpectMsgAsync("anonymous");
        Assert.Equal(Sys.DeadLetters, LastSender);
    }

    [Fact]
    public async Task A_plain_task_sends_the_success_message_or_a_failure()
    {
        _ = Task.CompletedTask.PipeTo(TestActor, success: () => "finished");
        await ExpectMsgAsync("finished");
        _ = Task.FromException(new InvalidOperationException("plain")).PipeTo(TestActor);
        Assert.Equal("plain", (await ExpectMsgAsync<Status.Failure>()).Cause.Message);
    }

    private sealed class Fetcher : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "fetch":
                    // The idiom: start async work, pipe its result back to Self, keep the original sender.
                    Task.Run(async () =>
                    {
                        await Task.Yield();
                        return "fetched";
                    }).PipeTo(Self, Sender);
                    break;
                case string s:
                    Sender.Tell("got " + s);
                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public async Task An_actor_pipes_work_back_to_itself_keeping_the_original_sender()
    {
        var fetcher = Sys.ActorOf(Props.Create(() => new Fetcher()));
        fetcher.Tell("fetch");
        await ExpectMsgAsync("got fetched");
    }
}
