namespace Relay.WebSockets.Tests.Support;

public static class EnumMapping
{
    /// <summary>Asserts that <paramref name="expected"/> lists every enum value and that <paramref name="map"/> agrees with it.</summary>
    public static void AssertMapsEveryValue<TEnum, TResult>(Dictionary<TEnum, TResult> expected, Func<TEnum, TResult> map)
        where TEnum : struct, Enum
    {
        Assert.Equal(Enum.GetValues<TEnum>().Order(), expected.Keys.Order());
        foreach (var (value, result) in expected)
            Assert.Equal(result, map(value));
    }
}
