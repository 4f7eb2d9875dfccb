namespace Incidents.Domain.Incidents;

/// <summary>What the platform's operator answered to a takedown request.</summary>
public enum TakedownOutcome
{
    Removed,
    Refused,
    NeedsMoreInformation,
    Acknowledged,
}
