using CustomerPortal.ServiceDefaults.Hosting;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Support.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Support.Data;

/// <summary>The support app's own database (SQLite, or PostgreSQL for several nodes): inquiries and their mails.</summary>
public abstract class SupportDbContext(DbContextOptions options) : RelyingAppDbContext(options), IMailOutboxContext
{
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();

    /// <summary>The shared mail outbox (the IdP's algorithm), in the table the support app has always had.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Inquiry>(entity =>
        {
            entity.HasKey(i => i.Id);
            entity.Property(i => i.Number).HasMaxLength(40);
            entity.HasIndex(i => i.Number).IsUnique();
            entity.Property(i => i.UserId).HasMaxLength(100);
            entity.HasIndex(i => new { i.UserId, i.CreatedAt });
            entity.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            entity.HasIndex(i => new { i.Status, i.UpdatedAt });
            entity.Property(i => i.CustomerName).HasMaxLength(200);
            entity.Property(i => i.CompanyName).HasMaxLength(200);
            entity.Property(i => i.Email).HasMaxLength(256);
            entity.Property(i => i.Language).HasMaxLength(5);
            entity.Property(i => i.Category).HasMaxLength(40);
            entity.Property(i => i.Subject).HasMaxLength(InquiryInput.SubjectMaxLength);
        });
        // A plain child entity, not an owned one: replies are appended to a loaded inquiry, and
        // EF takes a new owned item with a key already set for an existing row.
        modelBuilder.Entity<InquiryMessage>(message =>
        {
            message.HasKey(m => m.Id);
            message.HasOne<Inquiry>().WithMany(i => i.Messages).HasForeignKey(m => m.InquiryId).OnDelete(DeleteBehavior.Cascade);
            message.HasIndex(m => new { m.InquiryId, m.Sequence }).IsUnique();
            message.Property(m => m.AuthorName).HasMaxLength(200);
            message.Property(m => m.Body).HasMaxLength(InquiryInput.DetailsMaxLength);
        });
        modelBuilder.MapMailOutbox(table: "OutgoingMails");
    }
}
