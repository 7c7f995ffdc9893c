using System.Globalization;
using CustomerPortal.Ordering.Documents;
using CustomerPortal.Ordering.Orders;
using CustomerPortal.UnitTests.Theming;

namespace CustomerPortal.UnitTests.Ordering;

/// <summary>
/// Whom a quote, delivery note or invoice is addressed to, by the rule of Japanese business
/// letters: 御中 after a company or department, 様 after a person, never both, each name once.
/// </summary>
public sealed class DocumentAddressingTests
{
    private static readonly MessageBundle Messages = ThemeBundles.Of();
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    private const string Company = "株式会社サンプル商事";
    private static readonly (string?, string) OrderedBy = (Company, "佐藤 花子");

    private static IReadOnlyList<string> Lines(string? company, string? department, string? recipient, CultureInfo? culture = null) =>
        Addressee.Lines(new DocumentAddress { Company = company, Department = department, Recipient = recipient }, OrderedBy, Messages, culture ?? Japanese);

    [Fact]
    public void ACompany_WithNoOneNamed_IsAddressedWith御中() =>
        Assert.Equal(["株式会社サンプル商事 御中"], Lines("株式会社サンプル商事", null, null));

    [Fact]
    public void ADepartment_WithNoOneNamed_Takes御中_UnderTheCompany() =>
        Assert.Equal(["株式会社サンプル商事", "経理部 御中"], Lines("株式会社サンプル商事", "経理部", null));

    [Fact]
    public void APerson_Takes様_UnderTheCompanyAndTheDepartment_With御中Nowhere() =>
        Assert.Equal(["株式会社サンプル商事", "物流センター", "山田 花子 様"], Lines(Company, "物流センター", "山田 花子"));

    [Fact]
    public void ARecipientThatRepeatsTheDepartment_NamesTheDepartmentOnce() =>
        Assert.Equal(["株式会社サンプル商事", "経理部", "ご担当者 様"], Lines(Company, "経理部", "経理部 ご担当者"));

    [Fact]
    public void AHonorificTheCustomerTyped_IsNotDoubled()
    {
        Assert.Equal(["株式会社サンプル商事", "山田 花子 様"], Lines("株式会社サンプル商事", null, "山田 花子様"));
        Assert.Equal(["株式会社サンプル商事 御中"], Lines("株式会社サンプル商事 御中", null, null));
    }

    [Fact]
    public void ATitleThatStartsLikeTheDepartment_IsKept() =>
        Assert.Equal(["株式会社サンプル商事", "経理部", "経理部長 山田 様"], Lines(Company, "経理部", "経理部長 山田"));

    [Fact]
    public void AnAddressNamingNoOne_IsAddressedToTheOrderingCompany() =>
        Assert.Equal(["株式会社サンプル商事 御中"], Lines(null, null, null));

    [Fact]
    public void InEnglish_APersonIsForTheAttentionOf_AndACompanyTakesNoHonorific()
    {
        var english = CultureInfo.GetCultureInfo("en");
        Assert.Equal(["Sample Trading Co., Ltd.", "Mail room", "Attn: Alex Smith"], Lines("Sample Trading Co., Ltd.", "Mail room", "Alex Smith", english));
        Assert.Equal(["Sample Trading Co., Ltd.", "Mail room"], Lines("Sample Trading Co., Ltd.", "Mail room", null, english));
    }
}
