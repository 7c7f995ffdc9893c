namespace CustomerPortal.Identity.Companies;

/// <summary>Which company an approval puts the member into.</summary>
/// <param name="Code">An existing company's code, or a code for a new company staff set up.</param>
/// <param name="New">A new company filled from the registration, with a generated code.</param>
/// <param name="OverSerial">Staff confirmed a company other than the one the registration's serial is bound to.</param>
public sealed record CompanyChoice(string? Code = null, bool New = false, bool OverSerial = false)
{
    /// <summary>Registrations approved without review always get a company of their own: a typed name or serial proves nothing.</summary>
    public static readonly CompanyChoice OwnCompany = new(New: true);
}

/// <summary>A company the review page proposes, and why (the serial's company, the same name, phone or postal code).</summary>
public sealed record CompanyCandidate(Company Company, IReadOnlyList<string> Reasons);
