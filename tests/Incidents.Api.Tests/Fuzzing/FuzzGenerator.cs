using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Incidents.Api.Tests.Fuzzing;

/// <summary>
/// Generates malformed and hostile requests, interleaved with valid ones, for every write endpoint in turn. Seeded:
/// the same seed gives the same cases (only the ids of the world they act on differ between runs).
/// </summary>
public sealed class FuzzGenerator(int seed, FuzzWorld world, IReadOnlyList<string> routes)
{
    private const int MaxBodyBytes = 64 * 1024;

    private static readonly (string Name, int Weight)[] Mutations =
    [
        ("valid", 14), ("hostile-text", 12), ("unstorable-text", 4), ("password-in-text", 3), ("wrong-type", 6), ("null-field", 3),
        ("missing-field", 3), ("extra-field", 3), ("secret-field", 5), ("not-an-object", 3), ("truncated", 4), ("broken-syntax", 4),
        ("garbage-bytes", 3), ("deep-nesting", 3), ("oversized-body", 2), ("oversized-chunked", 1), ("long-text", 3),
        ("refused-content-type", 4), ("json-content-type", 2), ("no-content-type", 2), ("bad-if-match", 4), ("missing-if-match", 1),
        ("bad-idempotency-key", 3), ("reused-idempotency-key", 2), ("hostile-route-value", 5), ("bad-authorization", 1),
        ("duplicate-keys", 1), ("edge-numbers", 1),
    ];

    private static readonly int TotalWeight = Mutations.Sum(m => m.Weight);

    private readonly Random _random = new(seed);

    /// <summary>Case <paramref name="index"/>, for the route whose turn it is.</summary>
    public FuzzCase Next(int index)
    {
        var route = routes[index % routes.Count];
        var mutation = Pick();
        return Build(index, route, mutation) ?? Build(index, route, "hostile-text")!;
    }

