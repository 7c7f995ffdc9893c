using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.SecondFactor;

/// <summary>A staff action to step up for: a notice saved from the notices page, published from a few minutes ago.</summary>
internal static class StaffNoticeForm
{
    public static async Task<HttpResponseMessage> SaveAsync(TwoStepPortal portal, Browser staff, string title)
    {
        var editor = await staff.GetPageAsync("/staff/notices");
        var from = portal.Clock!.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).AddMinutes(-5);
        return await staff.SubmitAsync(editor, "form.notice-form", new Dictionary<string, string>
        {
            ["Input.TitleJa"] = title,
            ["Input.TitleEn"] = "A notice",
            ["Input.BodyJa"] = "本文",
            ["Input.BodyEn"] = "Body",
            ["Input.From"] = from.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public static async Task<string> NoticesAsync(Browser staff) => (await staff.GetPageAsync("/staff/notices")).Body!.TextContent;
}
