using System.Diagnostics;
using Xunit.Abstractions;

namespace Relay.Actors.Tests.Stress;

/// <summary>
/// Thousands of actors, millions of messages, random failures, restarts and stops, bounded mailboxes that
/// overflow. Every message sent to a worker must be accounted for exactly once — processed, failed (it made
/// its worker restart), or a dead letter (worker stopped, or its bounded mailbox full) — and a worker with an
/// unbounded mailbox that was never stopped must lose nothing, since a restart keeps the mailbox. Each
/// sender's messages must come out of each worker in send order. Senders are plain threads that must never
/// block on a full mailbox. The traffic is fixed by seeds; only thread scheduling varies.
/// </summary>
public sealed class StressTests(ITestOutputHelper output)
{
    private const int Supervisors = 4;
    private const int WorkersPerSupervisor = 500;
    private const int Workers = Supervisors * WorkersPerSupervisor;   // 2000 actors (+ supervisors, collectors)
    private const int Senders = 8;
    private const int MessagesPerSender = 250_000;                   // 2,000,000 messages, then as many results
    private const int FailureOneIn = 2_000;                           // ~1,000 failures and restarts
    private const int BoundedOneIn = 10;                              // every 10th worker: capacity 64, drop newest
    private const int StoppedWorkers = 20;                            // stopped by a PoisonPill mid-run
    private const int Collectors = 4;
    private const int Seed = 20261121;

    private sealed record Work(int Target, int Sender, int Seq, bool Fail);

    private sealed record Result(int Worker, int Sender, int Seq);

    private sealed class Ledger
    {
        public readonly long[] Sent = new long[Workers];
        public readonly long[] Failed = new long[Workers];
        public readonly long[] Processed = new long[Workers];
        public readonly long[] DeadLettered = new long[Workers];
        public long OrderViolations;
        public long Accounted;
    }

    private sealed class StressFailure() : Exception("injected failure");

