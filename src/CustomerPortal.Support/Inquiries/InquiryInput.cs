namespace CustomerPortal.Support.Inquiries;

/// <summary>The contact form as typed: category, subject, details; normalised, then checked field by field.</summary>
public sealed class InquiryInput
{
    public const int SubjectMaxLength = 100;
    public const int DetailsMaxLength = 4000;

    public string? Category { get; set; }
    public string? Subject { get; set; }
    public string? Details { get; set; }

    /// <summary>Field name → message key of what is wrong with it.</summary>
    public Dictionary<string, string> Validate(IEnumerable<string> categories)
    {
        Subject = Subject?.Trim();
        Details = Details?.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(Category) || !categories.Contains(Category))
        {
            errors[nameof(Category)] = "support.form.error.category";
        }
        if (string.IsNullOrEmpty(Subject))
        {
            errors[nameof(Subject)] = "support.form.error.subject";
        }
        else if (Subject.Length > SubjectMaxLength)
        {
            errors[nameof(Subject)] = "support.form.error.subjectLength";
        }
        if (string.IsNullOrEmpty(Details))
        {
            errors[nameof(Details)] = "support.form.error.details";
        }
        else if (Details.Length > DetailsMaxLength)
        {
            errors[nameof(Details)] = "support.form.error.detailsLength";
        }
        return errors;
    }
}
