namespace CustomerPortal.Support.Inquiries;

/// <summary>Where an inquiry stands, as the customer sees it in お問い合わせ履歴.</summary>
public enum InquiryStatus
{
    Received,
    InProgress,
    Answered,
    Closed,
}

/// <summary>A customer's inquiry and the messages exchanged about it.</summary>
public class Inquiry
{
    public int Id { get; set; }

    /// <summary>受付番号, e.g. 2026-000042, quoted in the acknowledgement email.</summary>
    public string Number { get; set; } = "";

    public string UserId { get; set; } = "";
    public string CustomerName { get; set; } = "";
    public string? CompanyName { get; set; }
    public string Email { get; set; } = "";

    /// <summary>The customer's language when they wrote; the emails about this inquiry use it.</summary>
    public string Language { get; set; } = "ja";

    public string Category { get; set; } = "";
    public string Subject { get; set; } = "";
    public InquiryStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<InquiryMessage> Messages { get; set; } = [];
}

/// <summary>The customer's details, a staff reply, or a follow-up.</summary>
public class InquiryMessage
{
    public int Id { get; set; }
    public int InquiryId { get; set; }

    /// <summary>1 for the customer's first message, then in the order written.</summary>
    public int Sequence { get; set; }
    public bool FromStaff { get; set; }
    public string AuthorName { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
