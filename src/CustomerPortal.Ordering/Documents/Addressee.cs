using System.Globalization;
using CustomerPortal.Ordering.Orders;

namespace CustomerPortal.Ordering.Documents;

/// <summary>
/// The name lines of an address on a document, by the rule of Japanese business letters: 様 after
/// a person, with the company and the department above it; 御中 after the company or department
/// when no one is named; never both, and each name once.
/// </summary>
public static class Addressee
{
    // What customers type after a name themselves; the document adds the right one.
    private static readonly string[] Honorifics = ["御中", "様", "さま", "殿"];

    /// <param name="orderedBy">The company and the buyer of the order, for an address that names no one at all.</param>
    public static IReadOnlyList<string> Lines(
        DocumentAddress address, (string? Company, string Person) orderedBy, MessageBundle messages, CultureInfo culture)
    {
        var company = Clean(address.Company);
        var department = Clean(address.Department);
        var person = Clean(address.Recipient);
        // 「経理部 ご担当者」 under the department 経理部 names the department twice.
        person = WithoutPrefix(WithoutPrefix(person, company), department);
        if (company is null && department is null && person is null)
        {
            company = Clean(orderedBy.Company);
            person = company is null ? Clean(orderedBy.Person) : null;
        }

        var lines = new List<string>();
        if (person is not null)
        {
            lines.AddRange(new[] { company, department }.OfType<string>());
            lines.Add(messages.Get(culture, "document.addressee.person", person));
        }
        else if (department is not null)
        {
            lines.AddRange(new[] { company }.OfType<string>());
            lines.Add(messages.Get(culture, "document.addressee.organisation", department));
        }
        else if (company is not null)
        {
            lines.Add(messages.Get(culture, "document.addressee.organisation", company));
        }
        return lines;
    }

    private static string? Clean(string? name)
    {
        var text = name?.Trim(' ', '　');
        foreach (var honorific in Honorifics)
        {
            if (text is not null && text.EndsWith(honorific, StringComparison.Ordinal))
            {
                text = text[..^honorific.Length].TrimEnd(' ', '　');
            }
        }
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The person without a leading company or department name, as a whole word (「経理部長」 stays).</summary>
    private static string? WithoutPrefix(string? person, string? prefix) =>
        person is not null && prefix is not null && person.StartsWith(prefix, StringComparison.Ordinal)
            && (person.Length == prefix.Length || person[prefix.Length] is ' ' or '　')
            ? Clean(person[prefix.Length..])
            : person;
}
