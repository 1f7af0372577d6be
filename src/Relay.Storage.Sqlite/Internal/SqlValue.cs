using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>A value to bind to a statement parameter: an integer, text, or a 32-byte id or key.</summary>
internal readonly struct SqlValue
{
    private readonly SqlValueKind _kind;
    private readonly long _integer;
    private readonly string? _text;
    private readonly EventId _id;
    private readonly PublicKey _key;

    private SqlValue(SqlValueKind kind, long integer = 0, string? text = null, EventId id = default, PublicKey key = default)
    {
        _kind = kind;
        _integer = integer;
        _text = text;
        _id = id;
        _key = key;
    }

    private enum SqlValueKind : byte
    {
        Integer,
        Text,
        Id,
        Key,
    }

    public static SqlValue Integer(long value) => new(SqlValueKind.Integer, integer: value);

    public static SqlValue Text(string value) => new(SqlValueKind.Text, text: value);

    public static SqlValue Id(EventId value) => new(SqlValueKind.Id, id: value);

    public static SqlValue Key(PublicKey value) => new(SqlValueKind.Key, key: value);

    public void Bind(Statement statement, int index)
    {
        switch (_kind)
        {
            case SqlValueKind.Integer:
                statement.BindInt64(index, _integer);
                break;
            case SqlValueKind.Text:
                statement.BindText(index, _text);
                break;
            case SqlValueKind.Id:
                statement.BindId(index, _id);
                break;
            default:
                statement.BindKey(index, _key);
                break;
        }
    }
}
