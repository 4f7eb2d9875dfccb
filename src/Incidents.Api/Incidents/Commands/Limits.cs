namespace Incidents.Api.Incidents.Commands;

/// <summary>Field lengths the HTTP edge accepts.</summary>
public static class Limits
{
    public const int Name = 100;
    public const int Note = 2000;
    public const int StatementText = 4000;
    public const int Urls = 50;
}
