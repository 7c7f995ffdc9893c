using System.Globalization;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Staff.Notices;

/// <summary>The notices editor: title and text in Japanese and English, a publish window in Japan time.</summary>
[Authorize(Policy = StaffSetup.Policy)]
public sealed class NoticesModel(PortalDbContext db, NoticeBoard board, AuditLog audit, TimeProvider clock) : PageModel
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public NoticeInput Input { get; set; } = new();

    public FieldErrors Errors { get; private set; } = new();

    public async Task OnGetAsync()
    {
        Notices = await board.AllAsync();
        if (Edit is { } id && await board.FindAsync(id) is { } notice)
        {
            Input = NoticeInput.Of(notice);
        }
        else
        {
            Input.From = clock.GetUtcNow().ToOffset(Japan).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        }
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        Errors = Input.Validate();
        if (!Errors.IsEmpty)
        {
            Notices = await board.AllAsync();
            return Page();
        }
        var notice = Edit is { } id ? await board.FindAsync(id) : null;
        if (notice is null)
        {
            notice = new Notice { Id = Guid.NewGuid() };
            db.Notices.Add(notice);
        }
        Input.CopyTo(notice);
        notice.UpdatedAt = clock.GetUtcNow();
        notice.UpdatedBy = User.Identity?.Name;
        audit.Add(AuditEventType.NoticeChanged, null, details: $"saved: {notice.TitleJa}");
        await db.SaveChangesAsync();
        return RedirectToPage(new { edit = (Guid?)null });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (await board.FindAsync(id) is { } notice)
        {
            db.Notices.Remove(notice);
            audit.Add(AuditEventType.NoticeChanged, null, details: $"deleted: {notice.TitleJa}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage();
    }

    public sealed class NoticeInput
    {
        public string? TitleJa { get; set; }
        public string? TitleEn { get; set; }
        public string? BodyJa { get; set; }
        public string? BodyEn { get; set; }

        /// <summary>Japan time, as the datetime-local input sends it: 2026-11-24T09:00.</summary>
        public string? From { get; set; }
        public string? Until { get; set; }

        public static NoticeInput Of(Notice notice) => new()
        {
            TitleJa = notice.TitleJa, TitleEn = notice.TitleEn, BodyJa = notice.BodyJa, BodyEn = notice.BodyEn,
            From = notice.PublishFrom.ToOffset(Japan).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            Until = notice.PublishUntil?.ToOffset(Japan).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        };

        public FieldErrors Validate()
        {
            var errors = new FieldErrors();
            errors.Required(nameof(TitleJa), InputText.Normalize(TitleJa), 200);
            errors.Required(nameof(TitleEn), InputText.Normalize(TitleEn), 200);
            errors.Required(nameof(BodyJa), InputText.Normalize(BodyJa), 4000);
            errors.Required(nameof(BodyEn), InputText.Normalize(BodyEn), 4000);
            if (Parse(From) is not { } from)
            {
                errors.Add(nameof(From), "staff.notices.error.date");
            }
            else
            {
                errors.Check(nameof(Until), string.IsNullOrEmpty(Until) || Parse(Until) > from, "staff.notices.error.until");
            }
            return errors;
        }

        public void CopyTo(Notice notice)
        {
            notice.TitleJa = InputText.Normalize(TitleJa);
            notice.TitleEn = InputText.Normalize(TitleEn);
            notice.BodyJa = (BodyJa ?? "").Trim();
            notice.BodyEn = (BodyEn ?? "").Trim();
            notice.PublishFrom = Parse(From)!.Value;
            notice.PublishUntil = Parse(Until);
        }

        private static DateTimeOffset? Parse(string? value) =>
            DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? new DateTimeOffset(local, Japan).ToUniversalTime()
                : null;
    }
}
