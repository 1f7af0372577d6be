using System.Buffers;
using System.Text;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Messages;

public class RelayMessageWriterTests
{
    private static readonly NostrEvent Note = TestEvents.TypicalNote;
    private static readonly SubscriptionId Sub = SubscriptionId.Create("feed");

    [Fact]
    public void WriteEvent_frames_the_stored_bytes_unchanged()
    {
        Assert.Equal($"[\"EVENT\",\"feed\",{Note}]", Write(w => RelayMessageWriter.WriteEvent(w, Sub, Note)));
        Assert.Equal($"[\"EVENT\",\"feed\",{Note}]", Write(w => RelayMessageWriter.WriteEvent(w, Sub, Note.Json.Span)));
    }

    [Fact]
    public void Subscription_ids_are_written_with_NIP01_escaping()
    {
        var sub = SubscriptionId.Create("a\"b\\c\u0001\u007f\u2028é");
        Assert.Equal("[\"EOSE\",\"a\\\"b\\\\c\\u0001\u007f\u2028é\"]", Write(w => RelayMessageWriter.WriteEose(w, sub)));
    }

    [Fact]
    public void WriteOk_writes_accepted_and_refused_with_the_message()
    {
        Assert.Equal($"[\"OK\",\"{Note.Id}\",true,\"\"]", Write(w => RelayMessageWriter.WriteOk(w, Note.Id, true, "")));
        Assert.Equal(
            $"[\"OK\",\"{Note.Id}\",false,\"invalid: tag 3 is \\\"bad\\\"\\n\"]",
            Write(w => RelayMessageWriter.WriteOk(w, Note.Id, false, "invalid: tag 3 is \"bad\"\n")));
        Assert.Equal(
            $"[\"OK\",\"{Note.Id}\",true,\"duplicate: already have this event\"]",
            Write(w => RelayMessageWriter.WriteOk(w, Note.Id, true, "duplicate: already have this event")));
    }

    [Fact]
    public void Subscription_messages_have_the_NIP01_shapes()
    {
        Assert.Equal("[\"EOSE\",\"feed\"]", Write(w => RelayMessageWriter.WriteEose(w, Sub)));
        Assert.Equal("[\"CLOSED\",\"feed\",\"error: shutting down idle subscription\"]", Write(w => RelayMessageWriter.WriteClosed(w, Sub, "error: shutting down idle subscription")));
        Assert.Equal("[\"NEG-ERR\",\"feed\",\"blocked: too big\"]", Write(w => RelayMessageWriter.WriteNegErr(w, Sub, "blocked: too big")));
    }

    [Fact]
    public void NOTICE_and_AUTH_carry_one_string()
    {
        Assert.Equal("[\"NOTICE\",\"slow down 🐢\"]", Write(w => RelayMessageWriter.WriteNotice(w, "slow down 🐢")));
        Assert.Equal("[\"AUTH\",\"challenge-123\"]", Write(w => RelayMessageWriter.WriteAuth(w, "challenge-123")));
    }

    [Fact]
    public void COUNT_writes_the_NIP45_object()
    {
        Assert.Equal("[\"COUNT\",\"feed\",{\"count\":0}]", Write(w => RelayMessageWriter.WriteCount(w, Sub, 0)));
        Assert.Equal("[\"COUNT\",\"feed\",{\"count\":238}]", Write(w => RelayMessageWriter.WriteCount(w, Sub, 238)));
        Assert.Equal(
            $"[\"COUNT\",\"feed\",{{\"count\":{long.MaxValue},\"approximate\":true}}]",
            Write(w => RelayMessageWriter.WriteCount(w, Sub, long.MaxValue, approximate: true)));
    }

    [Fact]
    public void Several_messages_append_to_one_buffer()
    {
        var output = new ArrayBufferWriter<byte>();
        RelayMessageWriter.WriteEvent(output, Sub, Note);
        RelayMessageWriter.WriteEose(output, Sub);
        Assert.Equal($"[\"EVENT\",\"feed\",{Note}][\"EOSE\",\"feed\"]", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Writing_into_a_reused_buffer_allocates_nothing()
    {
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        void WriteAll()
        {
            output.ResetWrittenCount();
            RelayMessageWriter.WriteEvent(output, Sub, Note);
            RelayMessageWriter.WriteOk(output, Note.Id, false, "invalid: bad signature");
            RelayMessageWriter.WriteEose(output, Sub);
            RelayMessageWriter.WriteClosed(output, Sub, "error: closing");
            RelayMessageWriter.WriteNotice(output, "hello");
            RelayMessageWriter.WriteCount(output, Sub, 42);
        }

        WriteAll();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            WriteAll();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string Write(Action<ArrayBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
