namespace Incidents.Domain.Incidents;

public enum IncidentKind
{
    /// <summary>成りすまし: someone pretends to be one of our accounts.</summary>
    Impersonation,

    /// <summary>乗っ取り: one of our accounts is logged into by someone else.</summary>
    AccountTakeover,

    /// <summary>炎上: a flood of criticism or complaints.</summary>
    Backlash,

    /// <summary>デマ: false information about the town.</summary>
    Hoax,

    /// <summary>誤った情報の発信: we posted something wrong.</summary>
    ErroneousPost,
}
