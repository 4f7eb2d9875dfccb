namespace Incidents.Domain.Accounts.State;

/// <summary>A handle the account no longer uses: anyone who takes it later is not us.</summary>
public sealed record FormerHandle(string Handle, string Url, DateTimeOffset Until);
