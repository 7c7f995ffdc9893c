namespace CustomerPortal.Ordering.Cart;

/// <summary>One catalog item in a user's cart; the price is read from the catalog until the quote fixes it.</summary>
public class CartLine
{
    public string UserId { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public int Quantity { get; set; }
}
