namespace Incidents.Domain.Accounts.Events;

/// <summary>A fact recorded on an official account's stream. Every event says which account, who and when.</summary>
public interface IAccountEvent
{
    Guid AccountId { get; }

    string By { get; }

    DateTimeOffset At { get; }
}
