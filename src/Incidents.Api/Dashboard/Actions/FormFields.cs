using Incidents.Api.Http;
using Incidents.Api.Incidents;
using Incidents.Api.Incidents.Commands;

namespace Incidents.Api.Dashboard.Actions;

/// <summary>Reads form fields with the same shape rules as the API's JSON bodies (RequestErrors, Limits).</summary>
public static class FormFields
{
    public static string? OptionalText(IFormCollection form, string name, int maxLength)
    {
        var value = form[name].ToString().Trim();
        new RequestErrors().Text(value, name, maxLength, required: false).NoSecret(value, name).ThrowIfAny();
        return value.Length == 0 ? null : value;
    }

    public static string RequiredText(IFormCollection form, string name, int maxLength)
    {
        var value = form[name].ToString().Trim();
        new RequestErrors().Text(value, name, maxLength).NoSecret(value, name).ThrowIfAny();
        return value;
    }

    public static string? OptionalUrl(IFormCollection form, string name)
    {
        var value = form[name].ToString().Trim();
        new RequestErrors().Url(value, name, required: false).NoSecret(value, name).ThrowIfAny();
        return value.Length == 0 ? null : value;
    }

    public static string StepKey(HttpRequest request) => IncidentRoute.ParseStepKey((string)request.RouteValues["stepKey"]!);

    public static int NoteLimit => Limits.Note;
}
