using Incidents.Domain.Incidents.Rules;

namespace Incidents.Api.Http;

/// <summary>Collects shape errors of a request body, field by field, and turns them into one 422 problem.</summary>
public sealed class RequestErrors
{
    private const int MaxUrlLength = 2048;
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public RequestErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public RequestErrors Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, "Required: give a non-empty text.") : this;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters (this has {value.Length}).");
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, "Contains control characters; remove them.");
        }

        return this;
    }

    /// <summary>Free text that carries a password is refused wherever it is typed (the JSON edge checks every string the same way).</summary>
    public RequestErrors NoSecret(string? value, string field) =>
        SecretText.LooksLikeSecret(value) ? Add(field, "Looks like a password or secret; remove it.") : this;

    public RequestErrors Url(string? value, string field, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, "Required: give an http or https URL.") : this;
        }

        if (value.Length > MaxUrlLength ||
            !Uri.TryCreate(value, UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("http" or "https") ||
            string.IsNullOrEmpty(uri.Host))
        {
            Add(field, $"Not an absolute http or https URL of at most {MaxUrlLength} characters.");
        }

        return this;
    }

    public RequestErrors Urls(IReadOnlyList<string>? values, string field, int maxCount, bool requireOne = false)
    {
        if (values is null || values.Count == 0)
        {
            return requireOne ? Add(field, "Give at least one URL.") : this;
        }

        if (values.Count > maxCount)
        {
            return Add(field, $"At most {maxCount} URLs.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            Url(values[i], $"{field}[{i}]");
        }

        return this;
    }

    public RequestErrors Count<T>(IReadOnlyList<T>? values, string field, int min, int max)
    {
        var count = values?.Count ?? 0;
        if (count < min || count > max)
        {
            Add(field, min == max ? $"Give exactly {min}." : $"Give between {min} and {max}.");
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw Problems.Unprocessable(
                "validation-failed",
                "Some fields are missing or invalid; see 'errors' and correct them.",
                _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
