namespace CustomerPortal.Identity.Staff.Notices;

/// <summary>お知らせ: a notice shown on the sign-in page within its publish window, in both languages.</summary>
public class Notice
{
    public Guid Id { get; set; }
    public string TitleJa { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string BodyJa { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public DateTimeOffset PublishFrom { get; set; }

    /// <summary>Open-ended when null.</summary>
    public DateTimeOffset? PublishUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public string Title(string language) => language == "en" ? TitleEn : TitleJa;
    public string Body(string language) => language == "en" ? BodyEn : BodyJa;
}