    private string Pick()
    {
        var roll = _random.Next(TotalWeight);
        foreach (var (name, weight) in Mutations)
        {
            if ((roll -= weight) < 0)
            {
                return name;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The case, or null when the mutation does not apply to the route (no body fields, no route values, no If-Match).</summary>
    private FuzzCase? Build(int index, string route, string mutation)
    {
        var template = WriteTemplates.Bodies[route]?.Replace("«n»", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var body = template is null ? null : JsonNode.Parse(template)!.AsObject();
        var path = world.ValidPath(route);
        var valid = new FuzzCase(index, route, mutation, Expectation.Either, path, body?.ToJsonString(JsonOptions));
        var ifMatch = WriteTemplates.TakesIfMatch(route);
        var withIfMatch = ifMatch ? valid with { Headers = [new("If-Match", "*")] } : valid;
        var objectBody = body ?? new JsonObject();
        var stringFields = objectBody.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).Select(p => p.Key).ToList();
        string Json(JsonNode node) => node.ToJsonString(JsonOptions);

        switch (mutation)
        {
            case "valid":
                return _random.Next(3) == 0
                    ? withIfMatch with { Headers = [.. withIfMatch.Headers ?? [], new("Idempotency-Key", $"fuzz-key-{index}")] }
                    : withIfMatch;
            case "hostile-text":
            {
                var text = Pick(HostileValues.SqlInjection.Concat(HostileValues.ScriptInjection).Concat(HostileValues.Unicode).ToArray());
                var field = route switch
                {
                    "/api/incidents" => "whatWasSeen",
                    _ when route.EndsWith("/draft-statement", StringComparison.Ordinal) => "text",
                    _ => stringFields.Count > 0 ? Pick(stringFields) : "comment",
                };
                var mutated = Clone(objectBody);
                mutated[field] = text;
                var probe = route is "/api/incidents" && field == "whatWasSeen" || route.EndsWith("/draft-statement", StringComparison.Ordinal) && field == "text"
                    ? text
                    : null;
                return withIfMatch with { Body = Json(mutated), Probe = probe };
            }

            case "unstorable-text":
            {
                var field = stringFields.Count > 0 ? Pick(stringFields) : "comment";
                var mutated = Clone(objectBody);
                mutated[field] = "«raw»";
                return withIfMatch with { Expect = Expectation.Refused, Body = Json(mutated).Replace("\"«raw»\"", $"\"{Pick(HostileValues.UnstorableEscapes)}\"", StringComparison.Ordinal) };
            }

            case "password-in-text":
            {
                var field = stringFields.Count > 0 ? Pick(stringFields) : "comment";
                var mutated = Clone(objectBody);
                mutated[field] = $"{Pick(HostileValues.PasswordsInText)} fuzz-secret-{index}";
                return withIfMatch with { Expect = Expectation.Refused, Body = Json(mutated), Secret = $"fuzz-secret-{index}" };
            }

            case "wrong-type" when objectBody.Count > 0:
            {
                var field = Pick(objectBody.Select(p => p.Key).ToList());
                var mutated = Clone(objectBody);
                var (replacement, refused) = WrongTypeFor(mutated[field]);
                mutated[field] = replacement;
                return withIfMatch with { Expect = refused ? Expectation.Refused : Expectation.Either, Body = Json(mutated) };
            }

            case "null-field" when objectBody.Count > 0:
            {
                var mutated = Clone(objectBody);
                mutated[Pick(objectBody.Select(p => p.Key).ToList())] = null;
                return withIfMatch with { Body = Json(mutated) };
            }

            case "missing-field" when objectBody.Count > 0:
            {
                var mutated = Clone(objectBody);
                mutated.Remove(Pick(objectBody.Select(p => p.Key).ToList()));
                return withIfMatch with { Body = Json(mutated) };
            }

            case "extra-field":
            {
                var mutated = Clone(objectBody);
                mutated[Pick(["comment", "$where", "__proto__", "constructor", "id", "actorId", "role", "version"])] =
                    Pick(HostileValues.SqlInjection.Concat(HostileValues.ScriptInjection).ToArray());
                return withIfMatch with { Body = Json(mutated) };
            }

            case "secret-field":
            {
                var secret = $"fuzz-secret-{index}";
                var name = Pick(HostileValues.SecretFieldNames);
                var mutated = Clone(objectBody);
                switch (_random.Next(3))
                {
                    case 0:
                        mutated[name] = secret;
                        break;
                    case 1:
                        mutated["extra"] = new JsonObject { ["nested"] = new JsonObject { [name] = secret } };
                        break;
                    default:
                        mutated["items"] = new JsonArray(new JsonObject { [name] = secret });
                        break;
                }

                return withIfMatch with { Expect = Expectation.Refused, Body = Json(mutated), Secret = secret };
            }

            case "not-an-object":
                return withIfMatch with
                {
                    Expect = Expectation.Refused,
                    Body = _random.Next(3) == 0 ? $"[{Json(objectBody)}]" : Pick(HostileValues.NotObjects),
                };
            case "truncated":
            {
                var text = Json(objectBody);
                return withIfMatch with { Expect = Expectation.Refused, Body = text[..(1 + _random.Next(text.Length - 1))] };
            }

            case "broken-syntax":
                return withIfMatch with { Expect = Expectation.Refused, Body = Pick(HostileValues.BrokenJson) };
            case "garbage-bytes":
            {
                var bytes = new byte[1 + _random.Next(512)];
                _random.NextBytes(bytes);
                bytes[0] = 0xFF;
                return withIfMatch with { Expect = Expectation.Refused, Body = null, RawBody = bytes };
            }

            case "deep-nesting":
            {
                var depth = Pick([17, 18, 64, 1000, 20_000]);
                var nested = _random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                var text = Json(objectBody);
                var wrapped = text.Length > 2 ? text[..^1] + ",\"deep\":" + nested + "}" : "{\"deep\":" + nested + "}";
                return withIfMatch with { Expect = Expectation.Refused, Body = wrapped.Length <= MaxBodyBytes ? wrapped : "{\"deep\":" + nested[..(MaxBodyBytes / 2)] };
            }

            case "oversized-body":
            case "oversized-chunked":
            {
                var mutated = Clone(objectBody);
                mutated[stringFields.Count > 0 ? Pick(stringFields) : "comment"] = new string('あ', MaxBodyBytes / 3 + 1 + _random.Next(50_000));
                return withIfMatch with { Expect = Expectation.Refused, Body = Json(mutated), Chunked = mutation == "oversized-chunked" };
            }

            case "long-text":
            {
                var mutated = Clone(objectBody);
                var length = Pick([99, 100, 101, 199, 200, 201, 255, 256, 2000, 2001, 2048, 2049, 3999, 4000, 4001, 20_000]);
                mutated[stringFields.Count > 0 ? Pick(stringFields) : "comment"] = new string(Pick(['a', 'あ']), length);
                return withIfMatch with { Body = Json(mutated) };
            }

            case "refused-content-type":
                return withIfMatch with { Expect = Expectation.Refused, Body = Json(objectBody), ContentType = Pick(HostileValues.RefusedContentTypes) };
            case "json-content-type":
                return withIfMatch with { Body = Json(objectBody), ContentType = Pick(HostileValues.JsonContentTypes) };
            case "no-content-type":
                return withIfMatch with { Expect = Expectation.Refused, Body = Json(objectBody), ContentType = null };
            case "bad-if-match" when ifMatch:
                return valid with { Expect = Expectation.Refused, Headers = [new("If-Match", Pick(HostileValues.IfMatch))] };
            case "missing-if-match" when ifMatch:
                return valid with { Expect = Expectation.Refused };
            case "bad-idempotency-key":
                return withIfMatch with
                {
                    Expect = Expectation.Refused,
                    Headers = [.. withIfMatch.Headers ?? [], new("Idempotency-Key", Pick(HostileValues.IdempotencyKeys))],
                };
            case "reused-idempotency-key":
                return withIfMatch with { Headers = [.. withIfMatch.Headers ?? [], new("Idempotency-Key", $"fuzz-reused-{world.Worker}")] };
            case "hostile-route-value" when route.Contains('{', StringComparison.Ordinal):
            {
                var parameter = Pick(route.Split('/').Where(s => s.StartsWith('{')).ToList());
                var hostilePath = world.ValidPath(route.Replace(parameter, "⟦hostile⟧", StringComparison.Ordinal))
                    .Replace("⟦hostile⟧", Pick(HostileValues.RouteValues), StringComparison.Ordinal);
                // A user may be named like an injection string (a hostile name is valid text), so a hostile name can be found.
                var refused = parameter != "{name}" || !route.StartsWith("/api/admin", StringComparison.Ordinal);
                return withIfMatch with { Expect = refused ? Expectation.Refused : Expectation.Either, Path = hostilePath };
            }

            case "bad-authorization":
                return withIfMatch with { Expect = Expectation.Refused, Authorization = Pick(HostileValues.BadAuthorization) };
            case "duplicate-keys":
            {
                var text = Json(objectBody);
                var field = stringFields.Count > 0 ? Pick(stringFields) : "comment";
                var duplicate = $"\"{field}\":{JsonSerializer.Serialize(Pick(HostileValues.ScriptInjection), JsonOptions)}";
                return withIfMatch with { Body = text.Length > 2 ? text[..^1] + "," + duplicate + "}" : "{" + duplicate + "}" };
            }

            case "edge-numbers":
            {
                var mutated = Clone(objectBody);
                mutated[objectBody.Count > 0 ? Pick(objectBody.Select(p => p.Key).ToList()) : "n"] = JsonNode.Parse(Pick(["1e400", "-0", "1.5", "9223372036854775808", "-1", "0"]));
                return withIfMatch with { Body = Json(mutated) };
            }

            default:
                return null;
        }
    }

    /// <summary>A value of another JSON kind, and whether the field's type makes it certain to be refused.</summary>
    private (JsonNode? Value, bool Refused) WrongTypeFor(JsonNode? current)
    {
        var kind = current?.GetValueKind() ?? JsonValueKind.Null;
        return kind switch
        {
            JsonValueKind.String => (Pick<JsonNode>([JsonValue.Create(42), JsonValue.Create(true), new JsonObject(), new JsonArray("x")]), true),
            JsonValueKind.Number => _random.Next(2) == 0 ? (JsonValue.Create("12"), false) : (Pick<JsonNode>([new JsonObject(), new JsonArray(1), JsonValue.Create(true)]), true),
            JsonValueKind.True or JsonValueKind.False => (Pick<JsonNode>([JsonValue.Create("true"), JsonValue.Create(1), new JsonObject(), new JsonArray()]), true),
            JsonValueKind.Array => (Pick<JsonNode>([JsonValue.Create("x"), JsonValue.Create(1), new JsonObject { ["0"] = "x" }, JsonValue.Create(false)]), true),
            _ => (JsonValue.Create(1), false),
        };
    }

    private static JsonObject Clone(JsonObject body) => JsonNode.Parse(body.ToJsonString())!.AsObject();

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

}