    private sealed class Worker(int id, IActorRef collector, Ledger ledger) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is not Work work) return;
            if (work.Fail)
            {
                Interlocked.Increment(ref ledger.Failed[id]);
                Interlocked.Increment(ref ledger.Accounted);
                throw new StressFailure();
            }
            collector.Tell(new Result(id, work.Sender, work.Seq), Self);
        }
    }

    /// <summary>Checks per (worker, sender) order and counts results; workers map to one collector each.</summary>
    private sealed class Collector(Ledger ledger) : UntypedActor
    {
        private readonly int[] _last = Enumerable.Repeat(-1, Workers * Senders).ToArray();

        protected override void OnReceive(object message)
        {
            if (message is not Result r) return;
            var slot = (r.Worker * Senders) + r.Sender;
            if (r.Seq <= _last[slot]) Interlocked.Increment(ref ledger.OrderViolations);
            _last[slot] = r.Seq;
            Interlocked.Increment(ref ledger.Processed[r.Worker]);
            Interlocked.Increment(ref ledger.Accounted);
        }
    }

    private sealed class DeadLetterCounter(Ledger ledger) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is DeadLetter { Message: Work work })
            {
                Interlocked.Increment(ref ledger.DeadLettered[work.Target]);
                Interlocked.Increment(ref ledger.Accounted);
            }
        }
    }

    private sealed class WorkerSupervisor : UntypedActor
    {
        // Restart forever; the failures are intended, so don't log a thousand of them.
        protected override SupervisorStrategy SupervisorStrategy() =>
            new OneForOneStrategy(-1, -1, _ => Directive.Restart, loggingEnabled: false);

        protected override void OnReceive(object message)
        {
            if (message is Props props) Sender.Tell(Context.ActorOf(props));
        }
    }

    [Fact]
    public async Task Under_load_with_failures_every_message_is_accounted_for_and_each_senders_order_holds()
    {
        var clock = Stopwatch.StartNew();
        await using var system = ActorSystem.Create("stress");
        var ledger = new Ledger();
        var deadLetterCounter = system.ActorOf(Props.Create(() => new DeadLetterCounter(ledger)));
        system.EventStream.Subscribe(deadLetterCounter, typeof(DeadLetter));
        var collectors = Enumerable.Range(0, Collectors).Select(_ => system.ActorOf(Props.Create(() => new Collector(ledger)))).ToArray();
        var supervisors = Enumerable.Range(0, Supervisors).Select(_ => system.ActorOf(Props.Create(() => new WorkerSupervisor()))).ToArray();
        var workers = new IActorRef[Workers];
        for (var id = 0; id < Workers; id++)
        {
            var workerId = id;
            var props = Props.Create(() => new Worker(workerId, collectors[workerId % Collectors], ledger));
            if (id % BoundedOneIn == 0) props = props.WithMailbox(new BoundedMailbox(64, MailboxOverflow.DropNewest));
            workers[id] = await supervisors[id % Supervisors].Ask<IActorRef>(props, TimeSpan.FromSeconds(10));
        }
        var seeds = new Random(Seed);
        var stopped = Enumerable.Range(0, Workers).Where(w => w % BoundedOneIn != 0).OrderBy(_ => seeds.Next()).Take(StoppedWorkers).ToHashSet();
        var stopAt = stopped.ToDictionary(w => w, _ => seeds.Next(MessagesPerSender / 10, MessagesPerSender));

        // Plain thread-pool loops, no actor: a Tell that blocked on a full mailbox would stall them here.
        var senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(() =>
        {
            var random = new Random(Seed + sender);
            for (var seq = 0; seq < MessagesPerSender; seq++)
            {
                var target = random.Next(Workers);
                var fail = random.Next(FailureOneIn) == 0;
                Interlocked.Increment(ref ledger.Sent[target]);
                workers[target].Tell(new Work(target, sender, seq, fail), ActorRefs.NoSender);
                if (sender == 0)
                {
                    foreach (var (worker, at) in stopAt)
                    {
                        if (at == seq) workers[worker].Tell(PoisonPill.Instance, ActorRefs.NoSender);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(60));
        var sendTime = clock.Elapsed;

        long total = Senders * (long)MessagesPerSender;
        for (var i = 0; i < 3000 && Volatile.Read(ref ledger.Accounted) < total; i++) await Task.Delay(10);
        await Task.Delay(100);   // anything counted twice would show up now
        output.WriteLine($"sent {total:N0} in {sendTime.TotalSeconds:F1} s, settled after {clock.Elapsed.TotalSeconds:F1} s; " +
            $"failed {ledger.Failed.Sum():N0}, dead letters {ledger.DeadLettered.Sum():N0}, processed {ledger.Processed.Sum():N0}");

        Assert.Equal(total, ledger.Sent.Sum());
        Assert.Equal(0, ledger.OrderViolations);
        Assert.True(ledger.Failed.Sum() > 500, "the run should include hundreds of failures and restarts");
        for (var w = 0; w < Workers; w++)
        {
            var accounted = ledger.Processed[w] + ledger.Failed[w] + ledger.DeadLettered[w];
            Assert.True(ledger.Sent[w] == accounted,
                $"worker {w}: sent {ledger.Sent[w]}, processed {ledger.Processed[w]} + failed {ledger.Failed[w]} + dead {ledger.DeadLettered[w]}");
            if (w % BoundedOneIn != 0 && !stopped.Contains(w))
                Assert.True(ledger.DeadLettered[w] == 0, $"worker {w} lost {ledger.DeadLettered[w]} messages across restarts");
        }
        Assert.True(stopped.All(w => ledger.DeadLettered[w] > 0), "stopped workers turn later messages into dead letters");
        Assert.True(Enumerable.Range(0, Workers).Where(w => w % BoundedOneIn == 0).Sum(w => ledger.DeadLettered[w]) > 0,
            "bounded mailboxes should have overflowed under this load");
    }
}
