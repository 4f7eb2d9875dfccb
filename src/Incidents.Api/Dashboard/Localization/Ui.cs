using Incidents.Domain.Text;

namespace Incidents.Api.Dashboard.Localization;

/// <summary>Every fixed text of the dashboard, Japanese first.</summary>
public static class Ui
{
    public static readonly LocalizedText AppName = new("SNSインシデント対応", "Social media incidents");
    public static readonly LocalizedText SkipToContent = new("本文へ移動", "Skip to content");
    public static readonly LocalizedText Overview = new("概要", "Overview");
    public static readonly LocalizedText Metrics = new("対応指標", "Response metrics");
    public static readonly LocalizedText System = new("システム", "System");
    public static readonly LocalizedText SignOut = new("ログアウト", "Sign out");
    public static readonly LocalizedText SignedInAs = new("ログイン中", "Signed in as");
    public static readonly LocalizedText LanguageSwitch = new("English", "日本語");
    public static readonly LocalizedText LanguageSwitchLabel = new("Switch to English", "日本語に切り替え");
    public static readonly LocalizedText TimesAreTokyo = new("時刻はすべて日本時間（JST）です。", "All times are Japan Standard Time (JST).");
    public static readonly LocalizedText UpdatedAt = new("最終更新", "Updated");
    public static readonly LocalizedText LiveUpdating = new("新しい記録があると自動で更新されます。", "Updates appear automatically as they are recorded.");
    public static readonly LocalizedText UpdatesWaiting = new(
        "新しい記録があります。入力中の内容を保つため自動更新を止めています。", "New records arrived. Automatic updates wait while you are typing.");
    public static readonly LocalizedText ShowUpdates = new("最新の状態を表示", "Show the latest");

    public static readonly LocalizedText LoginTitle = new("ログイン", "Sign in");
    public static readonly LocalizedText LoginIntro = new(
        "管理者から受け取ったAPIトークン（inc_ で始まる文字列）を入力してください。トークンはこの画面の外に保存されず、ログイン中はCookieのセッションを使います。",
        "Enter the API token your administrator gave you (it starts with inc_). The token is not stored by this page; the session uses a cookie.");
    public static readonly LocalizedText Token = new("APIトークン", "API token");
    public static readonly LocalizedText SignIn = new("ログイン", "Sign in");
    public static readonly LocalizedText LoginFailed = new(
        "トークンが正しくないか、失効しています。管理者に確認してください。", "The token is wrong, revoked or expired. Ask your administrator.");
    public static readonly LocalizedText FormExpired = new(
        "フォームの有効期限が切れました。画面を再読み込みしてからやり直してください。", "The form expired. Reload the page and try again.");

    public static readonly LocalizedText OverviewTitle = new("対応中のインシデント", "Open incidents");
    public static readonly LocalizedText Counts = new("種別・状態ごとの件数", "Counts by kind and status");
    public static readonly LocalizedText Kind = new("種別", "Kind");
    public static readonly LocalizedText Status = new("状態", "Status");
    public static readonly LocalizedText Total = new("計", "Total");
    public static readonly LocalizedText OverdueCount = new("期限超過", "Overdue");
    public static readonly LocalizedText Filters = new("絞り込み", "Filters");
    public static readonly LocalizedText Any = new("すべて", "Any");
    public static readonly LocalizedText OpenOnly = new("終了以外すべて", "All but closed");
    public static readonly LocalizedText OverdueOnly = new("期限超過のみ", "Overdue only");
    public static readonly LocalizedText Apply = new("絞り込む", "Apply");
    public static readonly LocalizedText ByUrgency = new("緊急度順（期限超過が先頭）", "By urgency (overdue first)");
    public static readonly LocalizedText NoIncidents = new("該当するインシデントはありません。", "No incidents match.");
    public static readonly LocalizedText Account = new("アカウント", "Account");
    public static readonly LocalizedText Platform = new("SNS", "Platform");
    public static readonly LocalizedText CurrentStep = new("現在のステップ", "Current step");
    public static readonly LocalizedText WhoMustAct = new("対応すべき人", "Who must act");
    public static readonly LocalizedText NextDeadline = new("次の期限", "Next deadline");
    public static readonly LocalizedText Escalation = new("エスカレーション", "Escalation");
    public static readonly LocalizedText Department = new("所管課", "Department");
    public static readonly LocalizedText Assignee = new("担当者", "Assignee");
    public static readonly LocalizedText Overdue = new("期限超過", "Overdue");
    public static readonly LocalizedText OverdueBy = new("超過", "overdue");
    public static readonly LocalizedText DueIn = new("あと", "in");
    public static readonly LocalizedText Level = new("レベル", "Level");
    public static readonly LocalizedText OverdueQueue = new("期限超過のステップ", "Overdue steps");
    public static readonly LocalizedText NoOverdue = new("期限を過ぎたステップはありません。", "No step is past its deadline.");
    public static readonly LocalizedText Step = new("ステップ", "Step");
    public static readonly LocalizedText Deadline = new("期限", "Deadline");
    public static readonly LocalizedText Incident = new("インシデント", "Incident");

