using CustomerPortal.Ordering.Cart;
using CustomerPortal.Ordering.Orders;
using CustomerPortal.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Ordering.Data;

/// <summary>The ordering app's own database (SQLite): carts, quotes and orders, ended sessions, its key ring.</summary>
public abstract class OrderingDbContext(DbContextOptions options) : RelyingAppDbContext(options)
{
    public DbSet<CartLine> CartLines => Set<CartLine>();
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CartLine>(entity =>
        {
            entity.HasKey(l => new { l.UserId, l.ItemCode });
            entity.Property(l => l.UserId).HasMaxLength(100);
            entity.Property(l => l.ItemCode).HasMaxLength(40);
        });
        modelBuilder.Entity<Order>(entity =>
        {
            entity.HasKey(o => o.Id);
            entity.Property(o => o.Number).HasMaxLength(40);
            entity.HasIndex(o => o.Number).IsUnique();
            entity.Property(o => o.UserId).HasMaxLength(100);
            entity.HasIndex(o => new { o.UserId, o.QuotedAt });
            entity.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            entity.Property(o => o.CustomerName).HasMaxLength(200);
            entity.Property(o => o.CompanyName).HasMaxLength(200);
            entity.Property(o => o.CompanyId).HasMaxLength(20);
            entity.HasIndex(o => o.CompanyId);
            entity.OwnsOne(o => o.Billing, DocumentAddress.Map);
            entity.OwnsOne(o => o.Delivery, DocumentAddress.Map);
            entity.OwnsMany(o => o.Lines, line =>
            {
                line.WithOwner().HasForeignKey("OrderId");
                line.HasKey("OrderId", nameof(OrderLine.LineNumber));
                line.Property(l => l.ItemCode).HasMaxLength(40);
                line.Property(l => l.NameJa).HasMaxLength(200);
                line.Property(l => l.NameEn).HasMaxLength(200);
            });
        });
    }
}
