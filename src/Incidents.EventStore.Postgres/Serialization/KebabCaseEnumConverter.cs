using System.Text.Json;
using System.Text.Json.Serialization;

namespace Incidents.EventStore.Postgres.Serialization;

/// <summary>
/// Enums as kebab-case strings ("account-takeover"). Numbers and unknown names are refused with a message that
/// lists the allowed values, so a client knows what to send.
/// </summary>
public sealed class KebabCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    private static readonly Dictionary<string, TEnum> Values = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static string Allowed => string.Join(", ", Names.Values);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Must be a string, one of: {Allowed}.");
        }

        var text = reader.GetString()!;
        return Values.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"'{Truncate(text)}' is not one of: {Allowed}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Names.TryGetValue(value, out var name)
            ? name
            : throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}."));

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

public sealed class KebabCaseEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(KebabCaseEnumConverter<>).MakeGenericType(typeToConvert))!;
}
