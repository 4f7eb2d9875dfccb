namespace Incidents.EventStore.Tests;

public sealed record ThingHappened(int Number, string Text);

public sealed record OtherThingHappened(string Reason);

public static class TestEvents
{
    public static IReadOnlyDictionary<string, Type> ByWireName { get; } = new Dictionary<string, Type>
    {
        ["thing-happened"] = typeof(ThingHappened),
        ["other-thing-happened"] = typeof(OtherThingHappened),
    };
}
