using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.SecondFactor;

/// <summary>
/// A staff console action needs a second factor proved in the last 15 minutes: later, the action
/// asks for a code first and then runs with what was typed, without typing it again.
/// </summary>
public sealed class StaffStepUpTests(TwoStepPortal portal) : IClassFixture<TwoStepPortal>
{
    [Fact]
    public async Task AnActionLongAfterTheCode_AsksForANewOne_ThenRunsWithWhatWasTyped()
    {
        using var staff = await portal.SignedInDemoStaffAsync(Accounts.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffNoticeForm.SaveAsync(portal, staff, "直後のお知らせ")).StatusCode);

        portal.Clock!.Advance(TimeSpan.FromMinutes(16));
        var asked = await StaffNoticeForm.SaveAsync(portal, staff, "時間が経ってからのお知らせ");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var stepUp = await staff.ParseAsync(asked);
        Assert.NotNull(stepUp.QuerySelector("section.staff-step-up input[name=__StepUpCode]"));
        Assert.Equal("時間が経ってからのお知らせ", stepUp.QuerySelector("input[type=hidden][name='Input.TitleJa']")!.GetAttribute("value"));
        Assert.DoesNotContain("時間が経ってからのお知らせ", await StaffNoticeForm.NoticesAsync(staff));

        var wrong = await staff.ParseAsync(await staff.SubmitAsync(stepUp, "section.staff-step-up form",
            new Dictionary<string, string> { ["__StepUpCode"] = "000000" }));
        Assert.NotNull(wrong.QuerySelector("section.staff-step-up [role=alert]"));

        portal.NextStep();
        var done = await staff.SubmitAsync(wrong, "section.staff-step-up form",
            new Dictionary<string, string> { ["__StepUpCode"] = portal.CodeNow(DemoSecondFactors.KeyOf(Accounts.Staff.Email)) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("時間が経ってからのお知らせ", await StaffNoticeForm.NoticesAsync(staff));

        // The new code counts for the next 15 minutes.
        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffNoticeForm.SaveAsync(portal, staff, "続けてのお知らせ")).StatusCode);
    }
}
