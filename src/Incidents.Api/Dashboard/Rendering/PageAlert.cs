namespace Incidents.Api.Dashboard.Rendering;

/// <summary>A message at the top of a page: what happened to the person's last action.</summary>
public sealed record PageAlert(string Message, string? Detail, bool IsError);
