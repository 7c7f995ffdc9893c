using System.IO.Compression;
using System.Text;

namespace CustomerPortal.Identity.PostalCodes;

/// <summary>What a postal code tells of an address: the prefecture's code, the city and the town (either may be empty).</summary>
public sealed record PostalCodeAddress(string PostalCode, string Prefecture, string City, string Town);

/// <summary>
/// Japan Post's postal codes, from seed/postal-codes/postal-codes.tsv.gz (made once from the npm
/// package jquery-jpostal-ja; see the README beside it), so that filling in an address never asks
/// an outside service. Read on the first lookup, not at start (most processes never need it), and
/// kept in sorted arrays: some 143,000 codes in a few MB.
/// </summary>
public sealed class PostalCodeDirectory
{
    public const string FileName = "postal-codes/postal-codes.tsv.gz";

    private readonly Lazy<Table> _table;

    public PostalCodeDirectory(string file) => _table = new(() => Table.Load(file));

    /// <summary>The address of a code written "123-4567" (<see cref="Account.FieldRules.IsPostalCode"/>), or null when Japan Post has none.</summary>
    public PostalCodeAddress? Find(string postalCode)
    {
        var table = _table.Value;
        var index = Array.BinarySearch(table.Codes, int.Parse(postalCode.Remove(3, 1), System.Globalization.CultureInfo.InvariantCulture));
        return index < 0
            ? null
            : new PostalCodeAddress(postalCode, table.Prefectures[index], table.Cities[index], table.Towns[index]);
    }

    private sealed record Table(int[] Codes, string[] Prefectures, string[] Cities, string[] Towns)
    {
        public static Table Load(string file)
        {
            var codes = new List<int>();
            var prefectures = new List<string>();
            var cities = new List<string>();
            var towns = new List<string>();
            // The same prefecture, city and town names recur thousands of times: one string each.
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string name) => names.TryGetValue(name, out var shared) ? shared : names[name] = name;
            try
            {
                using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress), Encoding.UTF8);
                var previous = -1;
                while (reader.ReadLine() is { } line)
                {
                    if (line.Length == 0 || line[0] == '#')
                    {
                        continue;
                    }
                    var parts = line.Split('\t');
                    if (parts.Length != 4 || parts[0].Length != 7 || !int.TryParse(parts[0], out var code) || code <= previous)
                    {
                        throw new InvalidDataException($"line {codes.Count + 1} is not \"code, prefecture, city, town\" in ascending order");
                    }
                    previous = code;
                    codes.Add(code);
                    prefectures.Add(Shared(parts[1]));
                    cities.Add(Shared(parts[2]));
                    towns.Add(Shared(parts[3]));
                }
            }
            catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new ConfigurationException($"The postal code table {file} cannot be read: {error.Message}", error);
            }
            return new Table([.. codes], [.. prefectures], [.. cities], [.. towns]);
        }
    }
}
