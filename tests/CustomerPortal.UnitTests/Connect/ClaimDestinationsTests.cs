using System.Security.Claims;
using CustomerPortal.Identity.Connect;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.UnitTests.Connect;

/// <summary>Which token carries which claim: what a relying app and an API can each count on, and what never leaves the IdP.</summary>
public sealed class ClaimDestinationsTests
{
    [Theory]
    [InlineData(Claims.Email)]
    [InlineData(Claims.Role)]
    [InlineData(PortalClaimTypes.MachineSerial)]
    [InlineData(PortalClaimTypes.CompanyName)]
    public void AClaimAboutTheUser_GoesIntoBothTokens_AndUserinfo(string type)
    {
        var claim = new Claim(type, "value");
        Assert.Equal([Destinations.AccessToken, Destinations.IdentityToken], ClaimDestinations.For(claim));
        Assert.True(ClaimDestinations.IsUserInfo(claim));
    }

    [Theory]
    [InlineData(Claims.AuthenticationTime)]
    [InlineData(PortalClaimTypes.SessionId)]
    public void AClaimAboutTheSession_GoesOnlyIntoTheIdentityToken(string type)
    {
        var claim = new Claim(type, "value");
        Assert.Equal([Destinations.IdentityToken], ClaimDestinations.For(claim));
        Assert.False(ClaimDestinations.IsUserInfo(claim));
    }

    [Fact]
    public void TheClientId_GoesOnlyIntoTheAccessToken()
    {
        Assert.Equal([Destinations.AccessToken], ClaimDestinations.For(new Claim(Claims.ClientId, "ordering")));
    }

    [Theory]
    [InlineData("AspNet.Identity.SecurityStamp")]
    [InlineData("anything.else")]
    public void AnyOtherClaim_StaysInsideTheIdP(string type)
    {
        Assert.Empty(ClaimDestinations.For(new Claim(type, "value")));
    }

    [Fact]
    public void Published_IsEveryClaimAClientCanReceive_EachOnce()
    {
        var published = ClaimDestinations.Published.ToList();
        Assert.Equal(published.Distinct().Count(), published.Count);
        Assert.All(published, type => Assert.NotEmpty(ClaimDestinations.For(new Claim(type, "value"))));
        Assert.DoesNotContain(Claims.ClientId, published);
    }

    [Theory]
    [InlineData(Claims.Role, true)]
    [InlineData(PortalClaimTypes.MachineSerial, true)]
    [InlineData(Claims.Email, false)]
    public void ListsStayLists_EvenWithOneValue(string type, bool expected)
    {
        Assert.Equal(expected, ClaimDestinations.IsMultiValued(type));
    }
}
