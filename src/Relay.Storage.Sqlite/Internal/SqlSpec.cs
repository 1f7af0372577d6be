using System.Globalization;
using System.Numerics;
using System.Text;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// SQL text under construction plus the values of its numbered parameters. Values are never written into the
/// text: every value is a parameter, so nothing a client sends can change the statement.
/// </summary>
internal sealed class SqlSpec
{
    private readonly StringBuilder _text = new(512);
    private readonly List<SqlValue> _values = [];

    public string Sql => _text.ToString();

    public int ParameterCount => _values.Count;

    public SqlSpec Append(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Appends a new parameter placeholder bound to <paramref name="value"/>.</summary>
    public SqlSpec Param(SqlValue value)
    {
        _values.Add(value);
        _text.Append('?').Append(_values.Count.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>
    /// Appends <c>(?a, ?b, ...)</c> for an IN list. The number of placeholders is rounded up to a power of two,
    /// padded by repeating the last value (harmless in IN), so lists of 1 to 2,000 items share 12 statement
    /// texts and the per-connection statement cache stays small and warm.
    /// </summary>
    public SqlSpec InList<T>(ReadOnlySpan<T> items, Func<T, SqlValue> toValue)
    {
        if (items.IsEmpty)
        {
            ThrowHelper.ThrowInvalidOperation("An IN list needs at least one item (empty lists never reach SQL).");
        }

        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)items.Length);
        _text.Append('(');
        for (var i = 0; i < slots; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            Param(toValue(items[Math.Min(i, items.Length - 1)]));
        }

        _text.Append(')');
        return this;
    }

    /// <summary>Binds every parameter of a statement prepared from <see cref="Sql"/>.</summary>
    public void BindAll(Statement statement)
    {
        for (var i = 0; i < _values.Count; i++)
        {
            _values[i].Bind(statement, i + 1);
        }
    }
}
