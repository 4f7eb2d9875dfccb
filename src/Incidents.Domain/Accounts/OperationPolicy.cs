namespace Incidents.Domain.Accounts;

/// <summary>
/// The account's operation policy (運用ポリシー): what 000 §6(2) and 003 account lifecycle (1) ア–ク require besides the
/// service, account name, URL and department, which the account itself carries. Registration data (003 (1)オ: ID,
/// password, e-mail) is deliberately absent: the service never stores credentials.
/// </summary>
/// <param name="Purpose">情報発信を行う目的 / 開設・運用の目的.</param>
/// <param name="Content">情報発信の内容 / 発信情報の内容.</param>
/// <param name="PostingSchedule">利用方法: the hours and frequency of posting.</param>
/// <param name="ReplyPolicy">意見や質問などへの対応方法 / 返信への対応方針.</param>
/// <param name="OperationPeriod">運用期間 (003 (1)キ), when the account is meant to run for a limited time.</param>
public sealed record OperationPolicy(
    string Purpose,
    string Content,
    string PostingSchedule,
    string ReplyPolicy,
    string? OperationPeriod);
