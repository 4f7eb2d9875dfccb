using System.Text.Json;
using Incidents.Domain.Incidents.Rules;
using Incidents.EventStore.Postgres.Serialization;

namespace Incidents.Api.Http;

/// <summary>
/// Reads a request body strictly: JSON content type, a size limit (413), well-formed JSON of bounded depth (400),
/// no credential fields, no text that carries a password and no text PostgreSQL cannot store (422), then the typed
/// shape and its own validation (422).
/// </summary>
public static class JsonBodyReader
{
    public const int MaxBodyBytes = 64 * 1024;
    private const int MaxDepth = 16;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : IValidatedRequest
    {
        var bytes = await ReadBytesAsync(request, cancellationToken);
        using var document = Parse(bytes);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw Problems.BadRequest("json-object-required", "The body must be a JSON object.");
        }

        CheckStrings(document.RootElement, "$");
        T? value;
        try
        {
            value = document.Deserialize<T>(WireJson.Options);
        }
        catch (JsonException e)
        {
            throw Problems.Unprocessable(
                "invalid-field",
                "A field is missing, null, of the wrong type, or not one of the allowed values; see 'errors'.",
                new Dictionary<string, string[]> { [e.Path ?? "$"] = [Describe(e)] });
        }

        if (value is null)
        {
            throw Problems.BadRequest("json-object-required", "The body must be a JSON object.");
        }

        var errors = new RequestErrors();
        value.Validate(errors);
        errors.ThrowIfAny();
        return value;
    }

    /// <summary>The raw body, within the size limit. Also used to hash requests for idempotency.</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw Problems.UnsupportedMediaType();
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw Problems.TooLarge(MaxBodyBytes);
        }

        if (request.HttpContext.Items.TryGetValue(typeof(JsonBodyReader), out var cached) && cached is byte[] read)
        {
            return read;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int count;
        while ((count = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + count > MaxBodyBytes)
            {
                throw Problems.TooLarge(MaxBodyBytes);
            }

            buffer.Write(chunk, 0, count);
        }

        var bytes = buffer.ToArray();
        request.HttpContext.Items[typeof(JsonBodyReader)] = bytes;
        return bytes;
    }

    private static JsonDocument Parse(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw Problems.BadRequest("empty-body", "The body is empty; send a JSON object.");
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw Problems.BadRequest(
                "malformed-json", $"The body is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}). Check quotes, commas and brackets.");
        }
    }

    private static void CheckStrings(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var propertyPath = $"{path}.{property.Name}";
                    if (SecretFieldNames.IsSecret(property.Name))
                    {
                        throw Problems.Unprocessable(
                            "secret-field",
                            "Requests must not carry passwords, tokens or other secrets. Remove the field; to record a password change, send only the fact (and an optional note).",
                            new Dictionary<string, string[]> { [propertyPath] = ["Secrets are never accepted."] });
                    }

                    CheckStrings(property.Value, propertyPath);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckStrings(item, $"{path}[{index++}]");
                }

                break;
            case JsonValueKind.String:
                CheckText(element, path);
                break;
        }
    }

    private static void CheckText(JsonElement element, string path)
    {
        string text;
        try
        {
            text = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw InvalidText(path, "Contains an invalid Unicode escape (an unpaired surrogate).");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                throw InvalidText(path, "Contains a NUL character.");
            }

            if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[++i])))
            {
                throw InvalidText(path, "Contains an unpaired surrogate.");
            }

            if (char.IsLowSurrogate(c))
            {
                throw InvalidText(path, "Contains an unpaired surrogate.");
            }
        }

        // Every string, not only the fields a command checks: a password typed into any field is refused, never stored.
        if (SecretText.LooksLikeSecret(text))
        {
            throw Problems.Unprocessable(
                "secret-in-text",
                "This text looks like it contains a password or secret. Remove it: the service records only that a password was changed, never the password.",
                new Dictionary<string, string[]> { [path] = ["Looks like a password or secret."] });
        }
    }

    private static ProblemException InvalidText(string path, string message) =>
        Problems.Unprocessable("invalid-text", "A text field contains characters that cannot be stored; see 'errors'.",
            new Dictionary<string, string[]> { [path] = [message] });

    private static string Describe(JsonException e) =>
        e.Message.Contains("missing required properties", StringComparison.Ordinal) ? "Required field(s) missing: " + MissingNames(e.Message)
        : e.Message.Contains("not one of", StringComparison.Ordinal) ? e.Message
        : e.Message.Contains("null", StringComparison.OrdinalIgnoreCase) ? "Must not be null."
        : "Wrong type or value.";

    private static string MissingNames(string message)
    {
        var start = message.IndexOf("including:", StringComparison.Ordinal);
        return start < 0 ? message : message[(start + "including:".Length)..].Trim().TrimEnd('.');
    }
}
