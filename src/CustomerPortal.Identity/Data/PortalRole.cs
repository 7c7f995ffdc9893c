using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Data;

public class PortalRole : IdentityRole
{
    public PortalRole() { }
    public PortalRole(string name) : base(name) { }

    public string DisplayNameJa { get; set; } = "";
    public string DisplayNameEn { get; set; } = "";
}
