using Incidents.Projections;

namespace Incidents.Api.Accounts.Views;

/// <summary>Reads back an enum that a read model stored in its kebab-case wire spelling.</summary>
public static class WireEnum
{
    public static TEnum Parse<TEnum>(string wireName) where TEnum : struct, Enum =>
        TryParse<TEnum>(wireName) ?? throw new InvalidOperationException($"'{wireName}' is not a {typeof(TEnum).Name}.");

    public static TEnum? TryParse<TEnum>(string wireName) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (WireName.Of(value) == wireName)
            {
                return value;
            }
        }

        return null;
    }
}
