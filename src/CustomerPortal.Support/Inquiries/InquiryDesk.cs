using System.Globalization;
using CustomerPortal.Support.Data;
using CustomerPortal.Support.Mail;
using CustomerPortal.Support.Shared;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Support.Inquiries;

/// <summary>Inquiries from the contact form, their replies and status, and the mails they cause.</summary>
public sealed class InquiryDesk(SupportDbContext db, SupportMails mails, TimeProvider clock)
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>Records the inquiry and its acknowledgement email (in <paramref name="language"/>) together.</summary>
    public async Task<Inquiry> SubmitAsync(PortalCustomer customer, string language, InquiryInput input)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var inquiry = new Inquiry
        {
            Number = Guid.NewGuid().ToString("n"), // until the id gives the number
            UserId = customer.Id,
            CustomerName = customer.Name,
            CompanyName = customer.Company,
            Email = customer.Email ?? "",
            Language = language,
            Category = input.Category!,
            Subject = input.Subject!,
            Status = InquiryStatus.Received,
            CreatedAt = now,
            UpdatedAt = now,
            Messages = [new InquiryMessage { Sequence = 1, FromStaff = false, AuthorName = customer.Name, Body = input.Details!, SentAt = now }],
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Inquiries.Add(inquiry);
        await db.SaveChangesAsync();
        inquiry.Number = $"{now.ToOffset(Japan).ToString("yyyy", CultureInfo.InvariantCulture)}-{inquiry.Id:D6}";
        if (inquiry.Email.Length > 0)
        {
            mails.QueueAcknowledgement(inquiry);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return inquiry;
    }

    public Task<List<Inquiry>> HistoryAsync(string userId) =>
        db.Inquiries.Where(i => i.UserId == userId).OrderByDescending(i => i.Id).ToListAsync();

    /// <summary>The customer's inquiries that are not closed yet, the latest change first (the app's home page).</summary>
    public Task<List<Inquiry>> OpenAsync(string userId) =>
        db.Inquiries.Where(i => i.UserId == userId && i.Status != InquiryStatus.Closed).OrderByDescending(i => i.UpdatedAt).ToListAsync();

    /// <summary>For staff: the open ones first, then by last change.</summary>
    public Task<List<Inquiry>> AllAsync(InquiryStatus? status, int take) =>
        db.Inquiries.Where(i => status == null || i.Status == status)
            .OrderBy(i => i.Status == InquiryStatus.Closed).ThenByDescending(i => i.Id).Take(take).ToListAsync();

    /// <summary>The inquiry with this number, if <paramref name="userId"/> wrote it (null: any, for staff).</summary>
    public Task<Inquiry?> FindAsync(string number, string? userId) =>
        db.Inquiries.Include(i => i.Messages).SingleOrDefaultAsync(i => i.Number == number && (userId == null || i.UserId == userId));

    /// <summary>A staff answer: added to the thread, the status set, and the customer told by email.</summary>
    public async Task ReplyAsync(Inquiry inquiry, string staffName, string? body, InquiryStatus status)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        if (!string.IsNullOrWhiteSpace(body))
        {
            inquiry.Messages.Add(new InquiryMessage
            {
                Sequence = inquiry.Messages.Count + 1, FromStaff = true, AuthorName = staffName, Body = body.Trim(), SentAt = now,
            });
            if (inquiry.Email.Length > 0)
            {
                mails.QueueReplyNotice(inquiry);
            }
        }
        inquiry.Status = status;
        inquiry.UpdatedAt = now;
        await db.SaveChangesAsync();
    }

    /// <summary>The customer adds to an open inquiry; staff see it as needing attention again.</summary>
    public async Task<bool> FollowUpAsync(Inquiry inquiry, PortalCustomer customer, string? body)
    {
        if (inquiry.Status == InquiryStatus.Closed || string.IsNullOrWhiteSpace(body) || body.Trim().Length > InquiryInput.DetailsMaxLength)
        {
            return false;
        }
        var now = clock.GetUtcNow().ToUniversalTime();
        inquiry.Messages.Add(new InquiryMessage { Sequence = inquiry.Messages.Count + 1, AuthorName = customer.Name, Body = body.Trim(), SentAt = now });
        inquiry.Status = InquiryStatus.Received;
        inquiry.UpdatedAt = now;
        await db.SaveChangesAsync();
        return true;
    }
}
