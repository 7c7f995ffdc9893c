using System.Text.Json;
using CustomerPortal.ServiceDefaults.Hosting;

namespace CustomerPortal.Support.Shared;

/// <summary>A category of the contact form (お問い合わせ内容).</summary>
public sealed record InquiryCategory(string Code, IReadOnlyDictionary<string, string> Names)
{
    public string Name(string language) => Names.TryGetValue(language, out var name) ? name : Names[MessageBundle.DefaultLanguage];
}

/// <summary>A question of 製品別・よくあるお問い合わせ; no models means every machine.</summary>
public sealed record FaqEntry(IReadOnlyList<string> Models, IReadOnlyDictionary<string, string> Question, IReadOnlyDictionary<string, string> Answer)
{
    public string QuestionIn(string language) => Question.TryGetValue(language, out var text) ? text : Question[MessageBundle.DefaultLanguage];
    public string AnswerIn(string language) => Answer.TryGetValue(language, out var text) ? text : Answer[MessageBundle.DefaultLanguage];
}

/// <summary>Configuration section "Content": where seed/support lives (by default the repository's).</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";
    public string? Path { get; set; }
}

/// <summary>The contact form's categories and the FAQ, read once from seed/support.</summary>
public sealed class SupportContent
{
    private static readonly JsonSerializerOptions Json =
        new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public SupportContent(Microsoft.Extensions.Options.IOptions<ContentOptions> options, IHostEnvironment environment)
    {
        var folder = options.Value.Path is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured, environment.ContentRootPath)
            : System.IO.Path.Combine(RepositoryFolder.Resolve(null, "seed", environment.ContentRootPath), "support");
        Categories = Read<List<InquiryCategory>>(System.IO.Path.Combine(folder, "categories.json"));
        Faq = Read<List<FaqEntry>>(System.IO.Path.Combine(folder, "faq.json"));
        if (Categories.Count == 0 || Categories.Any(c => !c.Names.ContainsKey(MessageBundle.DefaultLanguage)))
        {
            throw new ConfigurationException($"{folder}/categories.json needs at least one category, each with a Japanese name.");
        }
    }

    public IReadOnlyList<InquiryCategory> Categories { get; }
    public IReadOnlyList<FaqEntry> Faq { get; }

    public InquiryCategory? Category(string code) => Categories.FirstOrDefault(c => c.Code == code);

    /// <summary>The FAQ grouped by product: every model named in it, then the questions for all machines ("").</summary>
    public IEnumerable<(string Model, IReadOnlyList<FaqEntry> Entries)> FaqByProduct(IReadOnlyCollection<string> ownModelsFirst)
    {
        var models = Faq.SelectMany(f => f.Models).Distinct(StringComparer.Ordinal)
            .OrderBy(m => ownModelsFirst.Contains(m) ? 0 : 1).ThenBy(m => m, StringComparer.Ordinal);
        foreach (var model in models)
        {
            yield return (model, [.. Faq.Where(f => f.Models.Contains(model))]);
        }
        yield return ("", [.. Faq.Where(f => f.Models.Count == 0)]);
    }

    private static T Read<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(file), Json) ?? throw new ConfigurationException($"{file} is empty.");
}