    public static readonly LocalizedText ProjectionStopped = new(
        "読み取りモデルが処理できない記録で停止しています。表示が古い可能性があります。システム管理者に連絡してください。",
        "A read model stopped at a record it cannot handle; what you see may be out of date. Tell the system administrator.");
    public static readonly LocalizedText Details = new("詳細", "Details");

    public static readonly LocalizedText ReportedBy = new("報告者", "Reported by");
    public static readonly LocalizedText ReportedAt = new("報告日時", "Reported");
    public static readonly LocalizedText WhatWasSeen = new("確認された内容", "What was seen");
    public static readonly LocalizedText Timeline = new("タイムライン", "Timeline");
    public static readonly LocalizedText TimelineDescription = new(
        "上段は記録された出来事、下段はステップごとの対応期間です。薄い枠は開始から期限まで、濃い帯は実際の対応期間、縦の赤線は期限、赤い帯は期限超過、菱形はエスカレーション、点線は現在時刻を表します。",
        "The top row shows what was recorded; each lane below is a step. The pale outline runs from its opening to its deadline, the solid bar from its opening to its completion (or now); red lines are deadlines, red bands time past them, diamonds escalations, the dotted line now.");
    public static readonly LocalizedText TimelineList = new("タイムライン（一覧表示）", "Timeline as a list");
    public static readonly LocalizedText TimelinePending = new(
        "タイムラインはまだ作成中です。数秒で表示されます。", "The timeline is being built; it appears in a few seconds.");
    public static readonly LocalizedText Checklist = new("対応ステップ", "Steps");
    public static readonly LocalizedText Responsible = new("担当", "Responsible");
    public static readonly LocalizedText Action = new("操作", "Action");
    public static readonly LocalizedText Statements = new("公表文", "Public statements");
    public static readonly LocalizedText NoStatements = new("公表文はまだありません。", "No statement yet.");
    public static readonly LocalizedText DraftedBy = new("作成", "Drafted by");
    public static readonly LocalizedText ApprovedBy = new("承認", "Approved by");
    public static readonly LocalizedText PublishedAt = new("公表", "Published");
    public static readonly LocalizedText Approve = new("承認する", "Approve");
    public static readonly LocalizedText OwnStatement = new("自分が作成した文案は承認できません（ダブルチェック）。", "You wrote this text, so someone else must approve it.");
    public static readonly LocalizedText Complete = new("完了を記録", "Record as done");
    public static readonly LocalizedText Note = new("メモ（任意）", "Note (optional)");
    public static readonly LocalizedText Waive = new("省略する", "Waive");
    public static readonly LocalizedText Reason = new("理由", "Reason");
    public static readonly LocalizedText ReportTo = new("報告先", "Reported to");
    public static readonly LocalizedText RecordReport = new("報告を記録", "Record the report");
    public static readonly LocalizedText TargetUrl = new("削除を依頼したURL（空欄なら報告されたアカウント）", "URL you asked to remove (empty: the reported account)");
    public static readonly LocalizedText Reference = new("受付番号など（任意）", "Reference (optional)");
    public static readonly LocalizedText RecordTakedown = new("削除依頼を記録", "Record the takedown request");
    public static readonly LocalizedText Acknowledge = new("受け付ける", "Acknowledge");
    public static readonly LocalizedText AcknowledgeHint = new("報告を確認し、対応を開始したことを記録します。", "Record that you have seen the report and the response is under way.");
    public static readonly LocalizedText ViaStatements = new("公表文の承認・公表で完了します", "Completes when a statement is published");
    public static readonly LocalizedText ViaApi = new("専用の記録（API）で完了します", "Completes when its fact is recorded (API)");
    public static readonly LocalizedText Done = new("記録しました。", "Recorded.");
    public static readonly LocalizedText NothingToDo = new("すでに記録されています。", "That was already recorded.");
    public static readonly LocalizedText NotPermitted = new("あなたの役割ではこの操作はできません。", "Your role may not do this.");
    public static readonly LocalizedText Stale = new(
        "他の人が先に更新しました。最新の状態を確認してからやり直してください。", "Someone changed the incident first. Check the latest state and try again.");
    public static readonly LocalizedText Refused = new("この操作はできません。", "This cannot be done.");
    public static readonly LocalizedText NotFound = new("見つかりません。", "Not found.");
    public static readonly LocalizedText BackToOverview = new("概要へ戻る", "Back to the overview");
    public static readonly LocalizedText Version = new("版", "Version");

