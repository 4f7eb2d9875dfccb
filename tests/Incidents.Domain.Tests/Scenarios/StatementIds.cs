namespace Incidents.Domain.Tests.Scenarios;

/// <summary>Fixed statement ids: tests name the statements they care about; the builder numbers its own.</summary>
public static class StatementIds
{
    public static readonly Guid First = Guid.Parse("5a7e0000-0000-7000-8000-000000000001");

    public static readonly Guid Second = Guid.Parse("5a7e0000-0000-7000-8000-000000000002");

    public static readonly Guid Unknown = Guid.Parse("5a7e0000-0000-7000-8000-0000000000ff");

    /// <summary>The id the builder gives the <paramref name="n"/>th statement it drafts to finish a step.</summary>
    public static Guid Builder(int n) => Guid.Parse($"b0000000-0000-7000-8000-{n:D12}");
}
