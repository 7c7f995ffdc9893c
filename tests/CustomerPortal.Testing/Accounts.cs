namespace CustomerPortal.Testing;

/// <summary>Development users from seed/development-users.json (also listed in the README).</summary>
public static class Accounts
{
    public static readonly (string Email, string Password) Purchaser = ("purchaser@example.com", "Purchaser-2026");
    public static readonly (string Email, string Password) Buyer = ("buyer@example.com", "Buyer-2026");
    public static readonly (string Email, string Password) Operator = ("operator@example.com", "Operator-2026");
    public static readonly (string Email, string Password) Staff = ("staff@example.com", "Staff-2026");
    public static readonly (string Email, string Password) Admin = ("admin@example.com", "Admin-2026");
}