    public static readonly LocalizedText MetricsTitle = new("対応指標（種別・月別）", "Response metrics by kind and month");
    public static readonly LocalizedText MetricsIntro = new(
        "報告からの所要時間の中央値（棒）と90パーセンタイル（線）です。月は日本時間の報告月です。",
        "Time from the report: the median (bar) and the 90th percentile (line). Months are the month of the report in Tokyo.");
    public static readonly LocalizedText ToCiso = new("CISOへの報告まで", "Until reported to the CISO");
    public static readonly LocalizedText ToTakedown = new("削除依頼まで", "Until the takedown request");
    public static readonly LocalizedText ToStatement = new("最初の公表まで", "Until the first public statement");
    public static readonly LocalizedText ToClose = new("終了まで", "Until closed");
    public static readonly LocalizedText Median = new("中央値", "Median");
    public static readonly LocalizedText P90 = new("90パーセンタイル", "90th percentile");
    public static readonly LocalizedText Month = new("月", "Month");
    public static readonly LocalizedText Incidents = new("件数", "Incidents");
    public static readonly LocalizedText Measured = new("計測数", "Measured");
    public static readonly LocalizedText NoData = new("データがありません。", "No data.");

    public static readonly LocalizedText SystemTitle = new("読み取りモデルの状態", "Read models");
    public static readonly LocalizedText Projection = new("読み取りモデル", "Read model");
    public static readonly LocalizedText Mode = new("方式", "Mode");
    public static readonly LocalizedText Checkpoint = new("チェックポイント", "Checkpoint");
    public static readonly LocalizedText Lag = new("遅延", "Lag");
    public static readonly LocalizedText Pending = new("未処理", "Pending");
    public static readonly LocalizedText Leader = new("このノードで実行", "Runs on this node");
    public static readonly LocalizedText RebuildProgress = new("再構築", "Rebuild");
    public static readonly LocalizedText Rebuild = new("ゼロから再構築", "Rebuild from zero");
    public static readonly LocalizedText RebuildRequested = new("再構築を依頼しました。", "Rebuild requested.");
    public static readonly LocalizedText Yes = new("はい", "yes");
    public static readonly LocalizedText No = new("いいえ", "no");

    public static readonly LocalizedText IncidentClosed = new("インシデントは終了しています。再開してから記録してください。", "The incident is closed; reopen it before recording more.");
    public static readonly LocalizedText StepMandatory = new("必須のステップは省略できません。", "A mandatory step cannot be waived.");
    public static readonly LocalizedText StepNotOpen = new("このステップは現在対応待ちではありません。", "This step is not open.");
    public static readonly LocalizedText Invalid = new("入力内容を確認してください。", "Check what you entered.");
    public static readonly LocalizedText Resume = new("再開する", "Resume");

    public static readonly LocalizedText Reports = new("受け付けた報告", "Reports received");
    public static readonly LocalizedText FirstReport = new("最初の報告", "First report");
    public static readonly LocalizedText AdditionalReport = new("追加の報告（同じアカウント）", "Later report of the same account");
    public static readonly LocalizedText MergedReport = new("統合したインシデントの報告", "Report from a merged incident");
    public static readonly LocalizedText Evidence = new("証拠", "Evidence");
    public static readonly LocalizedText ReporterContact = new("報告者の連絡先", "Reporter's contact");
    public static readonly LocalizedText MergedIncidents = new("重複として統合したインシデント", "Duplicates merged into this incident");
    public static readonly LocalizedText MergedInto = new(
        "このインシデントは重複として次のインシデントに統合され、終了しました。対応はそちらで続きます。",
        "This incident was merged into the following one as a duplicate and closed; the response goes on there.");
}
